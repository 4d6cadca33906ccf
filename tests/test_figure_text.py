"""Spreadsheet text in plotly figures is shown as text: no live links, no mangled quotes."""

from workbook.clusters.figures import scorecard_figure
from workbook.clusters.scorecard import scorecard
from workbook.testing import MINIMAL, tiny_project

HOSTILE = '"Arctic" <a href="http://evil.example">Design</a> & co'


def test_cluster_names_in_figures_are_escaped_but_keep_their_quotes():
    clusters = [dict(MINIMAL["clusters"][0], name=HOSTILE)]
    criteria = [{"criterion_id": "K1", "name_fi": "Johtaja", "name_en": "Director", "measure": "yes_no",
                 "threshold": "1", "evidence": "recorded"}]
    project = tiny_project(clusters=clusters, cluster_criteria=criteria)
    figure = scorecard_figure(scorecard(project), "en").to_json()
    assert "<a href" not in figure and "&lt;a href" in figure
    assert '\\"Arctic\\"' in figure and "&quot;" not in figure

"""Actions by focus area: the implementation plan and where each action came from.

Modules, one topic each:

``portfolio``
    actions × focus areas, counts, budget and funding mix, owners and partners by type.
``focus_area``
    everything for one focus area page (:func:`~workbook.actionplan.focus_area.focus_area_page`).
``trace``
    activity → input → action → focus area, voice share, inputs that led nowhere.
``checks``
    plan quality checks in plain words.
``eu_s3``
    the seven fulfilment criteria of the EU "good governance of the S3" condition.
``labels``
    column headers and vocabulary labels for showing any of the tables above.
``figures`` / ``onepager`` / ``export``
    views: plotly figures, the one-pager image per focus area, the deliverable export.
"""

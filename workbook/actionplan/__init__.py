"""Actions by focus area: the implementation plan and where each action came from.

Analyses (project in, DataFrame out), one topic each:

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

Views (tables and language in, drawing out):

``figures``
    plotly figures of those tables.
``pages``
    what each page shows, in order, for the report, the notebook and the dashboard.
``onepager``
    the one-page slide image of a focus area.
``export``
    the deliverable of ``workbook actions``: HTML report, one-pagers, .xlsx.

``examples`` holds the tiny plan the docstring examples run on.
"""

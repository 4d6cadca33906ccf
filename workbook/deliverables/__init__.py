"""Editable deliverables: the slide deck (.pptx) and the Word report (.docx) the client's own staff edit.

``deck``
    ``workbook deck PROJECT --out FILE.pptx``: native PowerPoint charts and tables.
``document``
    ``workbook document PROJECT --out FILE.docx``: the participation summary and the action
    plan with Word heading styles, native tables and chart images with captions.
``common``
    texts, safe text, document properties and deterministic files shared by both.
"""

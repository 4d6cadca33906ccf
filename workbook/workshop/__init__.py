"""Workshop mode: participants add ideas, vote and rate draft actions from their phones
during a workshop or innovation sprint, straight into the project's model.

- :mod:`workbook.workshop.events`: the append-only record (SQLite, WAL) and its state;
- :mod:`workbook.workshop.results`: ideas ranked, who is in the room, ratings (pure);
- :mod:`workbook.workshop.views`: what each page shows, in Finnish or English;
- :mod:`workbook.workshop.server`: the Tornado server of ``workbook workshop``;
- :mod:`workbook.workshop.export`: the rows to append to ``participation`` and ``inputs``.
"""

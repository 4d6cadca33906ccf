"""Smart-specialisation clusters: criteria as data, evidence, scorecard, figures and export.

``evidence`` computes what the project's data can tell about each cluster; ``scorecard``
turns it into verdicts, changes between assessment rounds and gaps in plain words;
``figures`` draws them; ``tables`` lays them out for readers; ``export`` writes the HTML
scorecard and the workbook (``workbook clusters PROJECT --out DIR``).
"""

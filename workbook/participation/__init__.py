"""Summary of the participatory process: who took part, what they said, who was missing.

One topic per module:

``reach``
    Activities over time, participants and organisations per activity, organisations
    reached by type, size, sub-region and municipality, repeat participation, and each
    group's share of the process against its share of the actor registry.
``voice``
    Inputs by activity, focus area and group; sprint votes; top-voted inputs; which groups'
    inputs were taken into actions.
``gaps``
    Inclusiveness gaps in plain Finnish and English: places and groups not heard, focus
    areas with little company input, over- and under-represented groups.
``surveys`` and ``themes``
    Survey answers from the raw exports and their codebook; keyword themes of open answers.
``disclosure``
    How the package applies :mod:`workbook.privacy` to counts, shares and means of people.
``labels``, ``tables``, ``figures``
    Views: labels of groups, display tables and plotly figures (no statistics computed).
``summary`` and ``export``
    The whole summary as sections (for the notebook) and as the deliverable files
    (``workbook summary PROJECT --out DIR``).

Analyses are pure functions taking a :class:`~workbook.project.Project` and returning
DataFrames in which every figure about people is already protected: a hidden figure is
``NaN`` (and flagged in a ``hidden`` column where a ``NaN`` could also mean "no data").
Figures about organisations are not hidden: organisations are public actors whose names
the workbook lists anyway.
"""

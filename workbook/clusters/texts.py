"""The cluster assessment's texts in both languages: the report's titles, notes and sentences.

Apart from :mod:`workbook.clusters.export` so that the dashboard's clusters page can title its
panels without importing the analyses (pandas, plotly).
"""

from __future__ import annotations

from workbook.i18n import Texts

TEXTS: Texts = {
    "title": {"fi": "Klusterien arviointi", "en": "Cluster assessment"},
    "subtitle": {"fi": "{project}: {clusters} klusteria, {criteria} kriteeriä",
                 "en": "{project}: {clusters} clusters, {criteria} criteria"},
    "footer": {"fi": "Strategiatyökirja · klusterien arviointi · {project}",
               "en": "Strategy Workbook · cluster assessment · {project}"},
    "summary": {"fi": "Yhteenveto", "en": "Summary"},
    "round_used": {"fi": "Kirjatut arviot ovat arviointikierrokselta {round} (kierroksia yhteensä: {rounds}).",
                   "en": "Recorded assessments are from the round of {round} (assessment rounds in all: {rounds})."},
    "no_rounds": {"fi": "Klustereista ei ole vielä kirjattuja arvioita.",
                  "en": "No cluster assessments have been recorded yet."},
    "period": {"fi": "Lasketut arvot kuvaavat toimijarekisteriä sellaisenaan ja tilaisuuksia jaksolta "
                     "{start}–{end} ({years} vuotta).",
               "en": "Computed values describe the actor registry as it is and the activities of "
                     "{start}–{end} ({years} years)."},
    "no_period": {"fi": "Hankkeessa ei ole tilaisuuksia, joten tilaisuuksia vuodessa ei voi laskea.",
                  "en": "The project has no activities, so activities a year cannot be computed."},
    "scorecard": {"fi": "Tuloskortti", "en": "Scorecard"},
    "grid_note": {
        "fi": "Solussa on arvo / tavoite. ✓ täyttyy, ◐ täyttyy osittain (vähintään {half} tavoitteesta; "
              "ei kyllä/ei-kriteereissä), ✗ ei täyty, ? ei näyttöä.",
        "en": "Each cell shows value / goal. ✓ met, ◐ partly met (at least {half} of the goal; not for "
              "yes/no criteria), ✗ not met, ? no evidence.",
    },
    "gaps": {"fi": "Mitä klustereilta puuttuu", "en": "What the clusters must close"},
    "no_gaps": {"fi": "Kaikki klusterit täyttävät kaikki kriteerit.", "en": "Every cluster meets every criterion."},
    "no_criteria": {
        "fi": "Klusteritoiminnan kriteerejä ei ole asetettu (projektin taulukko cluster_criteria on tyhjä), "
              "joten yhtäkään klusteria ei ole arvioitu.",
        "en": "No criteria for cluster activity have been set (the project's cluster_criteria table is empty), "
              "so no cluster has been assessed.",
    },
    "no_members": {"fi": "Klustereille ei ole kirjattu jäseniä.", "en": "No members have been recorded for the clusters."},
    "no_clusters": {"fi": "Projektissa ei ole klustereita.", "en": "The project has no clusters."},
    "no_ties": {"fi": "Yksikään klusterin yritysjäsen ei ole kohdannut saman klusterin TKI-jäsentä tilaisuudessa "
                      "tai toimenpiteessä.",
                "en": "No company member of a cluster has met an RDI member of the same cluster in an activity "
                      "or action."},
    "clusters": {"fi": "Klusterit yksitellen", "en": "Cluster by cluster"},
    "coordinator": {"fi": "Koordinaattori: {name}.", "en": "Coordinator: {name}."},
    "focus_areas": {"fi": "Painopistealueet: {names}.", "en": "Focus areas: {names}."},
    "cluster_ok": {"fi": "{cluster} täyttää kaikki kriteerit.", "en": "{cluster} meets every criterion."},
    "members": {"fi": "Jäsenet ja lasketut tiedot", "en": "Members and computed facts"},
    "members_note": {"fi": "Luvut ovat organisaatioiden määriä; henkilötietoja ei käytetä.",
                     "en": "Figures count organisations; no data about people is used."},
    "changes": {"fi": "Muutos arviointikierrosten välillä", "en": "Change between assessment rounds"},
    "changes_between": {"fi": "Kirjattujen arvioiden muutos kierrokselta {before} kierrokselle {after}.",
                        "en": "Change in recorded assessments from the round of {before} to the round of {after}."},
    "one_round": {"fi": "Kirjattuja arviointikierroksia on vasta yksi, joten muutosta ei voi vielä näyttää.",
                  "en": "Only one assessment round has been recorded, so there is no change to show yet."},
    "unchanged": {"fi": "Kirjatuista arvioista {n}/{total} pysyi ennallaan; .xlsx-tiedosto luettelee kaikki.",
                  "en": "{n} of {total} recorded assessments stayed the same; the .xlsx file lists them all."},
    "changes_note": {"fi": "Lasketuilla kriteereillä ei ole historiaa: ne kuvaavat aineistoa sellaisenaan.",
                     "en": "Computed criteria have no history: they describe the data as it is."},
    "criteria": {"fi": "Kriteerit ja tavoitteet", "en": "Criteria and goals"},
    "criteria_note": {"fi": "Kriteerit ja tavoitteet ovat hankkeen taulukossa cluster_criteria; niitä muuttamalla "
                            "tulokset muuttuvat ilman ohjelmointia.",
                      "en": "The criteria and goals are the project's cluster_criteria table; editing it changes "
                            "the verdicts without any programming."},
    "method": {"fi": "Menetelmä", "en": "Method"},
    "method_verdicts": {
        "fi": "Täyttyy: arvo on vähintään tavoite. Täyttyy osittain: määrä-, osuus- ja arvosanakriteereissä arvo "
              "on vähintään {half} tavoitteesta; kyllä/ei-kriteeri joko täyttyy tai ei. Ei näyttöä: arvoa ei ole "
              "kirjattu tai sitä ei voi laskea.",
        "en": "Met: the value is at least the goal. Partly met: for count, share and score criteria the value "
              "reaches at least {half} of the goal; a yes/no criterion is either met or not. No evidence: no value "
              "was recorded or none can be computed.",
    },
    "method_period": {
        "fi": "Tilaisuuksia vuodessa = klusterin järjestämät tai yhdessä järjestämät tilaisuudet jaettuna sen "
              "jakson pituudella, jonka aineisto kattaa (hankkeen ensimmäisestä tilaisuudesta viimeiseen; "
              "alkaneet kalenterikuukaudet / 12).",
        "en": "Activities a year = activities the cluster organised or co-organised, divided by the length of "
              "the period the data covers (the project's first activity to its last; calendar months touched / 12).",
    },
    "method_ties": {
        "fi": "Yritys–TKI-yhteys = yritysjäsenen ja korkeakoulu- tai tutkimusjäsenen pari, joka on osallistunut "
              "samaan tilaisuuteen tai on mukana samassa toimenpiteessä. Osallistuneiden yritysten osuus = "
              "yritysjäsenet, jotka osallistuivat johonkin tilaisuuteen, jaettuna kaikilla yritysjäsenillä.",
        "en": "A company–RDI tie = a pair of a company member and a higher-education or research member that took "
              "part in the same activity or work in the same action. Share of companies who took part = company "
              "members that took part in any activity, divided by all company members.",
    },
    "method_rounds": {
        "fi": "Arviointikierros: arviot, joiden välissä on enintään {days} päivää, kuuluvat samaan kierrokseen. "
              "Kierroksen sisällä myöhempi arvio korvaa aiemman.",
        "en": "Assessment round: assessments no more than {days} days apart belong to the same round. Within a "
              "round, a later assessment replaces an earlier one.",
    },
    "sheet_scorecard": {"fi": "Tuloskortti", "en": "Scorecard"},
    "sheet_grid": {"fi": "Yhteenveto", "en": "Grid"},
    "sheet_gaps": {"fi": "Puutteet", "en": "Gaps"},
    "sheet_criteria": {"fi": "Kriteerit", "en": "Criteria"},
    "sheet_facts": {"fi": "Lasketut tiedot", "en": "Computed facts"},
    "sheet_membership": {"fi": "Jäsenet tyypeittäin", "en": "Members by type"},
    "sheet_members": {"fi": "Jäsenorganisaatiot", "en": "Member organisations"},
    "sheet_ties": {"fi": "Yritys-TKI-yhteydet", "en": "Company-RDI ties"},
    "sheet_changes": {"fi": "Muutokset", "en": "Changes"},
    "sheet_assessments": {"fi": "Kirjatut arviot", "en": "Recorded assessments"},
}

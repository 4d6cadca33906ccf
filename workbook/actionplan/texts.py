"""The action plan's texts in both languages: the report's titles, notes and sentences.

Apart from :mod:`workbook.actionplan.pages` so that the dashboard's actions page can title its
panels without importing the plan's analyses (pandas, plotly).
"""

TEXTS = {
    "title": {"fi": "Toimenpiteet painopistealueittain", "en": "Actions by focus area"},
    "subtitle": {"fi": "{project} · {region}", "en": "{project} · {region}"},
    "subtitle_period": {"fi": "{project} · {region} · strategiakausi {start}–{end}",
                        "en": "{project} · {region} · strategy period {start}–{end}"},
    "intro": {
        "fi": "Suunnitelmassa on {actions} toimenpidettä {areas} painopistealueella, budjetti yhteensä {budget}. {sourced}/{actions} toimenpiteellä on kirjattu lähtöidea: ne perustuvat {inputs} ideaan, ehdotukseen tai havaintoon {activities} osallistavasta tilaisuudesta.",
        "en": "The plan has {actions} actions in {areas} focus areas, with a total budget of {budget}. {sourced} of the {actions} actions name the inputs they came from: {inputs} ideas, proposals or findings from {activities} participatory activities.",
    },
    "portfolio": {"fi": "Kokonaiskuva", "en": "The portfolio"},
    "summary_caption": {"fi": "Toimenpiteet, budjetti ja toimijat painopistealueittain",
                        "en": "Actions, budget and organisations by focus area"},
    "budget_note": {
        "fi": "Monta painopistealuetta palveleva toimenpide lasketaan jokaiselle alueelleen koko budjetillaan; Yhteensä-rivillä jokainen toimenpide on mukana kerran. Rahoituslähteille budjetti jaetaan tasan, koska suunnitelma ei kerro osuuksia.",
        "en": "An action serving several focus areas counts in each of them with its whole budget; the Total row counts every action once. A budget is split equally among its funding sources, as the plan does not give the shares.",
    },
    "fa_actions": {"fi": "Toimenpiteet", "en": "Actions"},
    "fa_indicators": {"fi": "Tavoitteet ja mittarit", "en": "Goals and indicators"},
    "fa_no_indicators": {"fi": "Alueelle ei ole mittareita.", "en": "The area has no indicators."},
    "fa_actors": {"fi": "Vastuutahot ja kumppanit", "en": "Owners and partners"},
    "fa_funding": {"fi": "Budjetti ja rahoituslähteet", "en": "Budget and funding sources"},
    "fa_clusters": {"fi": "Alueella toimivat klusterit", "en": "Clusters active in the area"},
    "fa_no_clusters": {"fi": "Yksikään klusteri ei nimeä aluetta eikä ole mukana sen toimenpiteissä.",
                       "en": "No cluster names the area or takes part in its actions."},
    "fa_trace": {"fi": "Mistä alueen toimenpiteet tulivat", "en": "Where the area's actions came from"},
    "fa_no_actions": {"fi": "Alueella ei ole toimenpiteitä.", "en": "The area has no actions."},
    "fa_finding": {"fi": "{subject_id} · {subject}: {check}. {finding}", "en": "{subject_id} · {subject}: {check}. {finding}"},
    "trace": {"fi": "Ideasta toimenpiteeksi", "en": "From input to action"},
    "trace_intro": {
        "fi": "Yhteydet perustuvat vain suunnitelman omiin merkintöihin (lähtöideat): mitään ei päätellä sanamuotojen samankaltaisuudesta. Idea voi johtaa useaan toimenpiteeseen, ja toimenpide voi perustua moneen ideaan.",
        "en": "The links come only from the plan's own records (source inputs): nothing is inferred from similar wording. An input may feed several actions, and an action may draw on several inputs.",
    },
    "overview_note": {
        "fi": "Kuva näyttää, mille painopistealueille kunkin tilaisuuden ideat päätyivät; idea lasketaan kerran kullekin alueelle, jonka toimenpiteeseen se johti. Toimenpidetason kuvat ovat painopistealueiden sivuilla.",
        "en": "The diagram shows which focus areas each activity's inputs reached; an input counts once for every area with an action it led to. The diagrams down to each action are on the focus area pages.",
    },
    "voice_heading": {"fi": "Kenen ääni kuului", "en": "Whose voice was heard"},
    "voice_note": {
        "fi": "Äänen osuus = kuinka suuri osa ryhmän ideoista johti vähintään yhteen toimenpiteeseen. Alle {n} idean ryhmiä ei verrata: niiden osuus on piilotettu.",
        "en": "Voice share = the share of a group's inputs that ended in at least one action. Groups with fewer than {n} inputs are not compared: their share is hidden.",
    },
    "sources_heading": {"fi": "Kunkin toimenpiteen lähteet", "en": "The sources of each action"},
    "unused_heading": {"fi": "Ideat, jotka eivät johtaneet toimenpiteeseen", "en": "Inputs that led to no action"},
    "unused_count": {"fi": "{unused}/{inputs} ideaa ei johtanut yhteenkään toimenpiteeseen.",
                     "en": "{unused} of {inputs} inputs led to no action."},
    "unused_none": {"fi": "Jokainen idea johti vähintään yhteen toimenpiteeseen.",
                    "en": "Every input ended in at least one action."},
    "checks": {"fi": "Suunnitelman laatutarkistukset", "en": "Plan quality checks"},
    "checks_clean": {"fi": "Tarkistukset eivät löytäneet puutteita.", "en": "The checks found no gaps."},
    "checks_found": {"fi": "Tarkistukset löysivät {n} korjattavaa kohtaa.", "en": "The checks found {n} things to fix."},
    "s3": {"fi": "EU:n edellytys: älykkään erikoistumisen strategian hyvä hallinto",
           "en": "EU enabling condition: good governance of the smart specialisation strategy"},
    "s3_intro": {
        "fi": "Kaudella 2021–2027 EU:n rahoitus edellyttää, että strategia täyttää seitsemän kriteeriä. Taulukko kertoo, mitä näyttöä projektin aineisto antaa kustakin ja mitä siitä puuttuu. Arvio koskee aineistoa, ei ole päätös kriteerin täyttymisestä.",
        "en": "In 2021–2027 EU funding requires the strategy to fulfil seven criteria. The table shows the evidence the project data gives for each and what is missing. The assessment is about the data; it is not a ruling on whether a criterion is fulfilled.",
    },
    "footer": {"fi": "{project} · Strategiatyökirja", "en": "{project} · Strategy Workbook"},
}

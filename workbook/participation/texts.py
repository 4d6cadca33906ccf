"""The participation summary's texts in both languages: section titles, sentences, sheet names.

Apart from :mod:`workbook.participation.summary` so that a dashboard page can title its
panels without importing the analyses (pandas, plotly).
"""

TEXTS = {
    "title": {"fi": "Osallistamisen tulosten yhteenveto", "en": "Summary of the participatory process"},
    "overview": {"fi": "Prosessi lyhyesti", "en": "The process at a glance"},
    "overview_text": {
        "fi": "{activities} tilaisuutta tavoitti {organisations} organisaatiota {reached} kunnasta alueen {municipalities} kunnasta; {repeat} organisaatiota osallistui useampaan kuin yhteen tilaisuuteen. Ideoita ja ehdotuksia kirjattiin {inputs}, joista {in_actions} päätyi toimenpiteisiin.",
        "en": "{activities} activities reached {organisations} organisations from {reached} of the region's {municipalities} municipalities; {repeat} organisations took part in more than one activity. {inputs} inputs were recorded, {in_actions} of which were taken into actions.",
    },
    "activities": {"fi": "Tilaisuudet ja osallistujat", "en": "Activities and participants"},
    "activities_text": {
        "fi": "Mitä tilaisuuksia järjestettiin ja milloin, ja kuinka monta organisaatiota ja henkilöä kuhunkin osallistui. Järjestäjiä ja fasilitaattoreita ei lasketa osallistujiksi.",
        "en": "Which activities were held and when, and how many organisations and people took part in each. Organisers and facilitators are not counted as participants.",
    },
    "organisations": {"fi": "Tavoitetut organisaatiot", "en": "Organisations reached"},
    "organisations_text": {
        "fi": "Kuinka suuri osa toimijarekisterin organisaatioista osallistui ainakin yhteen tilaisuuteen – tyypeittäin, yritysten kokoluokittain, seutukunnittain ja kaikissa alueen kunnissa (myös ne, joista ei osallistuttu).",
        "en": "How many of the organisations in the actor registry took part in at least one activity — by type, company size, sub-region and in every municipality of the region (also those from which nobody took part).",
    },
    "repeat": {"fi": "Toistuva osallistuminen", "en": "Repeat participation"},
    "repeat_text": {
        "fi": "{repeat} organisaatiota {organisations}:sta osallistui useampaan kuin yhteen tilaisuuteen. Henkilöt tunnistetaan vain pseudonyymistä; ilman sitä kirjattuja osallistumisia ei voi yhdistää.",
        "en": "{repeat} of the {organisations} organisations reached took part in more than one activity. People are recognised by their pseudonym only; attendances recorded without one cannot be linked.",
    },
    "representation": {"fi": "Ryhmien edustus", "en": "Representation of groups"},
    "representation_text": {
        "fi": "Kunkin ryhmän osuus osallistujista verrattuna sen osuuteen toimijarekisteristä. Edustusluku yli 1 tarkoittaa yliedustusta, alle 1 aliedustusta.",
        "en": "Each group's share of those taking part compared with its share of the actor registry. A representation above 1 means over-represented, below 1 under-represented.",
    },
    "inputs": {"fi": "Mitä sanottiin: ideat ja ehdotukset", "en": "What was said: inputs"},
    "inputs_text": {
        "fi": "Ideat, ehdotukset ja havainnot tilaisuuksittain, painopistealueittain ja ehdottajan ryhmän mukaan. Idea, joka koskee kahta painopistealuetta, lasketaan kumpaankin.",
        "en": "Ideas, proposals and findings by activity, focus area and the proposer's group. An input about two focus areas counts in both.",
    },
    "votes": {"fi": "Äänet ja eniten kannatetut ideat", "en": "Votes and the most-supported inputs"},
    "votes_text": {
        "fi": "Innovaatiosprinttien äänet ja kunkin painopistealueen eniten ääniä saaneet ideat. Ideat näytetään ehdottajan ryhmän, ei organisaation nimen kanssa.",
        "en": "Votes in the innovation sprints and the most-voted inputs of each focus area. Inputs are shown with the proposer's group, not the organisation's name.",
    },
    "no_sprints": {"fi": "Projektissa ei ole innovaatiosprinttejä.", "en": "The project has no innovation sprints."},
    "actions": {"fi": "Mitkä ideat päätyivät toimenpiteisiin", "en": "Which inputs were taken into actions"},
    "actions_text": {
        "fi": "Idea on päätynyt toimenpiteisiin, kun jokin toimenpidesuunnitelman toimenpide nimeää sen lähteekseen.",
        "en": "An input was taken into actions when an action of the plan names it as a source.",
    },
    "gaps": {"fi": "Osallisuuden aukot", "en": "Gaps in inclusiveness"},
    "gaps_text": {
        "fi": "Ketkä ja mitkä paikat jäivät kuulematta, missä yritysten ääni jäi heikoksi ja mitkä ryhmät olivat yliedustettuina. Säännöt ja raja-arvot on kuvattu menetelmäosiossa.",
        "en": "Which groups and places were not heard, where companies had little voice, and which groups were over-represented. The rules and thresholds are described in the method section.",
    },
    "survey": {"fi": "Kysely {survey}", "en": "Survey {survey}"},
    "surveys_text": {
        "fi": "Kyselyjen tulokset raakavientitiedostoista ja koodikirjasta. Vastaajien nimet ja sähköpostit poistetaan jo latauksessa; avoimet vastaukset näytetään vastaajan ryhmän kanssa.",
        "en": "Survey results from the raw exports and the codebook. Respondents' names and e-mails are dropped when the data is loaded; open answers are shown with the respondent's group.",
    },
    "no_surveys": {"fi": "Projektissa ei ole kyselyjä.", "en": "The project has no surveys."},
    "by_actor_type": {"fi": "Vastaajan organisaatiotyypin mukaan", "en": "By the respondent's type of organisation"},
    "by_sub_region": {"fi": "Vastaajan seutukunnan mukaan", "en": "By the respondent's sub-region"},
    "open_answers": {"fi": "Avoimet vastaukset", "en": "Open answers"},
    "no_open_answers": {
        "fi": "Avoimia vastauksia ei näytetä: niitä on vähemmän kuin {n}.",
        "en": "No open answers are shown: there are fewer than {n}.",
    },
    "method": {"fi": "Menetelmä ja tietosuoja", "en": "Method and privacy"},
    "method_people": {
        "fi": "Tässä yhteenvedossa piilotetaan henkilöitä koskevat luvut (osallistujat, vastaajat ja heidän osuutensa ja keskiarvonsa), kun ryhmässä on alle {n} henkeä. Organisaatioiden määrät näytetään sellaisinaan, sillä organisaatiot ovat julkisia toimijoita.",
        "en": "This summary hides figures about people (participants, respondents, and their shares and means) when a group has fewer than {n} people. Counts of organisations are shown as they are, since organisations are public actors.",
    },
    "method_gaps": {
        "fi": "Aukkojen säännöt: aliedustettu, kun osuus osallistujista on alle {under} kertaa osuus rekisteristä; yliedustettu, kun yli {over} kertaa; painopistealueella vähän yritysten ääntä, kun yritysten osuus sen ideoista on alle {low}.",
        "en": "Gap rules: under-represented when the share of those taking part is below {under} times the share of the registry; over-represented above {over} times; little company voice in a focus area when companies raised less than {low} of its inputs.",
    },
    "method_themes": {
        "fi": "Avointen vastausten teemat on tunnistettu yksinkertaisilla avainsanoilla (perusmuotoistus simplemma-kirjastolla suomeksi ja englanniksi). Vastaus voi kuulua useaan teemaan tai ei yhteenkään; teemat ovat lukemisen apuväline, eivät analyysi.",
        "en": "Themes of open answers are found with simple keywords (lemmatised with simplemma in Finnish and English). An answer can belong to several themes or none; the themes are a reading aid, not an analysis.",
    },
    "method_ci": {
        "fi": "Keskiarvojen luottamusvälit kuvaavat vain vastausmäärästä johtuvaa epävarmuutta: vastaajat eivät ole satunnaisotos.",
        "en": "Confidence intervals of means show only the uncertainty from the number of answers: respondents are not a random sample.",
    },
    "sheet_headlines": {"fi": "Yhteenveto", "en": "Headlines"},
    "sheet_activities": {"fi": "Tilaisuudet", "en": "Activities"},
    "sheet_reached": {"fi": "Tavoitetut {dimension}", "en": "Reached {dimension}"},
    "sheet_repeat": {"fi": "Toistuva osallistuminen", "en": "Repeat participation"},
    "sheet_representation": {"fi": "Edustus {dimension}", "en": "Representation {dimension}"},
    "sheet_inputs": {"fi": "Ideat {dimension}", "en": "Inputs {dimension}"},
    "sheet_sprints": {"fi": "Sprinttien äänet", "en": "Sprint votes"},
    "sheet_top": {"fi": "Eniten ääniä", "en": "Top-voted inputs"},
    "sheet_actions": {"fi": "Ideat toimenpiteisiin", "en": "Inputs into actions"},
    "sheet_gaps": {"fi": "Osallisuuden aukot", "en": "Inclusiveness gaps"},
    "sheet_surveys": {"fi": "Kyselyt", "en": "Surveys"},
    "sheet_survey": {"fi": "{survey} {part}", "en": "{survey} {part}"},
    "part_respondents": {"fi": "vastaajat", "en": "respondents"},
    "part_likert": {"fi": "väittämät", "en": "statements"},
    "part_no_answer": {"fi": "ei vastausta", "en": "no answer"},
    "no_answer_text": {
        "fi": "Tyhjät vastaukset ja vastaukset, jotka koodikirjan mukaan tarkoittavat \"ei vastausta\" (En osaa sanoa, EOS, Ei vastausta …), lasketaan erikseen: ne eivät sisälly jakaumiin, osuuksiin eivätkä keskiarvoihin.",
        "en": "Blank answers and answers that the codebook treats as \"no answer\" (Don't know, N/A …) are counted apart: they are left out of every distribution, share and mean.",
    },
    "part_choices": {"fi": "valinnat", "en": "choices"},
    "part_numbers": {"fi": "luvut", "en": "numbers"},
    "part_open": {"fi": "avoimet", "en": "open answers"},
    "part_themes": {"fi": "teemat", "en": "themes"},
    "dimension_short_actor_type": {"fi": "tyypeittäin", "en": "by type"},
    "dimension_short_helix": {"fi": "sektoreittain", "en": "by sphere"},
    "dimension_short_size_class": {"fi": "kokoluokittain", "en": "by size"},
    "dimension_short_sub_region": {"fi": "seutukunnittain", "en": "by sub-region"},
    "dimension_short_municipality": {"fi": "kunnittain", "en": "by municipality"},
    "dimension_short_activity": {"fi": "tilaisuuksittain", "en": "by activity"},
    "dimension_short_focus_area": {"fi": "painopisteittäin", "en": "by focus area"},
}

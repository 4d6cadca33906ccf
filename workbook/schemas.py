"""The data model: every table of a project declared once.

Each table is a pandera ``DataFrameModel``. The same declaration validates the loaded
data, documents the data model (``workbook datamodel``) and generates the Excel template.
Column metadata:

``fi`` / ``en``
    Plain-language description of the column in Finnish and English.
``ref``
    ``"table.column"`` that every (split) value must exist in.
``multi``
    The cell holds several values separated by ``;``; ``link`` names the link table
    ``Project`` builds from it (one row per value).
``vocab``
    Name of the controlled vocabulary in :mod:`workbook.vocab`; labels are accepted too.
``optional_column``
    The column may be left out of the file altogether.
``example``
    An example value, shown in the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from workbook import vocab

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"


def _field(
    en: str,
    fi: str,
    *,
    required: bool = True,
    unique: bool = False,
    ref: str | None = None,
    multi: bool = False,
    link: str | None = None,
    vocab_name: str | None = None,
    optional_column: bool = False,
    example: object = None,
    is_id: bool = False,
    **checks: Any,
) -> Any:
    metadata = {
        "fi": fi,
        "en": en,
        "ref": ref,
        "multi": multi,
        "link": link,
        "vocab": vocab_name,
        "optional_column": optional_column or not required,
        "example": example,
        "is_id": is_id,
    }
    if vocab_name and not multi:
        checks["isin"] = vocab.codes(getattr(vocab, vocab_name))
    if is_id:
        checks["str_matches"] = ID_PATTERN
    return pa.Field(
        nullable=not required, unique=unique, description=en, metadata=metadata, **checks
    )


@dataclass(frozen=True)
class Setting:
    """One project setting: what it means in Finnish and English, and an example value.

    ``in_template`` settings get their own row in the Excel template's project sheet.
    """

    fi: str
    en: str
    example: str | None = None
    in_template: bool = True


# Every setting a project's key/value table may hold; the template and the data model
# documentation are written from this.
SETTINGS: dict[str, Setting] = {
    "name": Setting("Projektin nimi", "Project name", "Lapin S3-strategian uudistus"),
    "name_en": Setting("Projektin nimi englanniksi (tyhjä: käytetään nimeä)",
                       "Project name in English (blank: the name is used)", "Renewal of Lapland's S3 strategy"),
    "region": Setting("Maakunta tai alue", "Region", "Lapland"),
    "country": Setting("Maa (ISO-koodi)", "Country (ISO code)", "FI"),
    "period_start": Setting("Strategiakauden alku", "Start of the strategy period", "1.3.2023"),
    "period_end": Setting("Strategiakauden loppu", "End of the strategy period", "31.12.2027"),
    "languages": Setting("Raporttien kielet (fi;en)", "Languages of the reports (fi;en)", "fi;en"),
    "min_group_size": Setting("Pienin julkaistava ryhmäkoko", "Smallest group size shown in published figures", "5"),
    "description": Setting("Projektin kuvaus", "Description of the project", None),
    "description_en": Setting("Projektin kuvaus englanniksi (tyhjä: käytetään kuvausta)",
                              "Description in English (blank: the description is used)", None),
    "open_answers": Setting("Avovastaukset julkaisuissa: show (näytetään peitettyinä) tai hide (piilotetaan)",
                            "Open answers in published outputs: show (masked) or hide", "show"),
    "demo": Setting("Demoaineisto (yes vain työkirjan omassa demossa)",
                    "Demo data (yes only in the workbook's own demo)", None, in_template=False),
    "date_system": Setting("Excelin päivämääräjärjestelmä (1900 tai 1904)",
                           "Excel's date system (1900 or 1904)", "1900", in_template=False),
}


class ProjectSettings(pa.DataFrameModel):
    """Project settings as key/value rows."""

    key: Series[str] = _field(
        "Setting name", "Asetuksen nimi", unique=True, example="region", isin=list(SETTINGS),
    )
    value: Series[str] = _field("Setting value", "Asetuksen arvo", required=False, example="Lapland")


class FocusAreas(pa.DataFrameModel):
    """A strategy focus area (painopistealue)."""

    focus_area_id: Series[str] = _field("Focus area id", "Painopistealueen tunniste",
                                        unique=True, is_id=True, example="FA1")
    name_fi: Series[str] = _field("Name in Finnish", "Nimi suomeksi", example="Kiertotalous")
    name_en: Series[str] = _field("Name in English", "Nimi englanniksi", example="Circular economy")
    description_fi: Series[str] = _field("Description in Finnish", "Kuvaus suomeksi", required=False)
    description_en: Series[str] = _field("Description in English", "Kuvaus englanniksi", required=False)


class Actors(pa.DataFrameModel):
    """An organisation of the ecosystem."""

    actor_id: Series[str] = _field("Actor id", "Toimijan tunniste", unique=True, is_id=True, example="A001")
    name: Series[str] = _field("Organisation name", "Organisaation nimi", example="Lapin liitto")
    actor_type: Series[str] = _field("Type of organisation", "Organisaation tyyppi",
                                     vocab_name="ACTOR_TYPES", example="company")
    municipality: Series[str] = _field(
        "Home municipality (blank for organisations outside the region)",
        "Kotikunta (tyhjä, jos toimija on alueen ulkopuolelta)", required=False, example="Rovaniemi")
    location: Series[str] = _field("Location outside the region", "Sijainti alueen ulkopuolella",
                                   required=False, example="Luleå")
    country: Series[str] = _field("Country (ISO code, default FI)", "Maa (ISO-koodi, oletus FI)",
                                  required=False, str_matches=r"^[A-Z]{2}$", example="FI")
    business_id: Series[str] = _field("Finnish business ID (Y-tunnus)", "Y-tunnus", required=False,
                                      example="0245437-2")
    size_class: Series[str] = _field("Company size class", "Yrityksen kokoluokka", required=False,
                                     vocab_name="SIZE_CLASSES", example="small")
    sector: Series[str] = _field("Sector", "Toimiala", required=False, example="Tourism")
    clusters: Series[object] = _field("Clusters the actor belongs to", "Klusterit, joihin toimija kuuluu",
                                      required=False, multi=True, ref="clusters.cluster_id",
                                      link="actor_clusters", example="CL1;CL3")


class Activities(pa.DataFrameModel):
    """A participatory event: workshop, survey, sprint, interview or webinar."""

    activity_id: Series[str] = _field("Activity id", "Tilaisuuden tunniste", unique=True, is_id=True, example="W01")
    kind: Series[str] = _field("Kind of activity", "Tilaisuuden laji", vocab_name="ACTIVITY_KINDS",
                               example="workshop")
    title: Series[str] = _field("Title", "Otsikko", example="Kiertotalouden työpaja")
    date: Series[pd.Timestamp] = _field("Date (for surveys: closing date)", "Päivämäärä (kyselyissä päättymispäivä)",
                                        example="15.9.2022")
    municipality: Series[str] = _field("Where it was held (blank if online)", "Pitopaikka (tyhjä, jos verkossa)",
                                       required=False, example="Rovaniemi")
    focus_areas: Series[object] = _field("Focus areas discussed", "Käsitellyt painopistealueet", required=False,
                                         multi=True, ref="focus_areas.focus_area_id",
                                         link="activity_focus_areas", example="FA1;FA2")
    clusters: Series[object] = _field("Clusters that organised or co-organised it",
                                      "Klusterit, jotka järjestivät tai olivat mukana järjestämässä",
                                      required=False, multi=True, ref="clusters.cluster_id",
                                      link="activity_clusters", example="CL1")


class Participation(pa.DataFrameModel):
    """An actor (optionally a pseudonymous person) taking part in an activity."""

    activity_id: Series[str] = _field("Activity", "Tilaisuus", ref="activities.activity_id", example="W01")
    actor_id: Series[str] = _field("Organisation", "Organisaatio", ref="actors.actor_id", example="A001")
    participant_id: Series[str] = _field("Pseudonymous person id (never a name)",
                                         "Henkilön pseudonyymi (ei koskaan nimeä)", required=False,
                                         is_id=True, example="P0001")
    role: Series[str] = _field("Role", "Rooli", required=False, vocab_name="PARTICIPATION_ROLES",
                               example="participant")


class Inputs(pa.DataFrameModel):
    """An idea, proposal or finding raised in an activity."""

    input_id: Series[str] = _field("Input id", "Syötteen tunniste", unique=True, is_id=True, example="I001")
    activity_id: Series[str] = _field("Activity where it was raised", "Tilaisuus, jossa se nousi esiin",
                                      ref="activities.activity_id", example="W01")
    actor_id: Series[str] = _field("Organisation that raised it (blank if anonymous)",
                                   "Ehdottanut organisaatio (tyhjä, jos anonyymi)", required=False,
                                   ref="actors.actor_id", example="A001")
    kind: Series[str] = _field("Idea, proposal or finding", "Idea, ehdotus vai havainto", required=False,
                               vocab_name="INPUT_KINDS", example="idea")
    text: Series[str] = _field("What was said", "Mitä sanottiin", example="Yhteinen datatila matkailuyrityksille")
    focus_areas: Series[object] = _field("Focus areas it concerns", "Painopistealueet, joita se koskee",
                                         required=False, multi=True, ref="focus_areas.focus_area_id",
                                         link="input_focus_areas", example="FA2")
    votes: Series[pd.Int64Dtype] = _field("Votes received", "Saadut äänet", required=False, ge=0, example=3)


class Actions(pa.DataFrameModel):
    """An action of the implementation plan."""

    action_id: Series[str] = _field("Action id", "Toimenpiteen tunniste", unique=True, is_id=True, example="T01")
    title_fi: Series[str] = _field("Title in Finnish", "Otsikko suomeksi", example="Kiertotalouden yrityspalvelut")
    title_en: Series[str] = _field("Title in English", "Otsikko englanniksi", example="Circular economy business services")
    focus_areas: Series[object] = _field("Focus areas it serves", "Painopistealueet, joita se palvelee",
                                         multi=True, ref="focus_areas.focus_area_id",
                                         link="action_focus_areas", example="FA1")
    owner_actor_id: Series[str] = _field("Responsible organisation", "Vastuuorganisaatio", required=False,
                                         ref="actors.actor_id", example="A001")
    partner_actor_ids: Series[object] = _field("Partner organisations", "Kumppaniorganisaatiot", required=False,
                                               multi=True, ref="actors.actor_id", link="action_partners",
                                               example="A002;A003")
    start: Series[pd.Timestamp] = _field("Start date", "Alkupäivä", required=False, example="1.1.2024")
    end: Series[pd.Timestamp] = _field("End date", "Loppupäivä", required=False, example="31.12.2025")
    budget_eur: Series[float] = _field("Budget (EUR)", "Budjetti (euroa)", required=False, ge=0, example=250000)
    funding: Series[object] = _field("Funding sources", "Rahoituslähteet", required=False, multi=True,
                                     link="action_funding", example="EAKR;kunnat")
    status: Series[str] = _field("Status", "Tila", required=False, vocab_name="ACTION_STATUSES", example="planned")
    source_input_ids: Series[object] = _field("Inputs it came from", "Syötteet, joista se syntyi", required=False,
                                              multi=True, ref="inputs.input_id", link="action_inputs",
                                              example="I001;I017")
    indicators: Series[object] = _field("Indicators that measure it", "Mittarit", required=False, multi=True,
                                        ref="indicators.indicator_id", link="action_indicators", example="M01")


class Indicators(pa.DataFrameModel):
    """An output or result indicator."""

    indicator_id: Series[str] = _field("Indicator id", "Mittarin tunniste", unique=True, is_id=True, example="M01")
    name_fi: Series[str] = _field("Name in Finnish", "Nimi suomeksi", example="Uudet yritysyhteistyöhankkeet")
    name_en: Series[str] = _field("Name in English", "Nimi englanniksi", example="New company collaboration projects")
    kind: Series[str] = _field("Output or result", "Tuotos vai tulos", vocab_name="INDICATOR_KINDS", example="output")
    unit: Series[str] = _field("Unit", "Yksikkö", required=False, example="kpl")
    baseline: Series[float] = _field("Baseline value", "Lähtötaso", required=False, example=0)
    target: Series[float] = _field("Target value", "Tavoitetaso", required=False, example=20)
    focus_area_id: Series[str] = _field("Focus area", "Painopistealue", required=False,
                                        ref="focus_areas.focus_area_id", example="FA1")


class IndicatorValues(pa.DataFrameModel):
    """A measured value of an indicator."""

    indicator_id: Series[str] = _field("Indicator", "Mittari", ref="indicators.indicator_id", example="M01")
    date: Series[pd.Timestamp] = _field("Date measured", "Mittauspäivä", example="31.12.2023")
    value: Series[float] = _field("Measured value", "Mitattu arvo", example=4)


class Clusters(pa.DataFrameModel):
    """A smart-specialisation cluster."""

    cluster_id: Series[str] = _field("Cluster id", "Klusterin tunniste", unique=True, is_id=True, example="CL1")
    name: Series[str] = _field("Cluster name", "Klusterin nimi", example="Arctic Design")
    focus_areas: Series[object] = _field("Focus areas it works in", "Painopistealueet", required=False, multi=True,
                                         ref="focus_areas.focus_area_id", link="cluster_focus_areas",
                                         example="FA2;FA3")
    coordinator_actor_id: Series[str] = _field("Coordinating organisation", "Koordinoiva organisaatio",
                                               required=False, ref="actors.actor_id", example="A003")


class ClusterCriteria(pa.DataFrameModel):
    """A criterion for cluster activity, with its goal."""

    criterion_id: Series[str] = _field("Criterion id", "Kriteerin tunniste", unique=True, is_id=True, example="K1")
    name_fi: Series[str] = _field("Name in Finnish", "Nimi suomeksi", example="Todennettava yritysten sitoutuminen")
    name_en: Series[str] = _field("Name in English", "Nimi englanniksi", example="Verifiable company involvement")
    description_fi: Series[str] = _field("Description in Finnish", "Kuvaus suomeksi", required=False)
    description_en: Series[str] = _field("Description in English", "Kuvaus englanniksi", required=False)
    measure: Series[str] = _field("How it is measured", "Mittaustapa", vocab_name="CRITERION_MEASURES",
                                  example="count")
    threshold: Series[float] = _field("Goal: value at or above which it is met", "Tavoite: täyttyy, kun arvo on vähintään",
                                      example=10)
    evidence: Series[str] = _field("Where the value comes from", "Mistä arvo saadaan", required=False,
                                   vocab_name="CRITERION_EVIDENCE", example="company_members")


class ClusterAssessments(pa.DataFrameModel):
    """One cluster scored on one criterion in one assessment round."""

    cluster_id: Series[str] = _field("Cluster", "Klusteri", ref="clusters.cluster_id", example="CL1")
    criterion_id: Series[str] = _field("Criterion", "Kriteeri", ref="cluster_criteria.criterion_id", example="K2")
    value: Series[float] = _field("Assessed value", "Arvioitu arvo", required=False, example=1)
    evidence: Series[str] = _field("Evidence", "Näyttö", required=False, example="Johtaja nimitetty 1.3.2023")
    assessed_on: Series[pd.Timestamp] = _field("Date of assessment", "Arviointipäivä", example="30.4.2023")


class SurveyQuestions(pa.DataFrameModel):
    """Codebook of the raw survey exports in ``surveys/`` (.csv or .xlsx): one row per question; a multiple-choice question exported as one column per option ("Question: Option", "Question [Option]") has one row whose column is the question part."""

    survey_id: Series[str] = _field("Survey (activity id; export file surveys/<id>.csv or .xlsx)",
                                    "Kysely (tilaisuuden tunniste; tiedosto surveys/<tunniste>.csv tai .xlsx)",
                                    ref="activities.activity_id", example="S1")
    question_id: Series[str] = _field("Question id", "Kysymyksen tunniste", is_id=True, example="Q1")
    column: Series[str] = _field("Column header in the export", "Sarakkeen otsikko vientitiedostossa",
                                 example="Organisaationne tyyppi")
    text_fi: Series[str] = _field("Question in Finnish", "Kysymys suomeksi", required=False)
    text_en: Series[str] = _field("Question in English", "Kysymys englanniksi", required=False)
    type: Series[str] = _field("Question type", "Kysymyksen tyyppi", vocab_name="QUESTION_TYPES", example="likert")
    scale: Series[str] = _field("Scale (likert: 1-5) or options separated by ;",
                                "Asteikko (likert: 1-5) tai vaihtoehdot ;-merkillä eroteltuna",
                                required=False, example="1-5")
    no_answer: Series[str] = _field(
        "More answers meaning \"no answer\", separated by ; (\"En osaa sanoa\", \"EOS\", \"Don't know\", "
        "\"N/A\" and blank always are)",
        "Muut \"ei vastausta\" -arvot ;-merkillä eroteltuina (\"En osaa sanoa\", \"EOS\", \"Ei vastausta\", "
        "\"N/A\" ja tyhjä ovat aina)",
        required=False, example="99")
    labels: Series[str] = _field(
        "What answers mean, as answer=meaning separated by ; (scale point, actor type, municipality or option)",
        "Vastausten merkitys muodossa vastaus=merkitys ;-merkillä eroteltuina (asteikon kohta, "
        "toimijatyyppi, kunta tai vaihtoehto)",
        required=False, example="Erittäin tärkeä=5")


class Municipalities(pa.DataFrameModel):
    """The region's municipalities (optional for Lapland, which is built in)."""

    municipality: Series[str] = _field("Municipality", "Kunta", unique=True, example="Rovaniemi")
    sub_region: Series[str] = _field("Sub-region (in Finnish)", "Seutukunta", example="Rovaniemi")
    sub_region_en: Series[str] = _field("Sub-region in English", "Seutukunta englanniksi", required=False)


class Relations(pa.DataFrameModel):
    """An explicit tie between two actors (optional)."""

    source_actor_id: Series[str] = _field("From organisation", "Organisaatiosta", ref="actors.actor_id", example="A001")
    target_actor_id: Series[str] = _field("To organisation", "Organisaatioon", ref="actors.actor_id", example="A002")
    kind: Series[str] = _field("Kind of tie", "Yhteyden laji", required=False, example="contract")
    weight: Series[float] = _field("Strength", "Vahvuus", required=False, gt=0, example=1)


@dataclass(frozen=True)
class TableSpec:
    """A table of the data model: its name, schema, and whether a project must have it."""

    name: str
    model: type[pa.DataFrameModel]
    required: bool
    fi: str
    en: str

    @property
    def schema(self) -> pa.DataFrameSchema:
        return self.model.to_schema()

    @property
    def columns(self) -> list[str]:
        return list(self.schema.columns)

    @property
    def key(self) -> Optional[str]:
        """The column whose values identify a row, if any."""
        return next((n for n, c in self.schema.columns.items() if c.unique and c.metadata["is_id"]), None)


TABLES: tuple[TableSpec, ...] = (
    TableSpec("project", ProjectSettings, True, "Projektin asetukset", "Project settings"),
    TableSpec("focus_areas", FocusAreas, True, "Painopistealueet", "Focus areas"),
    TableSpec("actors", Actors, True, "Toimijat", "Actors"),
    TableSpec("activities", Activities, True, "Osallistavat tilaisuudet", "Participatory activities"),
    TableSpec("participation", Participation, True, "Osallistuminen", "Participation"),
    TableSpec("inputs", Inputs, True, "Ideat ja ehdotukset", "Ideas and proposals"),
    TableSpec("actions", Actions, True, "Toimenpiteet", "Actions"),
    TableSpec("indicators", Indicators, True, "Mittarit", "Indicators"),
    TableSpec("indicator_values", IndicatorValues, False, "Mittarien arvot", "Indicator values"),
    TableSpec("clusters", Clusters, True, "Klusterit", "Clusters"),
    TableSpec("cluster_criteria", ClusterCriteria, False, "Klusterikriteerit", "Cluster criteria"),
    TableSpec("cluster_assessments", ClusterAssessments, False, "Klusteriarviot", "Cluster assessments"),
    TableSpec("survey_questions", SurveyQuestions, False, "Kyselyjen koodikirja", "Survey codebook"),
    TableSpec("municipalities", Municipalities, False, "Kunnat", "Municipalities"),
    TableSpec("relations", Relations, False, "Suorat yhteydet", "Explicit relations"),
)

TABLES_BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}

SETTING_DEFAULTS: dict[str, str] = {
    "country": "FI",
    "languages": "fi;en",
    "min_group_size": "5",
    "date_system": "1900",
    "open_answers": "show",
}


def column_meta(table: str, column: str) -> dict[str, Any]:
    """Metadata of one column (see the module docstring).

    Examples
    --------
    >>> column_meta("actions", "partner_actor_ids")["ref"]
    'actors.actor_id'
    """
    return TABLES_BY_NAME[table].schema.columns[column].metadata


def multi_columns(table: str) -> list[str]:
    """Columns of ``table`` that hold ``;``-separated lists.

    Examples
    --------
    >>> multi_columns("actions")
    ['focus_areas', 'partner_actor_ids', 'funding', 'source_input_ids', 'indicators']
    """
    return [c for c in TABLES_BY_NAME[table].columns if column_meta(table, c)["multi"]]


def link_tables() -> dict[str, tuple[str, str, str]]:
    """Every link table: name -> (table, multi column, name of the value column).

    Examples
    --------
    >>> link_tables()["action_partners"]
    ('actions', 'partner_actor_ids', 'actor_id')
    """
    links = {}
    for spec in TABLES:
        for column in multi_columns(spec.name):
            meta = column_meta(spec.name, column)
            value_column = meta["ref"].split(".")[1] if meta["ref"] else column
            links[meta["link"]] = (spec.name, column, value_column)
    return links

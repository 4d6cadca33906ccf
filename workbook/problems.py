"""Validation problems: what is wrong, where, and what to do, in Finnish and English."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Iterable, Literal

from workbook.i18n import tr

Severity = Literal["error", "warning"]

# Rule -> plain-language message. Placeholders are filled from the problem's details.
MESSAGES = {
    "unreadable": {
        "fi": "Tiedostoa ei voitu lukea: {detail}",
        "en": "The file could not be read: {detail}",
    },
    "unsafe_file": {
        "fi": "Tiedosto hylättiin turvallisuussyistä ennen lukemista: {detail}",
        "en": "The file was refused for safety before it was read: {detail}",
    },
    "encoding": {
        "fi": "Merkistöä ei tunnistettu luotettavasti: {detail}. Tallenna tiedosto UTF-8-muodossa.",
        "en": "The character encoding could not be recognised reliably: {detail}. Save the file as UTF-8.",
    },
    "delimiter": {
        "fi": "Sarake-erotinta ei tunnistettu: {detail}. Käytä pilkkua tai puolipistettä.",
        "en": "The column separator was not recognised: {detail}. Use a comma or a semicolon.",
    },
    "empty_file": {
        "fi": "Tiedosto on tyhjä: siinä ei ole edes otsikkoriviä.",
        "en": "The file is empty: it has not even a header row.",
    },
    "missing_table": {
        "fi": "Taulukko '{table}' puuttuu ({detail}).",
        "en": "The table '{table}' is missing ({detail}).",
    },
    "ambiguous_project": {
        "fi": "Kansiosta ei voi päätellä, mikä on projektin aineisto: {detail}",
        "en": "Cannot tell which files hold the project: {detail}",
    },
    "missing_column": {
        "fi": "Pakollinen sarake '{column}' puuttuu.",
        "en": "The required column '{column}' is missing.",
    },
    "unknown_column": {
        "fi": "Tuntematon sarake '{column}' jätettiin huomiotta.",
        "en": "Unknown column '{column}' was left out.",
    },
    "unknown_sheet": {
        "fi": "Tuntematon välilehti '{table}' jätettiin huomiotta.",
        "en": "Unknown sheet '{table}' was left out.",
    },
    "too_many_cells": {
        "fi": "Rivillä on enemmän soluja kuin otsikkorivillä (ylimääräinen arvo '{value}'): arvon sisällä oleva erotinmerkki on luultavasti siirtänyt sarakkeita. Lainaa arvo lainausmerkein.",
        "en": "The row has more cells than the header (extra value '{value}'): a separator inside a value has probably shifted the columns. Put the value in quotes.",
    },
    "duplicate_column": {
        "fi": "Sarake '{column}' on taulukossa kahdesti.",
        "en": "The column '{column}' appears twice.",
    },
    "required": {
        "fi": "Arvo puuttuu, mutta sarake '{column}' on pakollinen.",
        "en": "A value is missing, but the column '{column}' is required.",
    },
    "not_a_number": {
        "fi": "'{value}' ei ole luku.",
        "en": "'{value}' is not a number.",
    },
    "not_an_integer": {
        "fi": "'{value}' ei ole kokonaisluku.",
        "en": "'{value}' is not a whole number.",
    },
    "too_large": {
        "fi": "'{value}' on liian suuri luku ollakseen oikein.",
        "en": "'{value}' is too large a number to be right.",
    },
    "not_a_date": {
        "fi": "'{value}' ei ole päivämäärä (käytä muotoa 5.1.2024 tai 2024-01-05).",
        "en": "'{value}' is not a date (use 5.1.2024 or 2024-01-05).",
    },
    "formula_without_value": {
        "fi": "Solussa on kaava ({value}) ilman tallennettua arvoa. Avaa ja tallenna tiedosto Excelissä tai kirjoita arvo.",
        "en": "The cell holds a formula ({value}) with no saved value. Open and save it in Excel, or type the value.",
    },
    "duplicate_id": {
        "fi": "Tunniste '{value}' esiintyy useammin kuin kerran.",
        "en": "The id '{value}' appears more than once.",
    },
    "bad_id": {
        "fi": "Tunniste '{value}' ei kelpaa: käytä kirjaimia, numeroita, '-', '_' tai '.', ei välilyöntejä.",
        "en": "The id '{value}' is not valid: use letters, digits, '-', '_' or '.', no spaces.",
    },
    "unknown_value": {
        "fi": "'{value}' ei ole sallittu arvo sarakkeeseen '{column}'.{hint}",
        "en": "'{value}' is not an allowed value for '{column}'.{hint}",
    },
    "missing_reference": {
        "fi": "'{value}' ei löydy taulukosta '{target}'.{hint}",
        "en": "'{value}' does not exist in the table '{target}'.{hint}",
    },
    "negative": {
        "fi": "'{value}' on negatiivinen; arvon on oltava vähintään 0.",
        "en": "'{value}' is negative; it must be 0 or more.",
    },
    "not_positive": {
        "fi": "'{value}' ei ole positiivinen.",
        "en": "'{value}' is not positive.",
    },
    "bad_format": {
        "fi": "'{value}' ei ole oikeassa muodossa sarakkeeseen '{column}'.{hint}",
        "en": "'{value}' is not in the right format for '{column}'.{hint}",
    },
    "invalid_business_id": {
        "fi": "'{value}' ei ole kelvollinen Y-tunnus (tarkistenumero ei täsmää).",
        "en": "'{value}' is not a valid Finnish business ID (the check digit does not match).",
    },
    "end_before_start": {
        "fi": "Loppupäivä {value} on ennen alkupäivää {detail}.",
        "en": "The end date {value} is before the start date {detail}.",
    },
    "bad_setting": {
        "fi": "Asetuksen '{detail}' arvo '{value}' ei kelpaa.",
        "en": "The value '{value}' of the setting '{detail}' is not valid.",
    },
    "survey_missing": {
        "fi": "Kyselyn '{value}' vientitiedostoa ei löydy kansiosta surveys/.",
        "en": "The export of survey '{value}' was not found in the folder surveys/.",
    },
    "survey_column_missing": {
        "fi": "Koodikirjan sarake '{value}' puuttuu kyselyn vientitiedostosta.",
        "en": "The codebook column '{value}' is missing from the survey export.",
    },
    "personal_data_dropped": {
        "fi": "Henkilötietoja sisältävä sarake '{column}' poistettiin latauksessa.",
        "en": "The column '{column}' holding personal data was dropped at load time.",
    },
    "uncoded_column": {
        "fi": "Sarake '{column}' puuttuu koodikirjasta, joten se jätettiin pois.",
        "en": "The column '{column}' is not in the codebook, so it was left out.",
    },
    "bad_answer": {
        "fi": "Vastaus '{value}' ei sovi kysymyksen asteikkoon ({detail}).{hint}",
        "en": "The answer '{value}' does not fit the question's scale ({detail}).{hint}",
    },
    "never_took_part": {
        "fi": "Toimija '{value}'{hint} ei osallistunut mihinkään tilaisuuteen.",
        "en": "The actor '{value}'{hint} did not take part in any activity.",
    },
    "empty_table": {
        "fi": "Taulukossa '{table}' ei ole yhtään riviä.",
        "en": "The table '{table}' has no rows.",
    },
    "no_such_date": {
        "fi": "'{value}' on kirjoitettu oikein, mutta sellaista päivää ei ole: {detail}.",
        "en": "'{value}' is written correctly, but there is no such date: {detail}.",
    },
    "control_character": {
        "fi": "Solussa on näkymätön ohjausmerkki {detail}, jota Excel- ja verkostotiedostot eivät voi sisältää "
              "(se tulee usein toisesta ohjelmasta liitetyn tekstin mukana). Poista merkki.",
        "en": "The cell holds an invisible control character {detail}, which Excel and network files cannot "
              "hold (it often comes with text pasted from another program). Delete the character.",
    },
    "control_character_replaced": {
        "fi": "Solussa on näkymätön ohjausmerkki {detail}; se luettiin välilyöntinä.",
        "en": "The cell holds an invisible control character {detail}; it was read as a space.",
    },
    "unclosed_quote": {
        "fi": "Tässä solussa avattua lainausmerkkiä ei suljeta, joten tiedoston loppu ({detail} riviä) olisi "
              "luettu yhdeksi soluksi. Riviä ja sen jälkeisiä rivejä ei luettu: lisää puuttuva lainausmerkki "
              "tai poista ylimääräinen.",
        "en": "A quotation mark opened in this cell is never closed, so the rest of the file ({detail} lines) "
              "would have been read as one cell. This row and the rows after it were not read: add the "
              "missing quotation mark or remove the stray one.",
    },
    "encrypted_workbook": {
        "fi": "Työkirja on suojattu salasanalla (salattu), joten sitä ei voi lukea. Avaa se Excelissä, poista "
              "salasana (Tiedosto › Tiedot › Suojaa työkirja › Salaa salasanalla: tyhjennä kenttä) ja tallenna.",
        "en": "The workbook is protected with a password (encrypted), so it cannot be read. Open it in Excel, "
              "remove the password (File › Info › Protect Workbook › Encrypt with Password: clear the box) "
              "and save it.",
    },
    "old_excel_format": {
        "fi": "Tiedosto on vanhaa Excel 97–2003 -muotoa (.xls), vaikka nimi muuta väittäisi. Avaa se Excelissä "
              "ja tallenna muodossa Excel-työkirja (*.xlsx).",
        "en": "The file is in the old Excel 97–2003 format (.xls), whatever its name says. Open it in Excel "
              "and save it as Excel Workbook (*.xlsx).",
    },
    "unsupported_format": {
        "fi": "Löytyi vain {detail}, mutta työkirja lukee vain .xlsx-työkirjoja ja .csv-taulukoita. Avaa tiedosto "
              "Excelissä tai LibreOfficessa ja tallenna muodossa Excel-työkirja (*.xlsx).",
        "en": "Only {detail} was found, but the workbook reads only .xlsx workbooks and .csv tables. Open the "
              "file in Excel or LibreOffice and save it as Excel Workbook (*.xlsx).",
    },
    "case_duplicate_id": {
        "fi": "Tunnisteet '{value}' ja '{detail}' eroavat vain isojen ja pienten kirjainten osalta, joten ne "
              "luetaan kahdeksi eri riviksi. Jos ne tarkoittavat samaa, kirjoita ne samalla tavalla.{hint}",
        "en": "The ids '{value}' and '{detail}' differ only in upper and lower case, so they are read as "
              "two different rows. If they mean the same, write them the same way.{hint}",
    },
}

# A short name for each rule, shown with every problem (the code stays in the JSON output).
RULE_NAMES = {
    "unreadable": {"fi": "lukematon tiedosto", "en": "unreadable file"},
    "unsafe_file": {"fi": "vaarallinen tiedosto", "en": "unsafe file"},
    "encoding": {"fi": "merkistö", "en": "encoding"},
    "delimiter": {"fi": "sarake-erotin", "en": "separator"},
    "empty_file": {"fi": "tyhjä tiedosto", "en": "empty file"},
    "missing_table": {"fi": "puuttuva taulukko", "en": "missing table"},
    "ambiguous_project": {"fi": "epäselvä projekti", "en": "ambiguous project"},
    "missing_column": {"fi": "puuttuva sarake", "en": "missing column"},
    "unknown_column": {"fi": "tuntematon sarake", "en": "unknown column"},
    "unknown_sheet": {"fi": "tuntematon välilehti", "en": "unknown sheet"},
    "too_many_cells": {"fi": "liikaa soluja", "en": "too many cells"},
    "duplicate_column": {"fi": "toistuva sarake", "en": "repeated column"},
    "required": {"fi": "pakollinen arvo", "en": "required value"},
    "not_a_number": {"fi": "ei luku", "en": "not a number"},
    "not_an_integer": {"fi": "ei kokonaisluku", "en": "not a whole number"},
    "not_a_date": {"fi": "ei päivämäärä", "en": "not a date"},
    "too_large": {"fi": "liian suuri luku", "en": "number too large"},
    "no_such_date": {"fi": "olematon päivä", "en": "no such date"},
    "formula_without_value": {"fi": "kaava ilman arvoa", "en": "formula without value"},
    "duplicate_id": {"fi": "toistuva tunniste", "en": "repeated id"},
    "case_duplicate_id": {"fi": "tunnisteet eroavat vain kirjainkooltaan", "en": "ids differ only in case"},
    "bad_id": {"fi": "virheellinen tunniste", "en": "invalid id"},
    "unknown_value": {"fi": "tuntematon arvo", "en": "unknown value"},
    "missing_reference": {"fi": "puuttuva viittaus", "en": "missing reference"},
    "negative": {"fi": "negatiivinen", "en": "negative"},
    "not_positive": {"fi": "ei positiivinen", "en": "not positive"},
    "bad_format": {"fi": "väärä muoto", "en": "wrong format"},
    "invalid_business_id": {"fi": "virheellinen Y-tunnus", "en": "invalid business ID"},
    "end_before_start": {"fi": "loppu ennen alkua", "en": "end before start"},
    "bad_setting": {"fi": "virheellinen asetus", "en": "invalid setting"},
    "survey_missing": {"fi": "kysely puuttuu", "en": "survey missing"},
    "survey_column_missing": {"fi": "kyselyn sarake puuttuu", "en": "survey column missing"},
    "personal_data_dropped": {"fi": "henkilötieto poistettu", "en": "personal data dropped"},
    "uncoded_column": {"fi": "koodaamaton sarake", "en": "uncoded column"},
    "bad_answer": {"fi": "asteikon ulkopuolinen vastaus", "en": "answer off the scale"},
    "never_took_part": {"fi": "ei osallistunut", "en": "never took part"},
    "empty_table": {"fi": "tyhjä taulukko", "en": "empty table"},
    "control_character": {"fi": "ohjausmerkki", "en": "control character"},
    "control_character_replaced": {"fi": "ohjausmerkki korvattu", "en": "control character replaced"},
    "unclosed_quote": {"fi": "sulkematon lainausmerkki", "en": "unclosed quotation mark"},
    "encrypted_workbook": {"fi": "salattu työkirja", "en": "encrypted workbook"},
    "old_excel_format": {"fi": "vanha Excel-muoto", "en": "old Excel format"},
    "unsupported_format": {"fi": "tukematon tiedostomuoto", "en": "unsupported format"},
}

# Where a problem is, in each language ("sheet" is "taulukko" as in Finnish Excel's Taulukko1).
PLACE_LABELS = {
    "sheet": {"fi": "taulukko", "en": "sheet"},
    "row": {"fi": "rivi", "en": "row"},
    "column": {"fi": "sarake", "en": "column"},
}


def rule_name(rule: str, lang: str) -> str:
    """The short name of a rule in ``lang``; a rule without one is shown by its code.

    Examples
    --------
    >>> rule_name("missing_column", "fi"), rule_name("missing_column", "en")
    ('puuttuva sarake', 'missing column')
    """
    entry = RULE_NAMES.get(rule)
    return entry[lang] if entry else rule


@dataclass(frozen=True)
class Problem:
    """One problem found in a project's files.

    ``row`` is the row number as the user sees it in Excel or a text editor (header = 1),
    or ``None`` when the problem concerns a whole file, sheet or column.
    """

    rule: str
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    severity: Severity = "error"
    detail: str = ""
    hint_fi: str = ""
    hint_en: str = ""
    table: str | None = None
    detail_fi: str = ""
    message_fi: str = field(init=False)
    message_en: str = field(init=False)

    def __post_init__(self) -> None:
        for lang in ("fi", "en"):
            hint = self.hint_fi if lang == "fi" else self.hint_en
            detail = (self.detail_fi or self.detail) if lang == "fi" else self.detail
            text = tr(
                MESSAGES, self.rule, lang,
                value=self.value if self.value is not None else "",
                column=self.column or "", table=self.table or self.sheet or "",
                target=detail, detail=detail, hint=f" {hint}" if hint else "",
            )
            object.__setattr__(self, f"message_{lang}", text)

    @property
    def message(self) -> str:
        return f"{self.message_en} / {self.message_fi}"

    def where(self, lang: str = "en") -> str:
        """File, sheet, row and column, labelled in ``lang``.

        Examples
        --------
        >>> Problem("required", "p.xlsx", "actions", 3, "title_fi").where("fi")
        'p.xlsx, taulukko actions, rivi 3, sarake title_fi'
        """
        parts = [self.file]
        for name, value in (("sheet", self.sheet), ("row", self.row), ("column", self.column)):
            if value is not None and value != "":
                parts.append(f"{tr(PLACE_LABELS, name, lang)} {value}")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["message"] = self.message
        return data


@dataclass
class ValidationReport:
    """Every problem found, errors and warnings together."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> str:
        return json.dumps([p.as_dict() for p in self.problems], ensure_ascii=False, indent=2)

    def to_text(self, lang: str = "en") -> str:
        if not self.problems:
            return {"fi": "Ei ongelmia.", "en": "No problems found."}[lang]
        heading = {
            "fi": "{e} virhettä, {w} varoitusta",
            "en": "{e} error(s), {w} warning(s)",
        }[lang].format(e=len(self.errors), w=len(self.warnings))
        kind = {"error": {"fi": "VIRHE", "en": "ERROR"}, "warning": {"fi": "VAROITUS", "en": "WARNING"}}
        lines = [heading]
        for p in self.problems:
            message = p.message_fi if lang == "fi" else p.message_en
            lines.append(f"{kind[p.severity][lang]}: {p.where(lang)}: {message} [{rule_name(p.rule, lang)}]")
        return "\n".join(lines)

    def to_frame(self, lang: str = "en"):
        """The problems as a table with headers and severities in ``lang``."""
        import pandas as pd

        rows = [
            {"severity": tr(HEADERS, p.severity, lang), "file": p.file, "sheet": p.sheet, "row": p.row,
             "column": p.column, "value": p.value, "rule": rule_name(p.rule, lang),
             "message": getattr(p, f"message_{lang}")}
            for p in self.problems
        ]
        frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS)).astype({"row": "Int64"})
        return frame.rename(columns={c: tr(HEADERS, c, lang) for c in FRAME_COLUMNS})


FRAME_COLUMNS = ("severity", "file", "sheet", "row", "column", "value", "rule", "message")
HEADERS = {
    "severity": {"fi": "Vakavuus", "en": "Severity"},
    "error": {"fi": "virhe", "en": "error"},
    "warning": {"fi": "varoitus", "en": "warning"},
    "file": {"fi": "Tiedosto", "en": "File"},
    "sheet": {"fi": "Taulukko", "en": "Sheet"},
    "row": {"fi": "Rivi", "en": "Row"},
    "column": {"fi": "Sarake", "en": "Column"},
    "value": {"fi": "Arvo", "en": "Value"},
    "rule": {"fi": "Sääntö", "en": "Rule"},
    "message": {"fi": "Selitys", "en": "Explanation"},
}

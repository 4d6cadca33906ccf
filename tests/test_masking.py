"""Contact details in open answers (issue 17, finding 1; issue 11, language mixes).

Every common Finnish and international phone form and e-mail obfuscation is masked at load
time, ordinary numbers are kept, the placeholder is written in the output's language only,
every report showing open answers says what masking does not catch, and the project setting
``open_answers = hide`` leaves open answers out of every published output.
"""

from __future__ import annotations

import csv
import re
import zipfile

import pytest

from test_participation import SURVEY_ROWS, build_tiny_project
from workbook import load_project
from workbook.dashboard.filters import FilterState, filter_project
from workbook.dashboard.pages import participation as participation_page
from workbook.masking import EMAIL_TOKEN, PHONE_TOKEN, mask_contact_details, render
from workbook.participation.export import export
from workbook.project import ProjectError
from workbook.testing import write_table

PHONES = ["(09) 123 4567", "+46 70 123 45 67", "040/123 4567", "040.123.4567", "+358 (0)40 123 4567",
          "040-1234567", "+358401234567", "040 123 4567", "00358 40 123 4567", "050 123 45 67",
          "+1 (555) 123-4567", "040 / 765 4321"]
EMAILS = ["teppo(at)example.fi", "teppo[at]example.fi", "teppo at example.fi", "teppo (at) example (dot) fi",
          "teppo[at]example[dot]fi", "maija.meikalainen@example.fi", "teppo @ example.fi", "teppo{at}example.com",
          "teppo at example dot fi", "teppo(a)example.fi"]
ORDINARY = ["Vuonna 2023 kävi 150 yritystä", "Budjetti 1 500 € ja 2 530 000 euroa", "Osuus kasvoi 45 %:lla",
            "Tilaisuus 6.2.2024 klo 09.00-12.00", "Päivämäärä 06.02.2024", "Y-tunnus 0245437-2",
            "Postiosoite 96100 Rovaniemi", "Kausi 2021–2027 ja 2022-2023", "3/5 osallistujista",
            "0,5 milj. €", "www.lapinliitto.fi"]


@pytest.mark.parametrize("phone", PHONES)
def test_every_common_phone_form_is_masked(phone):
    masked = mask_contact_details(f"Soita minulle {phone}, kiitos.")
    assert masked == f"Soita minulle {PHONE_TOKEN}, kiitos.", masked


@pytest.mark.parametrize("email", EMAILS)
def test_every_common_email_form_is_masked(email):
    masked = mask_contact_details(f"Lisätietoja: {email} tai kysy.")
    assert masked == f"Lisätietoja: {EMAIL_TOKEN} tai kysy.", masked


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_numbers_are_kept(text):
    assert mask_contact_details(text) == text


def test_numbers_next_to_ordinary_ones_are_masked_alone():
    assert mask_contact_details("vuonna 2023 040 123 4567") == f"vuonna 2023 {PHONE_TOKEN}"
    assert mask_contact_details("040 123 4567 050 765 4321") == f"{PHONE_TOKEN} {PHONE_TOKEN}"
    assert mask_contact_details("puh. 401234567") == f"puh. {PHONE_TOKEN}"


def test_the_placeholder_is_written_in_one_language():
    text = mask_contact_details("Soita 040 123 4567 tai teppo(at)example.fi")
    assert render(text, "fi") == "Soita [puhelinnumero] tai [sähköpostiosoite]"
    assert render(text, "en") == "Soita [phone number] tai [e-mail address]"


ANSWERS = [f"Soita {PHONES[k % len(PHONES)]} tai {EMAILS[k % len(EMAILS)]}, Teppo" for k in range(14)]


def _project(folder, **settings):
    build_tiny_project(folder)
    rows = [list(row) for row in SURVEY_ROWS]
    for row, answer in zip(rows, ANSWERS):
        row[-1] = answer
    with (folder / "surveys" / "S1.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Vastaajan numero", "Nimi", "Sähköposti", "Organisaationne tyyppi", "Kotikunta",
                         "Yhteistyö toimii", "Rahoitus riittää", "Tärkein painopiste", "Tarpeet", "Muuta"])
        for number, row in enumerate(rows, 1):
            writer.writerow([number, f"Nimi {number}", f"n{number}@example.fi", *row])
    write_table(folder, "project", [{"key": "name", "value": "Pieni testi"}, {"key": "region", "value": "Lapland"},
                                    {"key": "min_group_size", "value": "5"},
                                    *({"key": k, "value": v} for k, v in settings.items())])
    return load_project(folder)


def _xlsx_text(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return " ".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))


def _leaks(text: str) -> list[str]:
    found = [phone for phone in PHONES if phone in text] + [email for email in EMAILS if email in text]
    digits = re.findall(r"(?<![\dA-Za-z])(?:123 ?45 ?67|1234567|765 ?4321)(?!\d)", text)
    return found + digits


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_reports_show_masked_answers_in_one_language_and_say_what_is_not_masked(tmp_path, lang):
    project = _project(tmp_path / "project")
    html_path, xlsx_path = export(project, tmp_path / "out", lang)
    html, xlsx = html_path.read_text(encoding="utf-8"), _xlsx_text(xlsx_path)
    for output in (html, xlsx):
        assert _leaks(output) == []
        assert "\u27e6" not in output
    other = "en" if lang == "fi" else "fi"
    assert render(PHONE_TOKEN, lang) in html and render(PHONE_TOKEN, lang) in xlsx
    assert render(PHONE_TOKEN, other) not in html and render(EMAIL_TOKEN, other) not in xlsx
    assert "puhelin/phone" not in html
    note = {"fi": "henkilöiden nimiä ei voi tunnistaa luotettavasti",
            "en": "Names of people typed into the answers cannot be found reliably"}[lang]
    assert note in html


def test_the_setting_hides_open_answers_in_every_output(tmp_path):
    project = _project(tmp_path / "project", open_answers="hide")
    assert project.settings["open_answers"] == "hide"
    for lang in ("fi", "en"):
        html_path, xlsx_path = export(project, tmp_path / lang, lang)
        html, xlsx = html_path.read_text(encoding="utf-8"), _xlsx_text(xlsx_path)
        for output in (html, xlsx):
            assert "Teppo" not in output and "Soita" not in output
        assert "open_answers = hide" in html
    parts = participation_page.draw_section("surveys", filter_project(project, FilterState()), "en")
    page = " ".join(part for part in parts if isinstance(part, str))
    assert "Teppo" not in page and "open_answers = hide" in page


def test_shown_by_default_and_an_unknown_value_is_an_error(tmp_path):
    project = _project(tmp_path / "shown")
    assert project.settings["open_answers"] == "show"
    parts = participation_page.draw_section("surveys", filter_project(project, FilterState()), "en")
    page = " ".join(part for part in parts if isinstance(part, str))
    assert "Teppo" in page and "[phone number]" in page and _leaks(page) == []
    with pytest.raises(ProjectError) as error:
        _project(tmp_path / "bad", open_answers="maybe")
    assert "open_answers" in str(error.value.report)


def test_every_text_exists_in_finnish_and_english():
    from workbook import masking, privacy
    from workbook.i18n import missing_translations

    assert missing_translations(masking.TEXTS) == [] and missing_translations(privacy.TEXTS) == []

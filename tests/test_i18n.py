"""Every text a stakeholder sees exists in Finnish and in English."""

import importlib
import pkgutil

import pytest

import workbook
from workbook import vocab
from workbook.i18n import missing_translations
from workbook.problems import MESSAGES


def text_tables():
    for module_info in pkgutil.walk_packages(workbook.__path__, "workbook."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if name.isupper() and name.endswith("TEXTS") and isinstance(value, dict):
                yield f"{module_info.name}.{name}", value


def vocabularies():
    for name, value in vars(vocab).items():
        if name.isupper() and isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
            yield f"vocab.{name}", value


@pytest.mark.parametrize("name, texts", [*text_tables(), *vocabularies(), ("problems.MESSAGES", MESSAGES)])
def test_text_table_has_finnish_and_english(name, texts):
    assert missing_translations(texts) == [], name


def test_the_package_has_text_tables_to_check():
    assert len(list(text_tables())) >= 3

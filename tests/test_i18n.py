"""Every text a stakeholder sees exists in Finnish and in English."""

import importlib
import pkgutil

import pytest

import workbook
from workbook.i18n import missing_translations


def text_tables():
    for module_info in pkgutil.walk_packages(workbook.__path__, "workbook."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if name.isupper() and is_text_table(value):
                yield f"{module_info.name}.{name}", value


def is_text_table(value) -> bool:
    """A dict of entries that each hold texts keyed by language (``{"fi": …, "en": …}``)."""
    return isinstance(value, dict) and bool(value) and all(
        isinstance(entry, dict) and ("fi" in entry or "en" in entry) for entry in value.values())


@pytest.mark.parametrize("name, texts", sorted(dict(text_tables()).items()))
def test_text_table_has_finnish_and_english(name, texts):
    assert missing_translations(texts) == [], name


def test_the_package_has_text_tables_to_check():
    names = dict(text_tables())
    assert "workbook.problems.MESSAGES" in names and "workbook.vocab.ACTOR_TYPES" in names
    assert len(names) >= 20

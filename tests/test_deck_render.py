"""The deck and the Word report open in another office suite: LibreOffice renders them page by page.

Needs Debian's ``libreoffice-impress``, ``libreoffice-writer`` and ``poppler-utils`` (``soffice``,
``pdfinfo``, ``pdftotext``, ``pdftoppm``). The first pages are kept as PNGs under
``test-artifacts/deliverables/`` to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from pptx import Presentation

from workbook.actionplan.examples import example_project
from workbook.deliverables import deck, document
from workbook.project import load_project

ROOT = Path(__file__).resolve().parent.parent
TUULIMAA = ROOT / "data" / "demo-tuulimaa"
ARTIFACTS = ROOT / "test-artifacts" / "deliverables"


def to_pdf(path: Path) -> Path:
    profile = path.parent / "lo-profile"
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(path.parent), str(path)],
                   check=True, capture_output=True, timeout=600)
    return path.with_suffix(".pdf")


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


def keep_images(pdf: Path, name: str, last_page: int) -> list[Path]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-l", str(last_page), str(pdf), str(ARTIFACTS / name)],
                   check=True, capture_output=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def test_libreoffice_renders_one_page_per_slide_with_every_title(tmp_path):
    project = load_project(TUULIMAA)
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck.deck_bytes(project, "en", network_picture=deck.network_image(project, "en")))
    pdf = to_pdf(path)
    slides = Presentation(path).slides
    assert pdf_pages(pdf) == len(slides)
    text = "".join(pdf_text(pdf).split())  # a title wrapped by LibreOffice may gain a space at the break
    for slide in slides:
        assert "".join(slide.shapes.title.text_frame.text.split()) in text
    assert keep_images(pdf, "deck_tuulimaa_en", len(slides))


def test_libreoffice_renders_the_word_report_with_its_headings_and_images(tmp_path):
    project = example_project()
    path = tmp_path / "report.docx"
    path.write_bytes(document.document_bytes(project, "fi"))
    pdf = to_pdf(path)
    assert pdf_pages(pdf) >= 3
    text = pdf_text(pdf)
    assert project.name in text and "Osallistamisen tulosten yhteenveto" in text and "Kuva 1." in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) - 2 >= len([i for i in document.report_items(project, "fi")
                                                        if i.kind == "figure"])
    assert keep_images(pdf, "report_example_fi", 4)

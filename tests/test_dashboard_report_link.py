"""``workbook serve … --report PACK``: the static report pack beside the dashboards, for
audiences too large for a kernel each. Served read-only, only to the server's own hosts and
token holders, and linked from every page's navigation and from the "server is full" page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbook.dashboard import reportpack
from workbook.dashboard.harness import ServedDashboards, http_get
from workbook.dashboard.limits import refusal_page
from workbook.dashboard.serve import serve
from workbook.dashboard.widgets import navigation_html
from workbook.report import GENERATOR

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
TOKEN = "pack-token"


def _pack(folder: Path) -> Path:
    """A pack in two languages as `workbook report --lang fi,en` lays it out (pages stand in)."""
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"generator": GENERATOR, "outputs": []}), encoding="utf-8")
    (folder / "index.html").write_text("<p>Kieli / Language</p>", encoding="utf-8")
    for lang in ("fi", "en"):
        (folder / lang).mkdir()
        (folder / lang / "index.html").write_text(f"<p>pack {lang}</p>", encoding="utf-8")
    return folder


def _get(port: int, path: str, host: str = "127.0.0.1"):
    status, headers, body = http_get(port, path, {"Host": host}, timeout=60)
    return status, headers, body.decode("utf-8", "replace")


def test_the_pack_is_served_to_the_servers_hosts_and_token_holders_only(tmp_path):
    pack = _pack(tmp_path / "pack")
    overrides = {"VoilaConfiguration": {"preheat_kernel": False}}
    with ServedDashboards(DEMO, lang="en", token=TOKEN, overrides=overrides, report=pack) as served:
        status, headers, body = _get(served.port, f"/report/en/index.html?token={TOKEN}")
        assert status == 200 and body == "<p>pack en</p>"
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "sandbox allow-scripts allow-downloads" in policy
        assert _get(served.port, "/report/en/index.html")[0] in (302, 403), "no token, no pack"
        assert _get(served.port, f"/report/en/index.html?token={TOKEN}", host="evil.example")[0] == 403
        assert _get(served.port, f"/report/../voila.json?token={TOKEN}")[0] in (403, 404)
        status, _, body = _get(served.port, f"/report/manifest.json?token={TOKEN}")
        assert status == 200 and GENERATOR in body


def test_a_folder_without_a_pack_is_refused_with_a_clear_message(tmp_path, capsys):
    (tmp_path / "notes").mkdir()
    assert serve(DEMO, "en", port=0, open_browser=False, report=tmp_path / "notes") == 2
    message = capsys.readouterr().err
    assert "holds no report pack" in message and "workbook report" in message


def test_every_page_and_the_full_page_link_the_pack_in_the_visitors_language(tmp_path, monkeypatch):
    links, folder = reportpack.report_links(str(_pack(tmp_path / "pack")))
    assert folder == (tmp_path / "pack").resolve()
    assert links == {"fi": "../../report/fi/index.html", "en": "../../report/en/index.html"}
    assert "report" not in navigation_html("overview", "en")  # no pack, no link
    monkeypatch.setenv(reportpack.ENV_REPORT, json.dumps(links))
    english, finnish = navigation_html("overview", "en"), navigation_html("network", "fi")
    assert 'href="../../report/en/index.html"' in english and "Report pack (static)" in english
    assert 'href="../../report/fi/index.html"' in finnish and "Raporttipaketti" in finnish
    assert "Report pack" not in finnish
    assert 'href="../../report/en/index.html"' in refusal_page("server", "en")


def test_a_pack_in_one_language_and_one_published_elsewhere(tmp_path):
    single = tmp_path / "single"
    single.mkdir()
    (single / "manifest.json").write_text(json.dumps({"generator": GENERATOR, "outputs": []}), encoding="utf-8")
    (single / "index.html").write_text("<p>pack</p>", encoding="utf-8")
    assert reportpack.report_links(str(single))[0]["en"] == "../../report/index.html"
    assert reportpack.report_links("https://intra.example.fi/s3/") == (
        {"fi": "https://intra.example.fi/s3/", "en": "https://intra.example.fi/s3/"}, None)
    with pytest.raises(reportpack.NoReportPack):
        reportpack.report_links(str(tmp_path / "missing"))


def test_the_packs_pages_can_download_its_files(tmp_path):
    """The pack's pages run sandboxed (no origin, no Referer): their links to the pack's
    spreadsheets must still be answered, not refused as cross-site requests."""
    pack = _pack(tmp_path / "pack")
    (pack / "en" / "plan.xlsx").write_bytes(b"PK\x03\x04 stands in for a workbook")
    overrides = {"VoilaConfiguration": {"preheat_kernel": False}}
    with ServedDashboards(DEMO, lang="en", overrides=overrides, report=pack) as served:
        status, headers, _ = _get(served.port, "/report/en/plan.xlsx")
        assert status == 200 and headers["Content-Type"].startswith("application/vnd.openxmlformats")

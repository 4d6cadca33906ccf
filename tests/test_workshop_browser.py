"""A live workshop in Chromium: three participants on phones and the facilitator, from join
to export, and the exported rows inside the project's analyses."""

from __future__ import annotations

import io
import shutil
import zipfile
from urllib.parse import urlsplit

import pytest

from conftest import DEMO, ROOT, launch_chromium
from workbook import load_project
from workbook.actionplan.trace import trace_links
from workbook.participation.reach import activity_reach, attendances
from workshop_server import start_workshop

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ARTIFACTS = ROOT / "test-artifacts" / "workshop"
HOSTILE = '<img src=x onerror="window.pwned=1">Shared data space'


@pytest.fixture
def workshop(tmp_path):
    server = start_workshop(DEMO, "SP3", tmp_path / "SP3.sqlite")
    yield server
    server.stop()


def watch(page, problems):
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: problems.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None) else None)


def test_three_phones_and_the_facilitator_from_join_to_export(playwright, workshop, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    phones = []
    for number, (search, actor_name) in enumerate([("lapin liitto", None), ("rovaniemen", None), (None, None)]):
        context = launch_chromium(playwright, tmp_path / f"phone{number}", **PHONE)
        page = context.pages[0] if context.pages else context.new_page()
        watch(page, problems)
        page.goto(workshop.join_url + "?lang=en")
        if search:
            page.fill("#actor-search", search)
            page.click("#actor-results button.choice >> nth=0")
        else:
            page.check("#not-listed")
            page.select_option("#actor-type", "company")
            page.select_option("#municipality", "Kemi")
        page.click("#join")
        page.wait_for_selector("nav.tabs")
        phones.append((context, page))

    first, second, third = (page for _, page in phones)
    first.click("button[data-tab=new]")
    first.fill("#idea-text", HOSTILE)
    first.check("input.idea-focus-area[value=FA2]")
    first.click("#send-idea")
    second.click("button[data-tab=new]")
    second.fill("#idea-text", "Inappropriate joke")
    second.click("#send-idea")
    for page in (first, second, third):
        page.reload()
        page.wait_for_selector("li.idea")
        page.click(f"li.idea:has-text('Shared data space') button.vote")
        page.wait_for_selector("button.voted")
        assert page.locator("#votes-left").inner_text() == "Votes left: 4"
    assert first.locator("li.idea:has-text('Shared data space') .idea-text").inner_text() == HOSTILE
    first.screenshot(path=ARTIFACTS / "participant-ideas-en.png")

    facilitator_context = launch_chromium(playwright, tmp_path / "facilitator",
                                          viewport={"width": 1366, "height": 900}, accept_downloads=True)
    facilitator = facilitator_context.pages[0] if facilitator_context.pages else facilitator_context.new_page()
    watch(facilitator, problems)
    facilitator.goto(workshop.facilitator_url + "?lang=en")
    facilitator.wait_for_selector("[data-count=joined] .value")
    assert facilitator.locator("[data-count=joined] .value").inner_text() == "3"
    assert facilitator.locator("[data-count=votes] .value").inner_text() == "3"
    assert facilitator.locator("#join-code").inner_text() in workshop.join_url
    assert facilitator.evaluate("document.querySelector('.join img').naturalWidth") > 0  # the QR code drew
    facilitator.click("li.idea:has-text('Inappropriate joke') button.hide")
    facilitator.wait_for_selector("li.idea.hidden")
    facilitator.screenshot(path=ARTIFACTS / "facilitator-en.png", full_page=True)
    first.locator("li.idea:has-text('Inappropriate joke')").wait_for(state="detached", timeout=10_000)

    facilitator.click("#close")
    facilitator.wait_for_selector("#open")
    third.wait_for_selector("#closed", timeout=10_000)
    assert "Votes: 3" in third.locator("li.idea:has-text('Shared data space')").inner_text()
    third.screenshot(path=ARTIFACTS / "participant-closed-en.png")
    with facilitator.expect_download() as download:
        facilitator.click("#export")
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))
    assert sorted(archive.namelist()) == ["inputs.csv", "participation.csv"]
    assert not any(page.evaluate("Boolean(window.pwned)") for page in (first, second, third, facilitator))
    assert problems == []
    for context, _ in phones:
        context.close()
    facilitator_context.close()

    project_copy = tmp_path / "project"
    shutil.copytree(DEMO, project_copy)
    for table in ("participation", "inputs"):
        rows = archive.read(f"{table}.csv").decode("utf-8").split("\n", 1)[1]
        with (project_copy / f"{table}.csv").open("a", encoding="utf-8") as handle:
            handle.write(rows)
    actions = (project_copy / "actions.csv").read_text(encoding="utf-8")
    (project_copy / "actions.csv").write_text(actions.replace(",I010;I104;I145,", ",I010;I104;I145;SP3-I001,"),
                                              encoding="utf-8")
    project = load_project(project_copy)
    assert "Inappropriate joke" not in set(project.inputs["text"])
    added = project.inputs.set_index("input_id").loc["SP3-I001"]
    assert added["votes"] == 3 and added["text"] == HOSTILE
    demo = load_project(DEMO)
    taking_part = attendances(demo)
    before = set(taking_part.loc[taking_part["activity_id"] == "SP3", "actor_id"])
    joined = set(project.participation.loc[project.participation["participant_id"].str.startswith("SP3-P", na=False),
                                           "actor_id"])
    assert len(joined) == 2  # the third participant's organisation was not listed
    reach = activity_reach(project).set_index("activity_id")
    assert reach.loc["SP3", "organisations"] == len(before | joined)
    trace = trace_links(project, "en")
    assert ("T01", "SP3-I001") in set(zip(trace["action_id"], trace["input_id"]))

"""The self-assessment form in a real browser (headless Chromium, Selenium): filled by clicking and
typing, saved, reloaded, pre-filled, refused when incomplete, and its level preview checked against
the engine. Screenshots go to ROUTEMAP_ARTIFACTS_DIR. See form_browser.py for skipping and CI.
"""

from __future__ import annotations

import json
import random
import tomllib

import pytest

from conftest import BUNDLED, EXAMPLES, fill
from form_browser import FIELDS, REASONS, artifacts_dir, browser  # noqa: F401  (browser is a fixture)

# Typed into the page: quotes, backslashes, line breaks, TOML and HTML syntax, non-ASCII (ChromeDriver
# types characters of the Basic Multilingual Plane only; control characters are loaded from a file
# in test_control_characters_survive_loading_and_saving).
TRICKY = [
    'Minutes of 3 May, "Equity huddle" \\\\server\\share\\notes.docx',
    "First line\nsecond line\n\nafter a blank line",
    "<script>alert('x')</script> & <b>not bold</b> &amp;",
    "Zoë Åberg — “curly quotes”, ‘single’, 日本語, ≤ 5 ≥ 3 ½ €",
    "'''literal''' \"\"\"basic\"\"\" # not a comment [criteria.\"x\"] = 1",
    "  leading and trailing spaces  ",
]
MODELS = ["staged", "continuous", "coverage"]


def random_answers(fw, rng: random.Random, text_share=0.2) -> dict[str, dict]:
    """Statuses for every criterion (some left unknown), reasons for the not applicable ones, and
    tricky text in some fields."""
    answers = {}
    for c in fw.criteria:
        status = rng.choice(["met", "met", "partial", "not_met", "not_applicable", "unknown"])
        record = {"status": status}
        if status == "not_applicable":
            record["reason"] = rng.choice(REASONS)
            if rng.random() < 0.5:
                record["reason_text"] = rng.choice(TRICKY)
        for key in FIELDS:
            if rng.random() < text_share / (1 if key == "evidence" else 3):
                record[key] = "2026-09-30" if key == "due" else rng.choice(TRICKY)
        answers[c.id] = record
    return answers


def expected_record(record: dict) -> dict:
    """What the saved file must hold for one criterion (docs/file-formats.md)."""
    out = {"status": record.get("status", "unknown"), "evidence": record.get("evidence", "")}
    for key in ["note", "owner", "due"]:
        if record.get(key):
            out[key] = record[key]
    if out["status"] == "not_applicable":
        for key in ["reason", "reason_text"]:
            if record.get(key):
                out[key] = record[key]
    return out


def score_json(routemap, path, model):
    data = routemap.ok("score", path, "--model", model, "-f", "json").json()
    return data


def make_form(routemap, tmp_path, *args, name="form.html"):
    page = tmp_path / name
    routemap.ok("form", *args, "-o", page)
    return page


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_fill_save_validate_and_score_like_the_engine(routemap, frameworks, browser, tmp_path, framework_id):
    fw = frameworks[framework_id]
    rng = random.Random(f"fill-{framework_id}")
    answers = random_answers(fw, rng)
    page = make_form(routemap, tmp_path, framework_id)
    browser.open(page)
    subject = 'Riverside "North" / Team <b>Ünïcode</b>'
    browser.fill_about(subject=subject, day="31", month="3", year="2026",
                       assessors=["Ann \"A\" Lee", "Bo Chen \\ Deputy"], notes="Notes\nover two lines")
    index = browser.criterion_index()
    assert list(index) == fw.ids()
    for cid, record in answers.items():
        if record["status"] != "unknown" or any(record.get(k) for k in FIELDS):
            browser.answer(index[cid], record)

    # What the page shows while filling: progress, and no markup from the text typed.
    answered = sum(r["status"] != "unknown" for r in answers.values())
    assert browser.by_id("rm-progress").text == f"{answered} of {len(fw.criteria)} criteria answered"
    assert browser.driver.execute_script("return document.scripts.length") == 2
    assert browser.css("b") == []
    browser.driver.execute_script("window.scrollTo(0, 0)")
    browser.screenshot(f"form-{framework_id}-top.png")
    first_na = next((cid for cid, r in answers.items() if r["status"] == "not_applicable"), None)
    if first_na:
        browser.driver.execute_script("arguments[0].scrollIntoView()", browser.by_id(f"c{index[first_na]}"))
        browser.screenshot(f"form-{framework_id}-filled.png")

    saved = browser.save()
    assert saved.name == "riverside-north-team-b-unicode-b-2026-03-31.toml"
    data = tomllib.loads(saved.read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    assert data["assessment"] == {"framework": framework_id, "framework_version": fw.version, "subject": subject,
                                  "date": "2026-03-31", "assessors": ["Ann \"A\" Lee", "Bo Chen \\ Deputy"],
                                  "notes": "Notes\nover two lines"}
    assert list(data["criteria"]) == fw.ids()
    for cid, record in answers.items():
        assert data["criteria"][cid] == expected_record(record), cid

    result = routemap("validate", saved)
    assert result.returncode == 0, str(result)
    # The same statuses written by routemap's own writer (a template, filled) score exactly the same.
    template = routemap.ok("template", framework_id, "--subject", subject, "--date", "2026-03-31").stdout
    reference = tmp_path / "reference.toml"
    reference.write_text(fill(template, {c: r["status"] for c, r in answers.items() if r["status"] != "unknown"}),
                         encoding="utf-8")
    for model in MODELS:
        assert score_json(routemap, saved, model) == score_json(routemap, reference, model), model
    # And the JSON the page saves holds the same assessment.
    saved_json = browser.save("rm-save-json")
    assert saved_json.name == saved.name.replace(".toml", ".json")
    assert json.loads(saved_json.read_text(encoding="utf-8")) == data
    assert routemap("validate", saved_json).returncode == 0


def test_answers_survive_a_reload_and_each_form_keeps_its_own(routemap, frameworks, browser, tmp_path):
    fw = frameworks["newham-service"]
    answers = random_answers(fw, random.Random("reload"), text_share=0.3)
    chosen = dict(list(answers.items())[:25])
    page = make_form(routemap, tmp_path, "newham-service")
    browser.open(page)
    browser.fill_about(subject="Diabetes clinic", day="1", month="4", year="2026", assessors=["Ann Lee"])
    index = browser.criterion_index()
    for cid, record in chosen.items():
        browser.answer(index[cid], record)
    # An N/A without its reason yet is kept as it is too.
    last = fw.ids()[-1]
    browser.answer(index[last], {"status": "not_applicable"})
    progress = browser.by_id("rm-progress").text
    preview = browser.preview()

    browser.driver.refresh()
    browser.wait(lambda: browser.by_id("rm-progress").text != "", "the form to be built again")
    assert "restored" in browser.by_id("rm-status").text
    assert browser.by_id("rm-progress").text == progress
    assert browser.preview() == preview
    assert browser.by_id("rm-subject").get_attribute("value") == "Diabetes clinic"
    assert [browser.by_id(f"rm-date-{p}").get_attribute("value") for p in ("day", "month", "year")] == ["1", "4", "2026"]
    shown = browser.shown_answers()
    for cid, record in chosen.items():
        got = shown[cid]
        assert got["status"] == record["status"], cid
        for key in FIELDS + ["reason", "reason_text"]:
            if key in ("reason", "reason_text") and record["status"] != "not_applicable":
                continue
            assert got[key] == record.get(key, ""), (cid, key)
        assert got["reason_shown"] == (record["status"] == "not_applicable")
    assert shown[last]["status"] == "not_applicable" and shown[last]["reason"] == ""
    untouched = [c for c in fw.ids() if c not in chosen and c != last]
    assert all(shown[c]["status"] == "unknown" for c in untouched)

    # Another form of the same framework (another subject) starts blank: drafts are per form.
    other = make_form(routemap, tmp_path, "newham-service", name="other.html")
    browser.open(other)
    assert browser.by_id("rm-progress").text.startswith("0 of ")
    assert browser.by_id("rm-subject").get_attribute("value") == ""


def test_form_from_an_example_shows_every_answer(routemap, browser, tmp_path):
    example = EXAMPLES / "newham-organisation-2026.toml"
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    page = make_form(routemap, tmp_path, "--from", example)
    browser.open(page)
    a = data["assessment"]
    assert browser.by_id("rm-subject").get_attribute("value") == a["subject"]
    year, month, day = a["date"].split("-")
    assert [browser.by_id(f"rm-date-{p}").get_attribute("value") for p in ("day", "month", "year")] == \
        [str(int(day)), str(int(month)), year]
    assert browser.by_id("rm-assessors").get_attribute("value") == "\n".join(a["assessors"])
    assert browser.by_id("rm-notes").get_attribute("value") == a.get("notes", "")
    shown = browser.shown_answers()
    reasons = 0
    for cid, record in data["criteria"].items():
        got = shown[cid]
        assert got["status"] == record.get("status", "unknown"), cid
        for key in FIELDS + ["reason", "reason_text"]:
            assert got[key] == record.get(key, ""), (cid, key)
        reasons += bool(record.get("reason"))
    assert reasons > 0, "the example should have not-applicable criteria with reasons"
    browser.screenshot("form-from-example.png")
    # Saved again unchanged, it is the same assessment.
    saved = tomllib.loads(browser.save().read_text(encoding="utf-8"))
    assert saved["assessment"] == {**{"notes": ""}, **a}
    for cid, record in saved["criteria"].items():
        assert record == expected_record(data["criteria"].get(cid, {})), cid


def test_not_applicable_without_a_reason_is_refused(routemap, frameworks, browser, tmp_path):
    fw = frameworks["newham-individual"]
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    index = browser.criterion_index()
    first, second = fw.ids()[1], fw.ids()[4]
    browser.answer(index[first], {"status": "not_applicable"})
    browser.answer(index[second], {"status": "not_applicable", "reason": "out_of_scope"})
    browser.answer(index[fw.ids()[0]], {"status": "met", "evidence": "Done"})
    browser.by_id("rm-save-toml").click()

    summary = browser.by_id("rm-errors")
    assert summary.is_displayed()
    assert browser.driver.switch_to.active_element == summary
    assert browser.driver.title.startswith("Error: ")
    links = browser.css("#rm-errors-list a")
    assert len(links) == 1
    assert links[0].get_attribute("href").endswith(f"#c{index[first]}-reason")
    assert "does not apply" in links[0].text
    message = browser.by_id(f"c{index[first]}-reason-error")
    assert message.is_displayed() and "does not apply" in message.text
    assert browser.by_id(f"c{index[first]}-reason").get_attribute("aria-invalid") == "true"
    browser.screenshot("form-error-summary.png")
    links[0].click()
    assert browser.driver.switch_to.active_element == browser.by_id(f"c{index[first]}-reason")

    # Fixed, it saves: one file only, so the refused save downloaded nothing.
    browser.answer(index[first], {"status": "not_applicable", "reason": "not_relevant"})
    assert not summary.is_displayed()
    saved = browser.save()
    assert sorted(p.name for p in browser.downloads.iterdir()) == [saved.name] == ["assessment.toml"]
    assert routemap("validate", saved).returncode == 0


def test_control_characters_survive_loading_and_saving(routemap, browser, tmp_path):
    fw = tomllib.loads((EXAMPLES.parent / "frameworks" / "newham-individual.toml").read_text())
    first = None
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    first = list(browser.criterion_index())[0]
    text = "bell\u0007 tab\t cr\r lf\n del\u007f sep\u2028\u2029 nul-free \\u0041 \U0001F600 end"
    document = {"format_version": 1,
                "assessment": {"framework": "newham-individual", "framework_version": fw["framework"]["version"],
                               "subject": "Control\u0001 characters", "date": "2026-01-02", "assessors": [], "notes": text},
                "criteria": {first: {"status": "partial", "evidence": text, "owner": "O\u001fwner"}}}
    source = tmp_path / "control.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    browser.load_file(source)
    assert browser.by_id("rm-status").text.startswith("Loaded control.json")
    saved = browser.save()
    data = tomllib.loads(saved.read_text(encoding="utf-8"))
    assert data["assessment"]["subject"] == "Control\u0001 characters"
    assert data["assessment"]["notes"] == text
    assert data["criteria"][first] == {"status": "partial", "evidence": text, "owner": "O\u001fwner"}
    assert routemap("validate", saved).returncode == 0


def test_loading_a_file_of_another_framework_is_refused(routemap, browser, tmp_path):
    page = make_form(routemap, tmp_path, "newham-service")
    browser.open(page)
    browser.load_file(EXAMPLES / "newham-organisation-2026.toml")
    assert browser.by_id("rm-status").text.startswith("Nothing was loaded")
    assert "newham-organisation" in browser.by_id("rm-errors").text
    assert browser.by_id("rm-progress").text.startswith("0 of ")


def biased_answers(fw, rng: random.Random) -> dict[str, str]:
    """Statuses that reach interesting levels: per area a tier up to which most criteria are met,
    whole tiers or areas not applicable now and then (so some tiers are unused)."""
    statuses = {}
    tiers = [t for t, _ in fw.tiers]
    for area in fw.areas:
        reach = rng.randrange(len(tiers) + 1)
        skipped_tier = rng.choice(tiers) if rng.random() < 0.3 else None
        all_na = rng.random() < 0.08
        for c in (c for c in fw.criteria if c.area == area):
            if all_na or c.tier == skipped_tier or rng.random() < 0.05:
                statuses[c.id] = "not_applicable"
            elif fw.tier_index(c.tier) < reach:
                statuses[c.id] = "met" if rng.random() < 0.92 else rng.choice(["partial", "unknown"])
            else:
                statuses[c.id] = rng.choice(["met", "partial", "not_met", "unknown"])
    return statuses


def engine_levels(score: dict) -> dict:
    def level(node):
        return str(node["level"]) if node["applicable"] else "na"
    return {"areas": {a["id"]: level(a) for a in score["areas"]},
            "domains": {d["id"]: level(d) for d in score["domains"]},
            "overall": level(score["overall"])}


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_level_preview_agrees_with_the_engine(routemap, frameworks, browser, tmp_path, framework_id):
    fw = frameworks[framework_id]
    page = make_form(routemap, tmp_path, framework_id)
    browser.open(page)
    template = routemap.ok("template", framework_id).stdout
    blank = browser.preview()
    assert set(blank["areas"].values()) == {"0"} and blank["overall"] == "0"
    rng = random.Random(f"preview-{framework_id}")
    for n in range(6):
        statuses = biased_answers(fw, rng)
        path = tmp_path / f"set-{n}.toml"
        path.write_text(fill(template, statuses), encoding="utf-8")
        browser.load_file(path)
        assert browser.by_id("rm-status").text.startswith(f"Loaded set-{n}.toml"), browser.by_id("rm-errors").text
        assert browser.preview() == engine_levels(score_json(routemap, path, "staged")), f"answer set {n}"
        # The filters show exactly the criteria they name.
        if n == 0:
            for choice, wanted in [("unanswered", "unknown"), ("not_met", "not_met")]:
                browser.click_label(f"rm-filter-{choice}")
                shown = {f.get_attribute("data-criterion-id") for f in browser.css("fieldset.criterion")
                         if f.is_displayed()}
                assert shown == {c for c in fw.ids() if statuses.get(c, "unknown") == wanted}, choice
            browser.click_label("rm-filter-all")
            assert all(f.is_displayed() for f in browser.css("fieldset.criterion"))


def test_keyboard_only(routemap, browser, tmp_path):
    """Tab to the first criterion's status, change it with the arrow keys, choose a reason by typing,
    and save with Enter, never touching the mouse."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def press(*keys):  # to whatever has the focus, as a keyboard does
        ActionChains(browser.driver).send_keys(*keys).perform()

    def focused():
        return browser.driver.switch_to.active_element.get_attribute("id") or ""

    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    press(Keys.TAB)  # the skip link first
    assert browser.driver.switch_to.active_element.text == "Skip to the form"
    for _ in range(200):
        if focused().startswith("c0-status-"):
            break
        press(Keys.TAB)
    else:
        pytest.fail("the first criterion's status cannot be reached with Tab")
    assert focused() == "c0-status-unknown"  # the checked radio of the group
    press(Keys.ARROW_LEFT)  # to "Not applicable"
    assert browser.by_id("c0-status-not_applicable").is_selected()
    assert browser.by_id("c0-na").is_displayed()
    assert browser.by_id("rm-progress").text.startswith("1 of ")
    press(Keys.TAB)
    assert focused() == "c0-reason"
    press("Owned")
    assert browser.by_id("c0-reason").get_attribute("value") == "owned_elsewhere"
    browser.driver.execute_script("document.getElementById('rm-subject').focus()")
    press("Keyboard test", Keys.ENTER)  # Enter in a field submits the form: Save assessment
    saved = tomllib.loads(browser.save_wait().read_text(encoding="utf-8"))
    assert saved["assessment"]["subject"] == "Keyboard test"
    first = next(iter(saved["criteria"].values()))
    assert first["status"] == "not_applicable" and first["reason"] == "owned_elsewhere"


def test_print_layout(routemap, browser, tmp_path):
    """Printed, the toolbar and buttons go, each answer is shown in full rather than in a text box,
    and the guidance is opened."""
    example = EXAMPLES / "newham-organisation-2026.toml"
    page = make_form(routemap, tmp_path, "--from", example)
    browser.open(page)
    long_evidence = next(r["evidence"] for r in tomllib.loads(example.read_text())["criteria"].values()
                         if len(r.get("evidence", "")) > 200)
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.by_id("rm-save-toml").is_displayed()
    assert browser.by_id("rm-progress").is_displayed() and browser.by_id("rm-overall").is_displayed()
    assert not browser.by_id("rm-filter-all").is_displayed()
    copies = [e for e in browser.css(".print-only") if e.text and e.is_displayed()]
    assert any(e.text == long_evidence for e in copies)
    assert not any(t.is_displayed() for t in browser.css("textarea"))
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = browser.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    import base64
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF-")
    (artifacts_dir() / "form-printed.pdf").write_bytes(data)
    guidance = browser.css("details.guidance")
    assert guidance and not any(d.get_attribute("open") is not None for d in guidance)
    browser.driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    assert all(d.get_attribute("open") is not None for d in guidance)
    browser.driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
    assert not any(d.get_attribute("open") is not None for d in guidance)


def test_without_local_storage_the_page_says_so_and_still_saves(routemap, frameworks, browser, tmp_path):
    # Some locked-down browsers refuse local storage to files: the page must still work, and say so.
    browser.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});
    """})
    fw = frameworks["newham-individual"]
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    assert "does not keep drafts" in browser.by_id("rm-storage").text
    index = browser.criterion_index()
    browser.answer(index[fw.ids()[0]], {"status": "met", "evidence": "Seen"})
    saved = tomllib.loads(browser.save().read_text(encoding="utf-8"))
    assert saved["criteria"][fw.ids()[0]] == {"status": "met", "evidence": "Seen"}


def test_an_impossible_date_is_refused(routemap, browser, tmp_path):
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    browser.fill_about(subject="Dates", day="30", month="2", year="2026")
    browser.into_view(browser.by_id("rm-save-toml")).click()
    links = browser.css("#rm-errors-list a")
    assert [link.get_attribute("href").split("#")[1] for link in links] == ["rm-date-day"]
    assert "real date" in browser.by_id("rm-date-error").text
    browser.type_into("rm-date-day", "28")
    assert not browser.by_id("rm-errors").is_displayed()
    assert tomllib.loads(browser.save().read_text(encoding="utf-8"))["assessment"]["date"] == "2026-02-28"


def hand_written(fw_version: str, ids: list[str]) -> str:
    """An assessment written by hand, with the TOML that people write and routemap reads: CRLF line
    ends, comments after values, a date value, literal and multi-line strings, a literal key, and
    statuses and reasons spelt loosely."""
    return "\r\n".join([
        "# hand-written",
        "format_version = 1   # the file format",
        "",
        "[assessment]",
        'framework = "newham-individual"',
        f"framework_version = '{fw_version}'",
        "subject = '''Literal \\ \"subject\"'''",
        "date = 2026-03-31",
        'assessors = [ "Ann",   # first',
        "  'Bo',",
        "]",
        '[criteria."' + ids[0] + '"]',
        'status = "Met"',
        'evidence = """',
        'First line',
        'Second \\',
        '    joined"""',
        "[criteria.'" + ids[1] + "']",
        'status = "not-met"',
        "note = '''two",
        "lines'''",
        '[criteria."' + ids[2] + '"]',
        'status = "N/A"',
        'reason = "Out of scope"',
        'reason_text = "\\u00e9t\\U0001F600"',
        "",
    ])


def test_loading_hand_written_toml(routemap, frameworks, browser, tmp_path):
    fw = frameworks["newham-individual"]
    source = tmp_path / "by-hand.toml"
    source.write_bytes(hand_written(fw.version, fw.ids()).encode("utf-8"))
    assert routemap("validate", source).returncode == 0  # routemap reads it
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    browser.load_file(source)
    assert browser.by_id("rm-status").text.startswith("Loaded by-hand.toml"), browser.by_id("rm-errors").text
    saved = tomllib.loads(browser.save().read_text(encoding="utf-8"))
    expected = tomllib.loads(source.read_text(encoding="utf-8"))
    assert saved["assessment"] == {**expected["assessment"], "date": "2026-03-31", "notes": ""}
    first, second, third = fw.ids()[:3]
    assert saved["criteria"][first] == {"status": "met", "evidence": "First line\nSecond joined"}
    assert saved["criteria"][second] == {"status": "not_met", "evidence": "", "note": "two\nlines"}
    assert saved["criteria"][third] == {"status": "not_applicable", "evidence": "", "reason": "out_of_scope",
                                        "reason_text": "\u00e9t\U0001F600"}


@pytest.mark.parametrize("good, bad, problem", [
    ('status = "Met"', 'status = met', "line 13"),  # a bare word is not a TOML value
    ('status = "Met"', '[[criteria]]', "arrays of tables"),
    ('status = "Met"', 'status = "mett"', "unknown status 'mett'"),
    ('status = "Met"', 'colour = "red"', "Unknown key 'colour'"),
    ('status = "Met"', 'status = "met"\r\nreason = "not_relevant"', "a reason is given"),  # on one that applies
    ('status = "N/A"', 'status = "N/A"\r\nstatus = "met"', "given twice"),
    ("date = 2026-03-31", "date = 2026-02-30", "not a real date"),
    ('framework = "newham-individual"', 'framework = "newham-service"', "this form is for 'newham-individual'"),
])
def test_loading_a_broken_file_is_refused_with_the_problem(routemap, frameworks, browser, tmp_path, good, bad, problem):
    fw = frameworks["newham-individual"]
    text = hand_written(fw.version, fw.ids())
    assert good in text
    source = tmp_path / "broken.toml"
    source.write_text(text.replace(good, bad, 1), encoding="utf-8")
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    browser.load_file(source)
    assert browser.by_id("rm-status").text.startswith("Nothing was loaded")
    assert problem in browser.by_id("rm-errors").text
    assert browser.by_id("rm-progress").text.startswith("0 of ")


def test_framework_text_shows_as_text(routemap, browser, tmp_path):
    """A framework whose names and criteria hold markup and script: the page shows that text and runs
    none of it (an alert would make the next browser command fail)."""
    from test_form import HOSTILE, hostile_framework

    page = tmp_path / "hostile.html"
    routemap.ok("form", hostile_framework(tmp_path), "-o", page)
    browser.open(page)
    assert browser.driver.execute_script("return document.scripts.length") == 2
    assert browser.driver.execute_script("return document.querySelector('.domain h2').textContent") == HOSTILE
    legends = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('fieldset.criterion > legend')).map(l => l.textContent)")
    assert HOSTILE in legends
    assert browser.css("img") == [] and browser.css("b") == []


def test_clear_all_answers_asks_first(routemap, frameworks, browser, tmp_path):
    fw = frameworks["newham-individual"]
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    browser.fill_about(subject="Someone")
    index = browser.criterion_index()
    browser.answer(index[fw.ids()[0]], {"status": "met", "evidence": "Seen"})
    browser.into_view(browser.by_id("rm-clear")).click()
    assert browser.by_id("rm-clear-confirm").is_displayed()
    browser.by_id("rm-clear-no").click()
    assert not browser.by_id("rm-clear-confirm").is_displayed()
    assert browser.by_id("rm-progress").text.startswith("1 of ")
    browser.into_view(browser.by_id("rm-clear")).click()
    browser.by_id("rm-clear-yes").click()
    assert browser.by_id("rm-progress").text.startswith("0 of ")
    assert browser.by_id("rm-subject").get_attribute("value") == ""
    browser.driver.refresh()
    browser.wait(lambda: browser.by_id("rm-progress").text != "", "the form to be built again")
    assert browser.by_id("rm-progress").text.startswith("0 of ")
    assert browser.shown_answers()[fw.ids()[0]]["evidence"] == ""


def test_no_accessibility_violations(routemap, frameworks, browser, tmp_path):
    """axe-core finds nothing wrong: filled in from an example, with a not-applicable criterion
    revealing its reason, and with the error summary showing."""
    page = make_form(routemap, tmp_path, "--from", EXAMPLES / "newham-organisation-2026.toml")
    browser.open(page)
    assert browser.accessibility_violations() == []
    fw = frameworks["newham-organisation"]
    k = browser.criterion_index()[fw.ids()[0]]
    browser.answer(k, {"status": "not_applicable"})
    browser.into_view(browser.by_id("rm-save-toml")).click()
    assert browser.by_id("rm-errors").is_displayed()
    assert browser.accessibility_violations() == []

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
from form_browser import FIELDS, REASONS, browser, make_form  # noqa: F401  (browser is a fixture)

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

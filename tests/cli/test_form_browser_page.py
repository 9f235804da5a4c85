"""The self-assessment form page in a real browser: keyboard only, printing, without local storage,
hostile framework text, clearing answers, and an axe-core accessibility check. See form_browser.py."""

from __future__ import annotations

import tomllib

import pytest

from conftest import EXAMPLES
from form_browser import artifacts_dir, browser, make_form  # noqa: F401  (browser is a fixture)


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

"""routemap.form(): the self-assessment form page from Python, and (in headless Chromium) that a form
pre-filled with answers entered through the Python API saves exactly the file routemap's own writer
writes for them."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import time
from pathlib import Path

import pytest

import routemap

DATA = re.compile(r'<script type="application/json" id="rm-data">(.*?)</script>', re.S)
TRICKY = ['"quoted" \\ back\\slash', "two\nlines", "<script>alert(1)</script> &amp;", "Zoë — “curly” 日本語 \U0001F600",
          "control\u0001\u001f\u007f tab\t cr\r", "line\u2028separator"]


def page_data(html: str) -> dict:
    return json.loads(DATA.search(html).group(1))


def api_assessment(fw: routemap.Framework, seed: str) -> routemap.Assessment:
    rng = random.Random(seed)
    a = routemap.Assessment(fw, subject='Riverside "North" ' + rng.choice(TRICKY), date="2026-03-31")
    a.assessors = ["Ann Lee", rng.choice(TRICKY)]
    a.notes = rng.choice(TRICKY)
    for cid in fw.criterion_ids:
        status = rng.choice(["met", "partial", "not_met", "not_applicable", "unknown", "unknown"])
        kwargs = {}
        if status == "not_applicable":
            kwargs["reason"] = rng.choice(routemap.REASONS)
        for key in ["note", "owner", "due"]:
            if rng.random() < 0.15:
                kwargs[key] = rng.choice(TRICKY)
        a.set(cid, status, rng.choice(TRICKY) if rng.random() < 0.3 else None, **kwargs)
    return a


def test_form_returns_the_page(service):
    html = routemap.form(service)
    assert html.startswith("<!DOCTYPE html>")
    data = page_data(html)
    ids = [c["id"] for d in data["framework"]["domains"] for a in d["areas"] for c in a["criteria"]]
    assert ids == list(service.criterion_ids)
    assert data["prefill"] is None
    assert page_data(routemap.form("newham-service", instance_id="x"))["instance"] == "x"


def test_form_prefilled_from_an_assessment_or_a_file(service, examples):
    a = api_assessment(service, "prefill")
    data = page_data(routemap.form(service, a))
    first = service.criterion_ids[0]
    assert data["prefill"]["subject"] == a.subject
    assert data["prefill"]["criteria"][first]["status"] == a.status(first)
    example = examples / "newham-service-2026.toml"
    from_file = page_data(routemap.form("newham-service", example))
    assert from_file["prefill"]["date"] == routemap.read_assessment(example).date != ""


def test_form_refuses_answers_of_another_framework(service, organisation):
    with pytest.raises(routemap.AssessmentError):
        routemap.form(service, routemap.Assessment(organisation))


def test_form_writes_a_file_but_never_over_one_unasked(service, tmp_path):
    out = tmp_path / "form.html"
    html = routemap.form(service, output=out, instance_id="one")
    assert out.read_text(encoding="utf-8") == html
    with pytest.raises(FileExistsError):
        routemap.form(service, output=out)
    assert out.read_text(encoding="utf-8") == html
    routemap.form(service, output=out, overwrite=True, instance_id="two")
    assert page_data(out.read_text(encoding="utf-8"))["instance"] == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.html"]


# --- in a browser --------------------------------------------------------------------------------


@pytest.fixture
def chrome(tmp_path):
    missing = []
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("the selenium package (pip install '.[test]')")
    browser = next((shutil.which(n) for n in ["chromium", "chromium-browser", "google-chrome"] if shutil.which(n)), None)
    driver_path = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
    if not browser:
        missing.append("Chromium (Debian package 'chromium')")
    if not driver_path:
        missing.append("chromedriver (Debian package 'chromium-driver')")
    if missing:
        message = "cannot run the browser test without " + "; ".join(missing)
        if os.environ.get("ROUTEMAP_REQUIRE_BROWSER") == "1":
            pytest.fail("ROUTEMAP_REQUIRE_BROWSER=1 but " + message)
        pytest.skip(message)
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager go to the network
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver, downloads
    driver.quit()


def wait_for(condition, what, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"waited {timeout:.0f} s for {what}")


@pytest.mark.parametrize("framework_id", sorted(f.id for f in routemap.frameworks()))
def test_a_prefilled_form_saves_what_routemap_writes(chrome, tmp_path, framework_id):
    driver, downloads = chrome
    fw = routemap.load(framework_id)
    a = api_assessment(fw, framework_id)
    page = tmp_path / "form.html"
    routemap.form(fw, a, output=page)
    driver.get(page.as_uri())
    wait_for(lambda: driver.find_element("id", "rm-progress").text, "the form to be built")
    driver.find_element("id", "rm-save-toml").click()
    saved = wait_for(lambda: [p for p in downloads.iterdir() if not p.name.endswith(".crdownload")], "the download")
    assert len(saved) == 1
    # Byte for byte what the C++ writer writes, comments included.
    assert saved[0].read_text(encoding="utf-8") == a.to_string("toml")
    back = routemap.read_assessment(saved[0], fw)
    for model in ["staged", "continuous", "coverage"]:
        assert routemap.score(fw, back, model=model).to_frame().equals(routemap.score(fw, a, model=model).to_frame())

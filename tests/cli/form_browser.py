"""Driving the self-assessment form in headless Chromium with Selenium (Debian's chromium and
chromium-driver; selenium from PyPI, installed by scripts/install-deps.sh).

Nothing is downloaded at test time: the driver is /usr/bin/chromedriver (or chromedriver on PATH),
given to Selenium explicitly so that Selenium Manager never runs. Without the browser, the driver or
the selenium package, the tests skip saying what is missing; ROUTEMAP_REQUIRE_BROWSER=1 (set by CI)
turns that into a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]
STATUS_LABELS = {"met": "Met", "partial": "Partly met", "not_met": "Not met", "not_applicable": "Not applicable",
                 "unknown": "Unknown"}
REASONS = ["not_relevant", "out_of_scope", "owned_elsewhere"]
FIELDS = ["evidence", "note", "owner", "due"]


def missing_parts():
    """What is missing to run a browser test, or an empty list."""
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the Python package 'selenium' (scripts/install-deps.sh installs it)")
    try:
        import axe_selenium_python  # noqa: F401  (it ships axe-core, for the accessibility check)
    except ImportError:
        missing.append("the Python package 'axe-selenium-python' (scripts/install-deps.sh installs it)")
    if not any(shutil.which(name) for name in CHROMIUM):
        missing.append("a Chromium binary (looked for " + ", ".join(CHROMIUM) + "; install the Debian package 'chromium')")
    if not chromedriver_path():
        missing.append("chromedriver (install the Debian package 'chromium-driver')")
    return missing


def chromedriver_path():
    path = shutil.which("chromedriver")
    if path:
        return path
    return "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").is_file() else None


def require_browser():
    missing = missing_parts()
    if not missing:
        return
    message = "cannot run the browser tests without " + "; ".join(missing)
    if os.environ.get("ROUTEMAP_REQUIRE_BROWSER") == "1":
        pytest.fail("ROUTEMAP_REQUIRE_BROWSER=1 but " + message)
    pytest.skip(message)


def artifacts_dir() -> Path:
    directory = Path(os.environ.get("ROUTEMAP_ARTIFACTS_DIR") or tempfile.gettempdir())
    directory.mkdir(parents=True, exist_ok=True)
    return directory


class Browser:
    """One headless Chromium with its own profile (so its own local storage) and download folder."""

    def __init__(self, directory: Path):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        # Never let Selenium Manager look for a driver or browser on the network.
        os.environ["SE_OFFLINE"] = "true"
        self.downloads = directory / "downloads"
        self.downloads.mkdir(parents=True, exist_ok=True)
        options = webdriver.ChromeOptions()
        options.binary_location = next(shutil.which(n) for n in CHROMIUM if shutil.which(n))
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--disable-extensions", "--lang=en-GB", "--window-size=1280,1800",
                         f"--user-data-dir={directory / 'profile'}"]:
            options.add_argument(argument)
        options.add_experimental_option("prefs", {
            "download.default_directory": str(self.downloads),
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
        })
        self.driver = webdriver.Chrome(service=Service(executable_path=chromedriver_path()), options=options)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": str(self.downloads)})

    def quit(self):
        self.driver.quit()

    # --- finding things -------------------------------------------------------------------------

    def by_id(self, element_id):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.ID, element_id)

    def css(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def open(self, page: Path):
        self.driver.get(page.as_uri())
        self.wait(lambda: self.by_id("rm-progress").text != "", "the form to be built")

    def wait(self, condition, what, timeout=60):
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda _: condition(), f"waited for {what}")

    def criterion_index(self) -> dict[str, int]:
        """Criterion id -> its position on the page (the k of c<k>)."""
        ids = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('fieldset.criterion')).map("
            "f => [f.getAttribute('data-criterion-id'), f.id])")
        return {cid: int(element_id[1:]) for cid, element_id in ids}

    # --- doing things as a person does ----------------------------------------------------------

    def into_view(self, element):
        # As a person scrolls to a field: to the middle of the window, clear of the sticky toolbar
        # (ChromeDriver itself scrolls a target to the top edge, under the toolbar).
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        return element

    def click_label(self, for_id):
        self.into_view(self.driver.find_element("css selector", f"label[for='{for_id}']")).click()

    def type_into(self, element_id, text):
        element = self.into_view(self.by_id(element_id))
        element.clear()
        element.send_keys(text)

    def fill_about(self, subject="", day="", month="", year="", assessors=(), notes=""):
        for element_id, value in [("rm-subject", subject), ("rm-date-day", day), ("rm-date-month", month),
                                  ("rm-date-year", year), ("rm-assessors", "\n".join(assessors)), ("rm-notes", notes)]:
            if value:
                self.type_into(element_id, value)

    def answer(self, k: int, record: dict):
        """Clicks the status and types the other fields of criterion c<k>."""
        from selenium.webdriver.support.ui import Select
        self.click_label(f"c{k}-status-{record['status']}")
        if record["status"] == "not_applicable":
            if record.get("reason"):
                Select(self.into_view(self.by_id(f"c{k}-reason"))).select_by_value(record["reason"])
            if record.get("reason_text"):
                self.type_into(f"c{k}-reason-text", record["reason_text"])
        for key in FIELDS:
            if record.get(key):
                self.type_into(f"c{k}-{key}", record[key])

    def load_file(self, path: Path):
        self.by_id("rm-load").send_keys(str(path))
        self.wait(lambda: self.by_id("rm-status").text.startswith(("Loaded ", "Nothing was loaded")), "the file to load")

    def save(self, button="rm-save-toml") -> Path:
        before = set(self.downloads.iterdir())
        self.into_view(self.by_id(button)).click()
        return self.save_wait(before)

    def save_wait(self, before=frozenset()) -> Path:
        """The one file downloaded since `before`, once it is complete."""
        found = []

        def done():
            found[:] = [p for p in self.downloads.iterdir() if p not in before and not p.name.endswith(".crdownload")]
            return bool(found)

        self.wait(done, "the saved file to download")
        assert len(found) == 1, found
        return found[0]

    # --- reading what the page shows ------------------------------------------------------------

    def shown_answers(self) -> dict[str, dict]:
        """Every criterion's fields as the page shows them now, by criterion id."""
        return self.driver.execute_script("""
            const out = {};
            for (const f of document.querySelectorAll('fieldset.criterion')) {
              const id = f.id, checked = f.querySelector('input[type=radio]:checked');
              out[f.getAttribute('data-criterion-id')] = {
                status: checked ? checked.value : null,
                evidence: document.getElementById(id + '-evidence').value,
                note: document.getElementById(id + '-note').value,
                owner: document.getElementById(id + '-owner').value,
                due: document.getElementById(id + '-due').value,
                reason: document.getElementById(id + '-reason').value,
                reason_text: document.getElementById(id + '-reason-text').value,
                reason_shown: !document.getElementById(id + '-na').hidden,
              };
            }
            return out;""")

    def preview(self) -> dict:
        return self.driver.execute_script("""
            const level = n => n.getAttribute('data-level');
            const out = {areas: {}, domains: {}, overall: level(document.getElementById('rm-overall'))};
            for (const n of document.querySelectorAll('[data-area-id]')) out.areas[n.getAttribute('data-area-id')] = level(n);
            for (const n of document.querySelectorAll('[data-domain-id]')) out.domains[n.getAttribute('data-domain-id')] = level(n);
            return out;""")

    def accessibility_violations(self) -> list[dict]:
        """What axe-core (as shipped by axe-selenium-python) finds wrong with the page as it is now."""
        import axe_selenium_python
        script = Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
        self.driver.execute_script(script.read_text(encoding="utf-8"))
        self.driver.set_script_timeout(180)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document).then(r => done(r.violations), e => done([{id: 'axe failed', help: String(e), nodes: []}]));")
        return [{"id": v["id"], "help": v["help"], "where": [n["target"] for n in v["nodes"][:5]]} for v in result]

    def screenshot(self, name: str) -> Path:
        path = artifacts_dir() / name
        self.driver.save_screenshot(str(path))
        return path


def make_form(routemap, directory: Path, *args, name="form.html") -> Path:
    """`routemap form ARGS -o directory/name`: the page's path."""
    page = directory / name
    routemap.ok("form", *args, "-o", page)
    return page


@pytest.fixture
def browser(tmp_path):
    require_browser()
    b = Browser(tmp_path / "browser")
    yield b
    b.quit()

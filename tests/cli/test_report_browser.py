"""The HTML report rendered by a real browser: headless Chromium reads the file, and we check the
rendered DOM, take a screenshot and print it to PDF.

Skipped, with the reason, only when no Chromium is installed; ROUTEMAP_REQUIRE_BROWSER=1 (set by CI)
turns that skip into a failure. The screenshot and PDF are kept in ROUTEMAP_ARTIFACTS_DIR (default:
the system temporary directory) so that a person can look at them.
"""

import os
import re
import shutil
import struct
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES

CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]


def find_chromium():
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def chromium():
    path = find_chromium()
    if path:
        return path
    message = "no Chromium binary found (looked for " + ", ".join(CANDIDATES) + "); install the Debian package 'chromium'"
    if os.environ.get("ROUTEMAP_REQUIRE_BROWSER") == "1":
        pytest.fail("ROUTEMAP_REQUIRE_BROWSER=1 but " + message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def artifacts():
    directory = Path(os.environ.get("ROUTEMAP_ARTIFACTS_DIR") or tempfile.gettempdir())
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def run_chromium(chromium, profile, *args, timeout=180):
    command = [chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={profile}", *map(str, args)]
    started = time.monotonic()
    proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, f"{' '.join(command)} -> {proc.returncode}\n{proc.stderr[-2000:]}"
    return proc, elapsed


@pytest.fixture(scope="module")
def report(routemap, org, tmp_path_factory):
    """The organisation example with last year's for comparison and its target; else a generated one."""
    directory = tmp_path_factory.mktemp("browser")
    target = directory / "report.html"
    current, previous = EXAMPLES / "newham-organisation-2026.toml", EXAMPLES / "newham-organisation-2025.toml"
    goal = EXAMPLES / "target-intermediate.toml"
    if current.exists() and previous.exists():
        args = ["report", current, "--previous", previous, "-o", target]
        args += ["--target", goal if goal.exists() else "intermediate"]
    else:
        fw = org.framework
        now = org.write("now.toml", {c: "met" for c in fw.ids("fundamental")}, date="2025-01-01")
        before = org.write("before.toml", {c: "met" for c in fw.ids("fundamental")[:5]}, date="2024-01-01")
        args = ["report", now, "--previous", before, "--target", "intermediate", "-o", target]
    started = time.monotonic()
    result = routemap.ok(*args)
    generated = time.monotonic() - started
    print(f"\nreport: {target.stat().st_size / 1024:.1f} KB, generated in {generated * 1000:.0f} ms")
    return {"file": target, "args": args, "stdout": result.stdout, "profile": directory / "profile"}


def visible_text(dom):
    text = re.sub(r"<style.*?</style>", " ", dom, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").split())


def test_rendered_dom_has_the_sections_and_values(chromium, report, routemap):
    proc, elapsed = run_chromium(chromium, report["profile"], "--dump-dom", report["file"].as_uri())
    print(f"\nchromium --dump-dom: {elapsed:.2f} s")
    dom = proc.stdout
    for section in ["board", "heatmap", "progress", "gaps", "next-phase", "evidence"]:
        assert f'<section id="{section}"' in dom, section
    text = visible_text(dom)
    for heading in ["Summary for the board", "Levels by domain and area", "Gaps to target", "Next phase of the progression path",
                    "Evidence"]:
        assert heading in text, heading
    assessment = next(a for a in report["args"][1:] if str(a).endswith(".toml"))
    score = routemap.ok("score", assessment, "-f", "json").json()
    assert f"Overall level {score['overall']['label']}" in text
    assert f"level {score['overall']['level']} of {len(score['level_labels']) - 1}" in text
    for domain in score["domains"]:
        assert domain["name"] in text
    compare = routemap.ok("compare", *[a for a in report["args"][1:4] if str(a).endswith(".toml")][::-1], "-f", "json").json()
    assert f"Progress since {compare['before_date']}" in text
    newly = sum(c["kind"] == "newly_met" for c in compare["changes"])
    assert f"Newly met ({newly})" in text


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_screenshot(chromium, report, artifacts):
    shot = artifacts / "report.png"
    shot.unlink(missing_ok=True)
    _, elapsed = run_chromium(chromium, report["profile"], f"--screenshot={shot}", "--window-size=1200,2000",
                              "--hide-scrollbars", report["file"].as_uri())
    print(f"\nscreenshot {shot}: {elapsed:.2f} s")
    assert png_size(shot) == (1200, 2000)
    assert shot.stat().st_size > 50_000  # a blank page compresses to almost nothing


def test_print_to_pdf(chromium, report, artifacts):
    pdf = artifacts / "report.pdf"
    pdf.unlink(missing_ok=True)
    _, elapsed = run_chromium(chromium, report["profile"], f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                              report["file"].as_uri())
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    print(f"\nPDF {pdf}: {len(data) / 1024:.0f} KB, {pages} pages, {elapsed:.2f} s")
    assert data.startswith(b"%PDF-")
    assert pages >= 3
    # A4 is 595.28 x 841.89 points; Chromium writes it as 594.96 x 841.92.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes, "no page size found in the PDF"
    for width, height in boxes:
        assert abs(float(width) - 595.3) < 1 and abs(float(height) - 841.9) < 1, (width, height)


def test_first_printed_page_is_the_boards(chromium, report, routemap, artifacts):
    """Page 1 of the PDF holds the headline, the reason, the trend, the domains against the target
    and the top priorities with an owner; page 1 is kept as report-page1.png."""
    pdftotext, pdftoppm = shutil.which("pdftotext"), shutil.which("pdftoppm")
    if not (pdftotext and pdftoppm):
        message = "pdftotext/pdftoppm not found: install the Debian package 'poppler-utils' (scripts/install-deps.sh)"
        if os.environ.get("ROUTEMAP_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    pdf = artifacts / "report-board.pdf"
    pdf.unlink(missing_ok=True)
    run_chromium(chromium, report["profile"], f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report["file"].as_uri())
    page1 = subprocess.run([pdftotext, "-f", "1", "-l", "1", "-layout", pdf, "-"], capture_output=True, text=True,
                           check=True).stdout
    words = " ".join(page1.split())
    # Headings styled in capitals come out of the PDF in capitals: compare ignoring case.
    for needle in ["Summary for the board", "Overall level", "of the way to the target", "Why:", "Trend",
                   "Domains against the target", "Top priorities"]:
        assert needle.lower() in words.lower(), f"{needle!r} is not on page 1:\n{page1}"
    assessment = next(a for a in report["args"][1:] if str(a).endswith(".toml"))
    target = report["args"][report["args"].index("--target") + 1]
    steps = routemap.ok("path", assessment, "--target", target, "-f", "json").json()["steps"]
    first_owner = next((s["owner"] for s in steps[:3] if s["owner"] and s["phase"] == 1), None)
    if first_owner:
        assert " ".join(first_owner.split()[:2]) in words, f"owner {first_owner!r} is not on page 1:\n{page1}"
    score = routemap.ok("score", assessment, "-f", "json").json()
    for domain in score["domains"]:
        assert " ".join(domain["name"].split()[:2]) in words, domain["name"]
    stem = artifacts / "report-page1"
    subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, stem], check=True)
    assert (artifacts / "report-page1.png").stat().st_size > 20_000

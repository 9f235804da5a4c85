"""The framework author's Markdown (descriptions and details) rendered safely where people read it:
the HTML report's "About this assessment" page and the self-assessment form (issue 12, point 3).
Raw HTML in the text is shown as text and never run; links keep only safe targets.
tests/data/markdown-text.toml holds the text."""

from __future__ import annotations

from pathlib import Path

from form_browser import browser, make_form  # noqa: F401  (browser is a fixture)
from test_form import page_data

FRAMEWORK = Path(__file__).resolve().parents[1] / "data" / "markdown-text.toml"


def report_about(routemap, tmp_path) -> str:
    assessment = tmp_path / "a.toml"
    assessment.write_text(routemap.ok("template", FRAMEWORK).stdout, encoding="utf-8")
    page = tmp_path / "report.html"
    routemap.ok("report", assessment, "--framework", FRAMEWORK, "-o", page)
    html = page.read_text(encoding="utf-8")
    start = html.index('<section id="about">')
    return html[start:html.index("</section>", start)]


def test_report_renders_the_framework_description_and_the_levels(routemap, tmp_path):
    about = report_about(routemap, tmp_path)
    assert "<h3>The framework</h3>" in about
    assert "A model for <strong>boards</strong>" in about
    assert '<a href="https://example.org/guide">guide</a>' in about
    assert "<ul><li>first point</li><li>second point</li></ul>" in about
    assert "<h3>What the levels mean</h3>" in about
    assert "<dt>Basic</dt>" in about and "Started: <em>some</em> practice." in about
    assert "<code>routine</code>" in about


def test_report_shows_raw_html_in_the_text_as_text(routemap, tmp_path):
    about = report_about(routemap, tmp_path)
    assert "&lt;script&gt;alert(&quot;framework&quot;)&lt;/script&gt;" in about
    assert "&lt;img src=x onerror=alert(2)&gt;" in about
    assert "<script" not in about and "<img" not in about


def test_form_data_carries_rendered_text_beside_the_plain(routemap):
    data = page_data(routemap.ok("form", FRAMEWORK).stdout)["framework"]
    domain = data["domains"][0]
    area = domain["areas"][0]
    criterion = area["criteria"][0]
    assert criterion["details"][0] == "A detail with **emphasis**"  # as written, for the files
    assert criterion["details_html"][0] == "<p>A detail with <strong>emphasis</strong></p>"
    assert area["description_html"] == "<p>The area&#39;s <em>own</em> words: &lt;b&gt;raw&lt;/b&gt; markup stays text.</p>"
    assert "javascript:" not in domain["description_html"] and "<strong>in bold</strong>" in domain["description_html"]
    assert area["criteria"][1]["details_html"] == []


def test_form_shows_the_rendered_text_and_runs_none_of_it(routemap, browser, tmp_path):
    page = make_form(routemap, tmp_path, FRAMEWORK)
    browser.open(page)
    run = browser.driver.execute_script
    assert run("return document.querySelector('.domain .prose strong').textContent") == "in bold"
    # An unsafe link target is dropped: its text stays, as text.
    assert run("return document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert "a bad link" in run("return document.querySelector('.domain .prose').textContent")
    hint = "return document.querySelector('.area .hint.prose')"
    assert run(hint + ".querySelector('em').textContent") == "own"
    assert run(hint + ".textContent") == "The area's own words: <b>raw</b> markup stays text."
    assert run(hint + ".querySelector('b')") is None
    details = run("return Array.from(document.querySelectorAll('ul.details li')).map(li => li.innerHTML)")
    assert details == ["<p>A detail with <strong>emphasis</strong></p>",
                       '<p>Another with a <a href="https://example.org/x">link</a></p>']
    assert browser.css("img") == [] and run("return document.scripts.length") == 2

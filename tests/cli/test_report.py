"""`routemap report`: the HTML report's content, self-containment, escaping, and the summary the
command prints. (test_report_browser.py renders it in Chromium.)"""

import json
import re
import tomllib

import pytest

from conftest import EXAMPLES, assert_error_line, assert_fits_80_columns

HOSTILE_SUBJECT = '<script>alert("subject")</script> & Co'
HOSTILE_EVIDENCE = "Board paper <img src=x onerror=alert(1)> 'quoted' & \"double\"\nsecond line"
HOSTILE_ASSESSOR = '"><b onmouseover=alert(2)>Eve'
HOSTILE_NOTES = "</style><script>alert(3)</script>"


def section(html, name):
    match = re.search(rf'<section id="{name}"[^>]*>(.*?)</section>', html, re.S)
    assert match, f"no section {name}"
    return match.group(1)


@pytest.fixture(scope="module")
def reports(routemap, org, tmp_path_factory):
    fw = org.framework
    statuses = {c: "met" for c in fw.ids("fundamental")}
    statuses.update({c: "partial" for c in fw.ids("intermediate")[:4]})
    evidence = {c: f"Evidence for {c}" for c in statuses}
    first = fw.ids("fundamental")[0]
    evidence[first] = HOSTILE_EVIDENCE
    current = org.write("current.toml", statuses, evidence=evidence, subject=HOSTILE_SUBJECT, date="2025-03-31")
    text = current.read_text(encoding="utf-8")
    text = text.replace('assessors = ["A. Tester"]', f'assessors = ["A. Tester", {tomllib_string(HOSTILE_ASSESSOR)}]')
    text = text.replace('notes = ""', f"notes = {tomllib_string(HOSTILE_NOTES)}")
    current.write_text(text, encoding="utf-8")
    previous = org.write("previous.toml", {first: "met", fw.ids("fundamental")[1]: "met", fw.ids("intermediate")[5]: "met"},
                         subject=HOSTILE_SUBJECT, date="2024-03-31")
    out = tmp_path_factory.mktemp("reports")
    return {"current": current, "previous": previous, "out": out, "statuses": statuses, "first": first}


def tomllib_string(text):
    return json.dumps(text)  # a JSON string is a valid TOML basic string


def test_report_prints_where_and_a_summary(routemap, reports, org):
    target = reports["out"] / "report.html"
    result = routemap.ok("report", reports["current"], "-o", target, "--target", "intermediate")
    assert_fits_80_columns(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Wrote {target} (") and lines[0].endswith(" KB).")
    size_kb = float(lines[0].rsplit("(", 1)[1].split()[0])
    assert size_kb == pytest.approx(target.stat().st_size / 1024, abs=0.06)
    n_fund = len(org.framework.ids("fundamental"))
    assert f"Overall level: Fundamental (staged); {n_fund} of {len(org.framework.criteria)} criteria met, 4 partial." in result.stdout
    gap = routemap.ok("gap", reports["current"], "--target", "intermediate", "-f", "json").json()
    assert f"{gap['total']['to_close']} criteria to close" in " ".join(result.stdout.split())
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


@pytest.fixture(scope="module")
def html(routemap, reports):
    target = reports["out"] / "full.html"
    routemap.ok("report", reports["current"], "--previous", reports["previous"], "--target", "intermediate", "-o", target)
    return target.read_text(encoding="utf-8")


def test_report_is_self_contained(html):
    assert "<style>" in html
    assert not re.search(r"<script", html, re.I)  # no scripts, not even the hostile ones
    assert not re.search(r"<[a-z][^>]*\s(src|href)\s*=", html, re.I)  # nothing to fetch
    assert "url(" not in html and "@import" not in html
    assert "<svg" in html


def test_report_prints_on_a4(html):
    assert re.search(r"@page\s*\{\s*size:\s*A4", html)
    assert "@media print" in html
    assert re.search(r"section\s*\{[^}]*page-break-inside:\s*avoid", html)


def test_report_escapes_user_text(html):
    assert HOSTILE_SUBJECT not in html and "<b onmouseover" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; &amp; Co" in html
    assert "Board paper &lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39; &amp; &quot;double&quot;<br>second line" in html
    assert "&quot;&gt;&lt;b onmouseover=alert(2)&gt;Eve" in html
    assert "&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert html.count("</style>") == 1


def test_report_cover(html, org):
    title = re.search(r'<header class="cover".*?</header>', html, re.S).group(0)
    assert "Newham Health Equity Route Map — Organisation level 1.0.0 · assessed 2025-03-31" in title
    cover = section(html, "about")
    assert "Newham Health Equity Route Map — Organisation level, version 1.0.0" in cover
    assert "Newham Health Equity Route Maps and Maturity Matrices" in cover  # the source citation
    assert "<dt>Assessment date</dt><dd>2025-03-31</dd>" in cover
    assert "A. Tester" in cover
    assert "<dt>Target</dt><dd>Intermediate in every area</dd>" in cover
    assert "the assessment of 2024-03-31" in cover


def test_report_overall_level_and_heatmap(html, routemap, reports, org):
    score = routemap.ok("score", reports["current"], "-f", "json").json()
    summary = section(html, "board")
    assert f'class="pill lv{score["overall"]["level"]}"' in summary and score["overall"]["label"] in summary
    heatmap = section(html, "heatmap")
    assert heatmap.count('<td class="cell ') == len(org.framework.areas)
    for area in score["areas"]:
        assert f'<td class="cell lv{area["level"]}"' in heatmap
        assert area["name"].replace("&", "&amp;") in heatmap
    for label in score["level_labels"]:
        assert label in heatmap  # the legend names every level


def test_report_gaps_and_next_phase_match_the_library(html, routemap, reports):
    gap = routemap.ok("gap", reports["current"], "--target", "intermediate", "-f", "json").json()
    gaps = section(html, "gaps")
    assert gaps.count("<li>") == gap["total"]["to_close"]
    for item in gap["items"]:
        assert item["id"] in gaps
    path = routemap.ok("path", reports["current"], "--target", "intermediate", "-f", "json").json()
    nxt = section(html, "next-phase")
    assert nxt.count("<li>") == len(path["phases"][0])
    assert f"Phase 1 · {len(path['phases'][0])} steps · can start now" in nxt
    for cid in path["phases"][0]:
        assert cid in nxt
    assert path["phases"][1][0] not in nxt  # only the next phase is listed


def test_report_evidence(html, reports, org):
    evidence = section(html, "evidence")
    for cid in reports["statuses"]:
        if cid != reports["first"]:
            assert f"Evidence for {cid}" in evidence
    assert evidence.count("✓ Met") == len(org.framework.ids("fundamental"))
    assert evidence.count("◐ Partial") == 4


def test_report_progress_since_previous(html, routemap, reports):
    cmp = routemap.ok("compare", reports["previous"], reports["current"], "-f", "json").json()
    progress = section(html, "progress")
    assert "Progress since 2024-03-31" in html
    newly = [c for c in cmp["changes"] if c["kind"] == "newly_met"]
    regressed = [c for c in cmp["changes"] if c["kind"] == "regressed"]
    assert f"Newly met ({len(newly)})" in progress and f"Regressed ({len(regressed)})" in progress
    assert len(regressed) == 1  # met in 2024, unknown in 2025
    gained = sum(a["delta"] > 0 for a in cmp["areas"])
    assert progress.count("▲ +") == gained + sum(d["delta"] > 0 for d in cmp["domains"])


def test_report_without_previous_has_no_progress_section(routemap, reports):
    result = routemap.ok("report", reports["current"])  # no -o: the report on stdout, no summary
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert 'id="progress"' not in result.stdout and "Since " not in result.stdout


def test_report_with_another_model(routemap, reports):
    out = routemap.ok("report", reports["current"], "--model", "continuous").stdout
    assert "<dt>Scoring model</dt><dd>continuous</dd>" in out


def test_report_bad_input_writes_nothing(routemap, reports, org, tmp_path):
    target = tmp_path / "r.html"
    assert_error_line(routemap("report", reports["current"], "-o", target, "--target", "guru"), "unknown tier 'guru'")
    assert_error_line(routemap("report", reports["current"], "-o", target, "--model", "magic"), "unknown scoring model")
    assert_error_line(routemap("report", reports["current"], "-o", target, "--format", "pdf"), "unknown report format 'pdf'", "html")
    assert_error_line(routemap("report", reports["current"], "-o", target, "--previous", tmp_path / "x.toml"), "no such file")
    other = routemap.fails(2, "report", reports["current"], "-o", target, "--previous", org.directory / "blank.toml")
    assert "different subjects" in other.stderr
    assert not target.exists()


def test_report_replaces_an_existing_file(routemap, reports, tmp_path):
    target = tmp_path / "r.html"
    target.write_text("old")
    routemap.ok("report", reports["current"], "-o", target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


ORG_2026 = EXAMPLES / "newham-organisation-2026.toml"
ORG_2025 = EXAMPLES / "newham-organisation-2025.toml"


@pytest.mark.skipif(not ORG_2026.exists(), reason="no example organisation assessment")
def test_report_on_the_bundled_example(routemap, tmp_path):
    target = tmp_path / "report.html"
    args = ["report", ORG_2026, "-o", target]
    if ORG_2025.exists():
        args += ["--previous", ORG_2025]
    result = routemap.ok(*args)
    data = tomllib.loads(ORG_2026.read_text(encoding="utf-8"))
    html = target.read_text(encoding="utf-8")
    subject = data["assessment"]["subject"]
    assert f"Subject: {subject}" in " ".join(result.stdout.split())
    assert f"<h1>{subject}</h1>" in html
    for cid, record in data["criteria"].items():
        if record.get("status") in ("met", "partial") and record.get("evidence"):
            snippet = record["evidence"][:40].replace("&", "&amp;").replace("'", "&#39;").replace('"', "&quot;")
            assert snippet.replace("<", "&lt;").replace(">", "&gt;") in html, cid
    if ORG_2025.exists():
        assert 'id="progress"' in html

"""Issue 11 from the command line: owners and due dates wherever work is listed, `convert`, CSV as
spreadsheets save it, tier names in any case, `compare` the wrong way round, the report's first
page and its trend over several earlier assessments, and help that matches the options."""

import csv
import io
import json
import re

import pytest

from conftest import EXAMPLES, assert_error_line

ORG = EXAMPLES / "newham-organisation-2026.toml"
YEARLY = EXAMPLES / "service-yearly"
Y2024, Y2025, Y2026 = (YEARLY / f"community-diabetes-{y}.toml" for y in (2024, 2025, 2026))


def records(path):
    """criterion id -> (owner, due) read straight from the TOML file, not through routemap."""
    import tomllib
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {cid: (r.get("owner"), r.get("due")) for cid, r in data.get("criteria", {}).items()}


@pytest.fixture(scope="module")
def owned():
    out = {cid: od for cid, od in records(ORG).items() if od[0]}
    assert out, "the organisation example gives owners"
    return out


def test_gap_json_and_csv_carry_owner_due_and_overdue(routemap, owned):
    gap = routemap.ok("gap", ORG, "--target", "advanced", "-f", "json").json()
    items = {i["id"]: i for i in gap["items"]}
    shared = [cid for cid in owned if cid in items]
    assert shared, "some owned criteria are in the gap"
    for cid in shared:
        owner, due = owned[cid]
        assert items[cid]["owner"] == owner
        assert items[cid]["due"] == due
        assert items[cid]["overdue"] == bool(due and re.fullmatch(r"\d{4}-\d\d-\d\d", due) and due < gap["date"])
    assert all(i["owner"] is None for cid, i in items.items() if cid not in owned)
    rows = list(csv.DictReader(io.StringIO(routemap.ok("gap", ORG, "--target", "advanced", "-f", "csv").stdout)))
    by_id = {r["criterion"]: r for r in rows}
    for cid in shared:
        assert by_id[cid]["owner"] == owned[cid][0]
        assert by_id[cid]["due"] == (owned[cid][1] or "")


def test_gap_and_path_text_and_markdown_name_the_owner(routemap, owned):
    gap = routemap.ok("gap", ORG, "--target", "advanced", "-f", "json").json()
    cid = next(i["id"] for i in gap["items"] if i["owner"])
    owner = gap["items"][[i["id"] for i in gap["items"]].index(cid)]["owner"]
    for command in ("gap", "path"):
        text = routemap.ok(command, ORG, "--target", "advanced").stdout
        assert "owner: " + owner.split()[0] in text.replace("\n", " "), command
        markdown = routemap.ok(command, ORG, "--target", "advanced", "-f", "markdown").stdout
        assert owner.split()[0] in markdown, command
    steps = routemap.ok("path", ORG, "--target", "advanced", "-f", "json").json()["steps"]
    assert any(s["owner"] == owner for s in steps)


def test_overdue_is_flagged_against_the_assessment_date(routemap, tmp_path):
    text = ORG.read_text(encoding="utf-8")
    data_due = re.findall(r'due = "(\d{4}-\d\d-\d\d)"', text)
    assert data_due
    # Move the assessment a year past every due date: every dated item still open is overdue.
    late = tmp_path / "late.toml"
    late.write_text(re.sub(r'date = "2026-\d\d-\d\d"', 'date = "2030-01-01"', text, count=1), encoding="utf-8")
    items = routemap.ok("gap", late, "--target", "advanced", "-f", "json").json()["items"]
    dated = [i for i in items if i["due"] and re.fullmatch(r"\d{4}-\d\d-\d\d", i["due"])]
    assert dated and all(i["overdue"] for i in dated)
    assert "OVERDUE" in routemap.ok("path", late, "--target", "advanced").stdout


@pytest.mark.parametrize("suffix", [".json", ".csv", ".toml"])
def test_convert_round_trips_without_loss(routemap, tmp_path, suffix):
    out = tmp_path / ("converted" + suffix)
    routemap.ok("convert", ORG, "-o", out)
    back = tmp_path / "back.toml"
    routemap.ok("convert", out, "-o", back)
    original = routemap.ok("score", ORG, "-f", "json").json()
    again = routemap.ok("score", back, "-f", "json").json()
    assert again["overall"] == original["overall"]
    assert records(back) == {cid: od for cid, od in records(ORG).items()} | {
        cid: (None, None) for cid in records(back) if cid not in records(ORG)}


def test_convert_refuses_to_overwrite_and_needs_a_format(routemap, tmp_path):
    out = tmp_path / "exists.json"
    out.write_text("keep me")
    assert_error_line(routemap.fails(2, "convert", ORG, "-o", out), "already exists", "--force")
    assert out.read_text() == "keep me"
    routemap.ok("convert", ORG, "-o", out, "--force")
    assert json.loads(out.read_text())["assessment"]["subject"]
    assert_error_line(routemap.fails(2, "convert", ORG), "--format")
    assert_error_line(routemap.fails(2, "convert", ORG, "-o", tmp_path / "x.txt"), "x.txt")
    assert routemap.ok("convert", ORG, "--format", "csv").stdout.startswith("framework,")


def test_csv_saved_with_semicolons_and_a_bom_reads(routemap, tmp_path):
    comma = routemap.ok("convert", Y2026, "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(comma)))
    semicolon = tmp_path / "excel.csv"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    semicolon.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    assert routemap.ok("score", semicolon, "-f", "json").json() == routemap.ok("score", Y2026, "-f", "json").json()


def test_target_tier_names_ignore_case(routemap):
    expected = routemap.ok("gap", Y2026, "--target", "intermediate", "-f", "json").json()
    for written in ("Intermediate", "INTERMEDIATE"):
        assert routemap.ok("gap", Y2026, "--target", written, "-f", "json").json() == expected


def test_compare_warns_when_the_dates_run_backwards(routemap):
    forward = routemap.ok("compare", Y2025, Y2026)
    assert "warning" not in forward.stderr
    backward = routemap(*["compare", Y2026, Y2025])
    assert backward.returncode == 0
    assert "warning" in backward.stderr and "backwards" in backward.stderr
    assert f"compare {Y2025} {Y2026}" in backward.stderr


def test_report_help_shows_output_as_optional_and_previous_as_repeatable(routemap):
    usage = routemap.ok("report", "--help").stdout
    assert "[-o FILE]" in usage
    assert "--previous OLD|DIR]..." in usage


def test_report_trend_over_several_previous_and_a_folder(routemap, tmp_path):
    by_files = tmp_path / "files.html"
    routemap.ok("report", Y2026, "--previous", Y2024, "--previous", Y2025, "-o", by_files)
    by_folder = tmp_path / "folder.html"
    result = routemap.ok("report", Y2026, "--previous", YEARLY, "-o", by_folder)
    for html in (by_files.read_text(), by_folder.read_text()):
        board = html[html.index('<section id="board"'):html.index("</section>", html.index('<section id="board"'))]
        assert "<h3>Trend</h3>" in board
        assert board.index("2024-") < board.index("2025-") < board.index("(this report)")
        # The progress appendix compares with the latest earlier one.
        assert "Progress since 2025-" in html
    assert "Wrote" in result.stdout


def test_report_previous_of_another_subject_in_a_folder_is_left_out_and_said(routemap, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.toml").write_text(Y2025.read_text(encoding="utf-8"), encoding="utf-8")
    other = Y2024.read_text(encoding="utf-8").replace('subject = "Community Diabetes', 'subject = "Another', 1)
    (folder / "b.toml").write_text(other, encoding="utf-8")
    result = routemap("report", Y2026, "--previous", folder, "-o", tmp_path / "r.html")
    assert result.returncode == 0, str(result)
    assert "left out" in result.stderr and "b.toml" in result.stderr


def test_report_first_page_text(routemap, tmp_path):
    out = tmp_path / "r.html"
    routemap.ok("report", ORG, "--target", "intermediate", "-o", out)
    html = out.read_text()
    assert html.index('id="board"') < html.index('id="heatmap"')
    for heading in ("Summary for the board", "Why:", "Domains against the target", "Top priorities"):
        assert heading in html
    assert "Appendix A: Levels by domain and area" in html


def test_pluralisation(routemap, tmp_path):
    text = Y2026.read_text(encoding="utf-8")
    # One criterion fewer met, a day earlier: exactly one is newly met since then.
    before = re.sub(r'status = "met"', 'status = "not_met"', text, count=1)
    before = re.sub(r'date = "2026-03-31"', 'date = "2026-03-30"', before, count=1)
    earlier = tmp_path / "before.toml"
    earlier.write_text(before, encoding="utf-8")
    out = routemap.ok("report", Y2026, "--previous", earlier, "-o", tmp_path / "r.html").stdout
    assert "1 criterion newly met" in " ".join(out.split())
    html = (tmp_path / "r.html").read_text()
    assert "1 criterion newly met" in html
    assert not re.search(r"\b1 criteria\b", html)


def test_score_and_report_warn_when_most_criteria_are_unknown(routemap, tmp_path):
    blank = tmp_path / "blank.toml"
    routemap.ok("template", "newham-service", "--subject", "New", "--date", "2026-01-01", "-o", blank)
    warning = " ".join(routemap.ok("score", blank).stdout.split())
    assert "incomplete assessment: 56 of 56 applicable criteria are unknown" in warning
    assert "incomplete" not in routemap.ok("score", Y2026).stdout
    report = routemap.ok("report", blank, "-o", tmp_path / "r.html")
    assert "incomplete assessment" in " ".join(report.stdout.split())
    assert "Incomplete assessment" in (tmp_path / "r.html").read_text()

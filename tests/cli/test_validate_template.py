"""`routemap validate` (frameworks and assessments, told apart by content) and `routemap template`."""

import csv
import io
import json
import re
import tomllib

import pytest

from conftest import BUNDLED, REPO, assert_error_line, example_assessments, example_files, example_targets, fill

LOCATED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): error: ")


def located_errors(result, file):
    lines = [line for line in result.stdout.splitlines() if line.startswith(str(file) + ":")]
    assert lines, str(result)
    for line in lines:
        assert LOCATED.match(line), line
    return lines


def test_bundled_frameworks_are_valid(routemap, frameworks):
    files = [REPO / "frameworks" / f"{name}.toml" for name in BUNDLED]
    result = routemap.ok("validate", *files)
    for name in BUNDLED:
        facts = frameworks[name]
        assert f"framework {facts.id} {facts.version}: {len(facts.domains)} domains, {len(facts.areas)} areas, " \
               f"{len(facts.criteria)} criteria" in result.stdout
    assert result.stdout.endswith(f"{len(files)} files checked: {len(files)} valid, 0 with problems (0 errors, 0 warnings)\n")


def test_a_template_is_a_valid_assessment(routemap, org):
    result = routemap.ok("validate", org.directory / "blank.toml")
    assert "assessment of 'Test Trust' against newham-organisation 1.0.0: 59 unknown" in result.stdout


def test_framework_errors_have_file_line_and_column(routemap, tmp_path):
    text = (REPO / "frameworks" / "newham-service.toml").read_text(encoding="utf-8")
    text = text.replace('tier = "intermediate"', 'tier = "intermedate"', 1)
    bad = tmp_path / "service.toml"
    bad.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    key_line = lines.index('tier = "intermedate"') + 1
    table_line = max(i for i in range(key_line) if lines[i].startswith("[[")) + 1
    result = routemap.fails(1, "validate", bad)
    [line] = located_errors(result, bad)
    # At the criterion's table or at its tier key.
    assert table_line <= int(LOCATED.match(line)["line"]) <= key_line, line
    assert "unknown tier 'intermedate'" in line
    assert "1 with problems (1 error, 0 warnings)" in result.stdout


def test_malformed_toml(routemap, tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text("format_version = 1\n\n[assessment\nframework = 'x'\n")
    result = routemap.fails(1, "validate", bad)
    [line] = located_errors(result, bad)
    assert line.startswith(f"{bad}:3:")
    assert "malformed TOML" in line


def test_a_framework_is_told_apart_by_its_framework_table(routemap, tmp_path):
    bad = tmp_path / "looks-like-anything.toml"
    bad.write_text('# a framework\nformat_version = 1\n\n[framework]\nid = "x"\n')
    result = routemap.fails(1, "validate", bad)
    assert "missing" in result.stdout and "assessment" not in result.stdout.lower().replace("assessments", "")
    data = routemap.fails(1, "validate", bad, "--format", "json").json()
    assert data["files"][0]["kind"] == "framework"


def test_assessment_problems_are_all_reported_in_file_order(routemap, org, tmp_path):
    statuses = {c: "met" for c in org.framework.ids("fundamental")}
    text = fill(org.template, statuses)
    first, last = org.framework.ids()[0], org.framework.ids()[-1]
    text = text.replace(f'[criteria."{last}"]\nstatus = "unknown"', f'[criteria."{last}"]\nstatus = "mett"')
    text = text.replace(f'[criteria."{first}"]', f'[criteria."{first[:-1]}9"]')
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    result = routemap.fails(1, "validate", bad)
    lines = located_errors(result, bad)
    numbers = [int(LOCATED.match(line)["line"]) for line in lines]
    assert numbers == sorted(numbers)
    assert any("unknown status 'mett'" in line for line in lines)
    # The unknown criterion is found when the file parses; fix the status and look again.
    bad.write_text(text.replace('status = "mett"', 'status = "met"'), encoding="utf-8")
    result = routemap.fails(1, "validate", bad)
    [line] = located_errors(result, bad)
    assert f"unknown criterion '{first[:-1]}9'" in line and f"did you mean '{first}'" in line


def test_not_applicable_needs_a_reason(routemap, org, tmp_path):
    cid = org.framework.ids()[3]
    text = org.template.replace(f'[criteria."{cid}"]\nstatus = "unknown"', f'[criteria."{cid}"]\nstatus = "not_applicable"')
    bad = tmp_path / "na.toml"
    bad.write_text(text, encoding="utf-8")
    result = routemap.fails(1, "validate", bad)
    assert f"criterion '{cid}' is not_applicable but gives no reason" in result.stdout


def test_assessment_for_an_unknown_framework_is_a_finding(routemap, org, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text(org.template.replace('framework = "newham-organisation"', 'framework = "no-such-framework"'))
    result = routemap.fails(1, "validate", other)
    assert f"{other}: error: " in result.stdout
    assert "'no-such-framework', which is not on the search path" in result.stdout


def test_assessment_for_another_framework_version(routemap, org, tmp_path):
    old = tmp_path / "old.toml"
    old.write_text(org.template.replace('framework_version = "1.0.0"', 'framework_version = "0.9.0"'))
    result = routemap.fails(1, "validate", old)
    assert "version '0.9.0'" in result.stdout


def test_validate_strict_counts_warnings(routemap, tmp_path):
    text = (REPO / "frameworks" / "newham-individual.toml").read_text(encoding="utf-8")
    warned = tmp_path / "warned.toml"
    warned.write_text(text.replace("[framework]\n", "[framework]\nsurprise = 1\n", 1), encoding="utf-8")
    normal = routemap("validate", warned)
    assert "warning:" in normal.stdout, str(normal)
    assert normal.returncode == 0, str(normal)
    assert routemap("validate", "--strict", warned).returncode == 1


def test_validate_many_files_mixed(routemap, org, tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text("[assessment\n")
    result = routemap.fails(1, "validate", org.directory / "blank.toml", REPO / "frameworks" / "larch-remi.toml", bad)
    assert "3 files checked: 2 valid, 1 with problems (1 error, 0 warnings)" in result.stdout


def test_validate_json_and_csv(routemap, tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text("format_version = 1\n[assessment\n")
    data = routemap.fails(1, "validate", bad, "--format", "json").json()
    [entry] = data["files"]
    assert entry["valid"] is False and data["errors"] == 1
    assert entry["diagnostics"][0]["line"] == 2 and entry["diagnostics"][0]["file"] == str(bad)
    rows = list(csv.DictReader(io.StringIO(routemap.fails(1, "validate", bad, "--format", "csv").stdout)))
    assert rows[0]["severity"] == "error" and rows[0]["line"] == "2"


def test_validate_missing_file(routemap, tmp_path):
    assert_error_line(routemap("validate", tmp_path / "missing.toml"), "no such file", "missing.toml")


@pytest.mark.skipif(not example_files(), reason="no example assessments in examples/")
def test_bundled_examples_validate(routemap):
    result = routemap.ok("validate", *example_assessments())
    assert f"{len(example_assessments())} valid, 0 with problems" in result.stdout


def test_target_files_are_told_apart_and_checked(routemap, tmp_path):
    target = tmp_path / "target.toml"
    target.write_text('tier = "intermediate"\n[areas]\n"culture.nowhere" = "advanced"\n', encoding="utf-8")
    # Without a framework only the file itself is checked.
    result = routemap.ok("validate", target)
    assert "target" in result.stdout and "1 valid" in result.stdout
    # With one, its ids too, with the line and column of the bad override.
    bad = routemap("validate", target, "--framework", "newham-organisation")
    assert bad.returncode == 1
    assert f"{target}:3:21: error: unknown area 'culture.nowhere' in target" in bad.stdout
    target.write_text('tier = 3\n', encoding="utf-8")
    typed = routemap("validate", target, "--format", "json")
    assert typed.returncode == 1
    assert '"kind": "target"' in typed.stdout


@pytest.mark.skipif(not example_files(), reason="no example assessments in examples/")
def test_all_bundled_example_files_validate(routemap):
    result = routemap.ok("validate", "--framework", "newham-organisation", *example_targets())
    assert f"{len(example_targets())} valid, 0 with problems" in result.stdout
    assert routemap.ok("validate", *example_assessments())


# --------------------------------------------------------------------------------------------
# template


@pytest.mark.parametrize("framework", BUNDLED)
def test_template_toml_lists_every_criterion(routemap, frameworks, framework):
    facts = frameworks[framework]
    out = routemap.ok("template", framework).stdout
    data = tomllib.loads(out)
    assert data["assessment"]["framework"] == facts.id
    assert data["assessment"]["framework_version"] == facts.version
    assert list(data["criteria"]) == facts.ids()
    assert {c["status"] for c in data["criteria"].values()} == {"unknown"}


@pytest.mark.parametrize("framework", BUNDLED)
def test_template_csv_and_json(routemap, frameworks, framework):
    facts = frameworks[framework]
    rows = list(csv.DictReader(io.StringIO(routemap.ok("template", framework, "--format", "csv").stdout)))
    assert [r["criterion_id"] for r in rows] == facts.ids()
    assert {r["status"] for r in rows} == {"unknown"}
    data = json.loads(routemap.ok("template", framework, "--format", "json").stdout)
    assert list(data["criteria"]) == facts.ids()


@pytest.mark.parametrize("extension", ["toml", "csv", "json"])
def test_template_written_with_o_takes_the_format_of_the_extension_and_validates(routemap, tmp_path, extension):
    target = tmp_path / f"blank.{extension}"
    routemap.ok("template", "newham-service", "--subject", "Clinic", "--date", "2025-01-31", "-o", target)
    assert target.read_text(encoding="utf-8") == routemap.ok(
        "template", "newham-service", "--subject", "Clinic", "--date", "2025-01-31", "--format", extension).stdout
    assert "against newham-service 1.0.0: 56 unknown" in routemap.ok("validate", target).stdout


def test_template_subject_date_assessors(routemap):
    data = tomllib.loads(routemap.ok("template", "newham-individual", "-s", "Dr Who", "--date", "2024-02-29",
                                     "--assessor", "Ann", "--assessor", "Bo").stdout)
    assert data["assessment"]["subject"] == "Dr Who"
    assert str(data["assessment"]["date"]) == "2024-02-29"
    assert data["assessment"]["assessors"] == ["Ann", "Bo"]


def test_template_bad_inputs(routemap):
    assert_error_line(routemap("template", "nope"), "unknown framework 'nope'")
    assert_error_line(routemap("template", "newham-service", "--format", "xlsx"), "toml, csv or json")
    assert_error_line(routemap("template", "newham-service", "--date", "next week"), "YYYY-MM-DD")

"""score and gap: values checked against expectations computed from the framework files, every output
format, and bad input (model, parameters, targets, files)."""

import pytest

from conftest import FORMATS, REPO, assert_error_line, assert_fits_80_columns, check_format, expected_gap


# --------------------------------------------------------------------------------------------
# score


def test_score_levels(routemap, files):
    blank = routemap.ok("score", files["blank"], "-f", "json").json()
    assert (blank["overall"]["level"], blank["overall"]["label"]) == (0, "Not yet")
    fundamental = routemap.ok("score", files["fundamental"], "-f", "json").json()
    assert (fundamental["overall"]["level"], fundamental["overall"]["label"]) == (1, "Fundamental")
    assert {a["level"] for a in fundamental["areas"]} == {1}
    top = routemap.ok("score", files["all-met"], "-f", "json").json()
    assert (top["overall"]["level"], top["overall"]["label"]) == (3, "Advanced")
    assert top["model"] == "staged"


def test_score_text(routemap, files, org):
    out = routemap.ok("score", files["fundamental"]).stdout
    assert_fits_80_columns(out)
    n = len(org.framework.ids("fundamental"))
    assert "Score: Test Trust" in out
    assert "Assessed 2024-04-01 by A. Tester." in out
    assert "Overall level: Fundamental (1 of 3), score 1/3" in out
    assert f"{n} met, {len(org.framework.criteria) - n} unknown" in out
    workforce = next(line for line in out.splitlines() if line.startswith("Workforce "))
    assert workforce.split()[1:] == ["Fundamental", "1/3", str(len(org.framework.ids("fundamental", "workforce"))), "0", "0",
                                     str(len(org.framework.ids(domain="workforce")) - len(org.framework.ids("fundamental", "workforce"))), "0"]


def test_score_continuous_with_parameters(routemap, files):
    default = routemap.ok("score", files["all-partial"], "--model", "continuous", "-f", "json").json()
    assert default["overall"]["score"] == pytest.approx(1.5)
    assert default["parameters"]["partial_credit"] == 0.5
    quarter = routemap.ok("score", files["all-partial"], "-m", "continuous", "--param", "partial_credit=0.25", "-f", "json").json()
    assert quarter["overall"]["score"] == pytest.approx(0.75)


def test_score_coverage(routemap, files, org):
    data = routemap.ok("score", files["fundamental"], "--model", "coverage", "-f", "json").json()
    assert data["overall"]["score"] == pytest.approx(len(org.framework.ids("fundamental")) / len(org.framework.criteria))


@pytest.mark.parametrize("fmt", FORMATS)
def test_score_every_format(routemap, files, org, fmt):
    out = check_format(routemap.ok("score", files["fundamental"], "--format", fmt), fmt)
    if fmt == "csv":
        assert len(out) == 1 + len(org.framework.domains) + len(org.framework.areas)
        assert out[0]["kind"] == "overall" and out[0]["label"] == "Fundamental"
    if fmt == "markdown":
        assert "**Overall level:** Fundamental" in out


def test_score_unknown_model(routemap, files):
    assert_error_line(routemap("score", files["blank"], "--model", "magic"), "unknown scoring model 'magic'", "staged")


def test_score_bad_parameters(routemap, files):
    assert_error_line(routemap("score", files["blank"], "--param", "bogus=1"), "no parameter 'bogus'")
    assert_error_line(routemap("score", files["blank"], "-m", "continuous", "--param", "partial_credit"), "NAME=NUMBER")
    assert_error_line(routemap("score", files["blank"], "-m", "continuous", "--param", "partial_credit=lots"), "not a number")


def test_score_missing_file(routemap, tmp_path):
    assert_error_line(routemap("score", tmp_path / "nope.toml"), "cannot read", "no such file")


def test_score_malformed_assessment(routemap, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('format_version = 1\n[assessment]\nframework = "newham-organisation"\nframework_version = 3\n')
    result = routemap.fails(2, "score", bad)
    assert result.stderr.startswith(f"{bad}:4:"), str(result)
    assert result.stdout == ""


def test_score_assessment_of_unknown_framework(routemap, org, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text(org.template.replace('framework = "newham-organisation"', 'framework = "mystery"'))
    assert_error_line(routemap("score", other), "'mystery', which is not on the search path", "--path")


def test_score_with_framework_override(routemap, files, tmp_path):
    assert routemap.ok("score", files["blank"], "--framework", "newham-organisation", "-f", "json").json()["overall"]["level"] == 0
    # An explicit framework that does not fit is an input error that lists the mismatch.
    result = routemap.fails(2, "score", files["blank"], "--framework", "newham-service")
    assert "not 'newham-service'" in result.stderr


# --------------------------------------------------------------------------------------------
# gap


def test_gap_from_blank(routemap, files, org):
    fw = org.framework
    data = routemap.ok("gap", files["blank"], "--target", "fundamental", "-f", "json").json()
    expected = expected_gap(fw, {}, {"fundamental"})
    assert [i["id"] for i in data["items"]] == expected
    assert data["total"]["to_close"] == len(expected)
    assert data["total"]["met"] == 0 and data["target"]["tier"] == "fundamental"
    default = routemap.ok("gap", files["blank"], "-f", "json").json()  # the highest tier
    assert default["total"]["to_close"] == len(fw.criteria)


def test_gap_after_fundamental(routemap, files, org):
    fw = org.framework
    statuses = {c: "met" for c in fw.ids("fundamental")}
    data = routemap.ok("gap", files["fundamental"], "--target", "intermediate", "-f", "json").json()
    assert [i["id"] for i in data["items"]] == expected_gap(fw, statuses, {"fundamental", "intermediate"})
    assert {a["current_level"] for a in data["areas"]} == {1} and {a["target_level"] for a in data["areas"]} == {2}
    out = routemap.ok("gap", files["fundamental"], "--target", "intermediate").stdout
    assert_fits_80_columns(out)
    n_fund, n_int = len(fw.ids("fundamental")), len(fw.ids("intermediate"))
    assert f"Overall: {n_fund} of {n_fund + n_int} required criteria met" in out
    assert "Target: Intermediate everywhere." in out
    assert "Fundamental → target Intermediate" in out
    reached = routemap.ok("gap", files["fundamental"], "--target", "fundamental").stdout
    assert "0 criteria to close" in reached
    assert " ".join(reached.split()).count(", reached") == len(fw.areas)


def test_gap_and_path_are_not_stopped_by_broken_frameworks_on_the_search_path(routemap, files, tmp_path):
    # The registry loads only the files that may hold the framework asked for (the id at the top of
    # each file says which); a broken file, even one that claims the same id, changes nothing.
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "a-broken.toml").write_text("format_version = 1\n[framework\n")
    (tmp_path / "frameworks" / "b-claims-the-id.toml").write_text(
        'format_version = 1\n[framework]\nid = "newham-organisation"\nname = 3\n')
    for command in ("gap", "path"):
        plain = routemap.ok(command, files["fundamental"], "-f", "json").json()
        assert routemap.ok("--path", tmp_path, command, files["fundamental"], "-f", "json").json() == plain
    # `list` still reports both files, and the framework comes from the repository.
    listed = routemap.ok("--path", tmp_path, "list", "--format", "json").json()
    problems = str(listed["problems"])
    assert "a-broken.toml" in problems and "b-claims-the-id.toml" in problems
    org = next(f for f in listed["frameworks"] if f["id"] == "newham-organisation")
    assert org["origin"] == str(REPO / "frameworks" / "newham-organisation.toml")


def test_gap_with_a_target_file(routemap, files, org, tmp_path):
    target = tmp_path / "target.toml"
    target.write_text('tier = "fundamental"\n[domains]\nworkforce = "advanced"\n[areas]\n"workforce.skills" = "intermediate"\n')
    data = routemap.ok("gap", files["blank"], "--target", target, "-f", "json").json()
    levels = {a["id"]: a["target_level"] for a in data["areas"]}
    assert levels["workforce.diversity"] == 3 and levels["workforce.skills"] == 2 and levels["culture.conversation"] == 1
    assert data["target"]["domains"] == {"workforce": "advanced"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_gap_every_format(routemap, files, org, fmt):
    out = check_format(routemap.ok("gap", files["fundamental"], "--target", "intermediate", "--format", fmt), fmt)
    if fmt == "csv":
        statuses = {c: "met" for c in org.framework.ids("fundamental")}
        assert [r["criterion"] for r in out] == expected_gap(org.framework, statuses, {"fundamental", "intermediate"})


def test_gap_bad_targets(routemap, files, tmp_path):
    assert_error_line(routemap("gap", files["blank"], "--target", "expert"), "unknown tier 'expert'", "fundamental, intermediate, advanced")
    assert_error_line(routemap("gap", files["blank"], "--target", tmp_path / "missing.toml"), "no such file")
    bad = tmp_path / "target.toml"
    bad.write_text('tier = "fundamental"\n[domains]\nnonsense = "advanced"\n')
    result = routemap.fails(2, "gap", files["blank"], "--target", bad)
    assert result.stderr.startswith(f"{bad}:3:"), str(result)
    assert "unknown domain 'nonsense'" in result.stderr
    malformed = tmp_path / "malformed.toml"
    malformed.write_text('tier = \n')
    result = routemap.fails(2, "gap", files["blank"], "--target", malformed)
    assert result.stderr.startswith(f"{malformed}:1:"), str(result)

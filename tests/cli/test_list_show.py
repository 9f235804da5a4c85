"""`routemap list` and `routemap show` on the bundled frameworks, in every format."""

import csv
import io

import pytest

from conftest import BUNDLED, FORMATS, REPO, assert_error_line, assert_fits_80_columns


def test_list_text_shows_every_bundled_framework_with_its_counts(routemap, frameworks):
    result = routemap.ok("list")
    assert_fits_80_columns(result.stdout)
    assert f"Frameworks ({len(frameworks)} on the search path)" in result.stdout
    lines = result.stdout.splitlines()
    for facts in frameworks.values():
        row = next(line for line in lines if line.startswith(facts.id + " "))
        assert row.split() == [facts.id, facts.version, facts.level, str(len(facts.domains)), str(len(facts.areas)),
                               str(len(facts.criteria)), str(facts.actions)]
        assert facts.name in result.stdout


def test_list_json(routemap, frameworks):
    data = routemap.ok("list", "--format", "json").json()
    assert str(REPO) in data["search_path"]
    listed = {f["id"]: f for f in data["frameworks"]}
    assert set(listed) == set(frameworks)
    for facts in frameworks.values():
        f = listed[facts.id]
        assert (f["name"], f["version"], f["level"]) == (facts.name, facts.version, facts.level)
        assert (f["domains"], f["areas"], f["criteria"], f["actions"]) == (
            len(facts.domains), len(facts.areas), len(facts.criteria), facts.actions)
        per_tier = [len(facts.ids(tier)) for tier, _ in facts.tiers]
        assert f["criteria_per_tier"] == per_tier
    assert data["problems"] == []
    assert "models" not in data


def test_list_csv(routemap, frameworks):
    rows = list(csv.DictReader(io.StringIO(routemap.ok("list", "--format", "csv").stdout)))
    assert {r["id"] for r in rows} == set(frameworks)
    for r in rows:
        assert int(r["criteria"]) == len(frameworks[r["id"]].criteria)
        assert r["origin"].endswith(f"frameworks/{r['id']}.toml")


def test_list_markdown(routemap, frameworks):
    out = routemap.ok("list", "--format", "markdown").stdout
    assert out.startswith("# Frameworks\n")
    for facts in frameworks.values():
        assert f"| `{facts.id}` |" in out


def test_list_models_and_report_formats(routemap):
    text = routemap.ok("list", "--models").stdout
    assert "Scoring models:" in text and "Report formats:" in text
    for model in ["staged", "continuous", "coverage"]:
        assert f"\n  {model} " in text
    assert "partial_credit=0.5" in text
    assert "\n  html " in text
    assert_fits_80_columns(text)
    data = routemap.ok("list", "--models", "--format", "json").json()
    assert {m["name"] for m in data["models"]} >= {"staged", "continuous", "coverage"}
    continuous = next(m for m in data["models"] if m["name"] == "continuous")
    assert continuous["parameters"] == {"level_threshold": 1.0, "partial_credit": 0.5}
    assert "html" in [f["format"] for f in data["report_formats"]]


def test_list_verbose_shows_the_search_path_and_origins(routemap, tmp_path):
    out = routemap.ok("--path", tmp_path, "list", "--verbose").stdout
    search = out.split("Search path (first wins):")[1]
    # --path comes first, before ROUTEMAP_PATH.
    assert search.index(str(tmp_path)) < search.index(str(REPO))
    assert f"from {REPO}/frameworks/newham-service.toml" in out


def test_list_reports_duplicates_and_broken_files(routemap, tmp_path):
    (tmp_path / "frameworks").mkdir()
    original = (REPO / "frameworks" / "newham-service.toml").read_text(encoding="utf-8")
    (tmp_path / "frameworks" / "copy.toml").write_text(original.replace('name = "Newham', 'name = "Copied Newham', 1))
    (tmp_path / "frameworks" / "broken.toml").write_text("format_version = 1\n[framework\n")
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "fake.so").write_bytes(b"not a shared library")
    result = routemap.ok("--path", tmp_path, "list")
    problems = result.stdout.split("Problems:")[1]
    assert "duplicate framework id 'newham-service'" in problems
    assert "broken.toml:2" in problems
    assert "plugin fake.so refused" in problems
    # The first on the search path wins: the copy, from --path.
    data = routemap.ok("--path", tmp_path, "list", "--format", "json").json()
    service = next(f for f in data["frameworks"] if f["id"] == "newham-service")
    assert service["name"].startswith("Copied Newham")
    assert len(data["problems"]) == 3


def test_list_with_an_empty_search_path(routemap, tmp_path):
    env = dict(routemap.env, ROUTEMAP_PATH=str(tmp_path))
    out = routemap.ok("list", env=env).stdout
    assert "Frameworks (0 on the search path)" in out


@pytest.mark.parametrize("framework", BUNDLED)
def test_show_text(routemap, frameworks, framework):
    facts = frameworks[framework]
    out = routemap.ok("show", framework).stdout
    assert_fits_80_columns(out)
    assert out.startswith(facts.name[:40])
    for _, tier_name in facts.tiers:
        assert tier_name in out
    for d in facts.domains:
        assert f"[{d['id']}]" in out
    # Every criterion's local id is listed under its area.
    for c in facts.criteria:
        local = c.id[len(c.area) + 1:]
        assert f"  {local} " in out, c.id


@pytest.mark.parametrize("framework", BUNDLED)
def test_show_csv_has_one_row_per_criterion(routemap, frameworks, framework):
    facts = frameworks[framework]
    rows = list(csv.DictReader(io.StringIO(routemap.ok("show", framework, "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == facts.ids()
    assert [r["tier"] for r in rows] == [c.tier for c in facts.criteria]
    assert [r["requires"].split() for r in rows] == [c.requires for c in facts.criteria]


@pytest.mark.parametrize("framework", BUNDLED)
def test_show_json_is_the_whole_framework(routemap, frameworks, framework):
    facts = frameworks[framework]
    data = routemap.ok("show", framework, "--format", "json").json()
    assert data["id"] == facts.id and data["version"] == facts.version
    assert [t["id"] for t in data["tiers"]] == [t for t, _ in facts.tiers]
    ids = [c["id"] for d in data["domains"] for a in d["areas"] for c in a["criteria"]]
    assert ids == facts.ids()
    assert sum(len(d["actions"]) for d in data["domains"]) == sum(len(d.get("actions", [])) for d in facts.domains)


@pytest.mark.parametrize("framework", BUNDLED)
def test_show_markdown(routemap, frameworks, framework):
    facts = frameworks[framework]
    out = routemap.ok("show", framework, "--format", "markdown").stdout
    assert out.count("\n## ") == len(facts.domains)
    assert sum(line.startswith("| ") and "`" in line for line in out.splitlines()) == len(facts.criteria)


def test_show_one_domain_briefly(routemap, frameworks):
    facts = frameworks["newham-organisation"]
    out = routemap.ok("show", "newham-organisation", "--domain", "workforce", "--brief").stdout
    assert "[workforce]" in out and "[culture]" not in out
    assert "Actions:" not in out
    csv_rows = list(csv.DictReader(io.StringIO(routemap.ok("show", "newham-organisation", "-d", "workforce", "-f", "csv").stdout)))
    assert [r["id"] for r in csv_rows] == facts.ids(domain="workforce")


def test_show_by_path(routemap, frameworks):
    out = routemap.ok("show", REPO / "frameworks" / "larch-remi.toml", "--format", "json").json()
    assert out["id"] == "larch-remi"


@pytest.mark.parametrize("fmt", FORMATS)
def test_show_writes_to_a_file(routemap, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = routemap.ok("show", "newham-individual", "--format", fmt, "-o", target)
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == routemap.ok("show", "newham-individual", "--format", fmt).stdout
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


def test_output_format_follows_the_extension(routemap, tmp_path):
    routemap.ok("show", "newham-individual", "-o", tmp_path / "f.json")
    assert (tmp_path / "f.json").read_text().lstrip().startswith("{")


def test_show_unknown_framework(routemap):
    assert_error_line(routemap("show", "no-such-framework"), "unknown framework 'no-such-framework'", "newham-organisation")


def test_show_missing_framework_file(routemap, tmp_path):
    assert_error_line(routemap("show", tmp_path / "missing.toml"), "no such file", "missing.toml")


def test_show_unknown_domain(routemap):
    assert_error_line(routemap("show", "newham-organisation", "--domain", "nope"), "no domain 'nope'", "culture")


def test_show_malformed_framework_file(routemap, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('format_version = 1\n\n[framework]\nid = "bad"\nname = \n')
    result = routemap.fails(2, "show", bad)
    assert result.stderr.startswith(f"{bad}:5:"), str(result)
    assert "error:" in result.stderr


def test_output_to_a_missing_directory_is_an_error(routemap, tmp_path):
    result = routemap("show", "newham-individual", "-o", tmp_path / "no" / "such" / "dir" / "out.txt")
    assert result.returncode == 2, str(result)
    assert "out.txt" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_directory_given_twice_is_scanned_once(routemap):
    # ROUTEMAP_PATH is the repository root already: naming it again must not make duplicates.
    data = routemap.ok("--path", REPO, "list", "--format", "json").json()
    assert data["search_path"].count(str(REPO)) == 1
    assert data["problems"] == []

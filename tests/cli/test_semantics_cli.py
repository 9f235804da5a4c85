"""One meaning for levels, not applicable, paths and changes, through the real binary
(docs/scoring.md, "The rules every model follows")."""

import csv
import io
import json

import pytest

from conftest import BUNDLED, EXAMPLES, REPO

MODELS = ["staged", "continuous", "coverage"]
MIXED = REPO / "tests" / "data" / "mixed-tiers.toml"


def blank(routemap, tmp_path, framework, *extra):
    out = tmp_path / f"{framework if '/' not in str(framework) else 'file'}-blank.toml"
    routemap.ok("template", framework, "-o", out, "--subject", "Nobody yet", "--date", "2026-01-01", *extra)
    return out


def all_nodes(data):
    return [data["overall"], *data["domains"], *data["areas"]]


@pytest.mark.parametrize("framework", [*BUNDLED, "mixed"])
@pytest.mark.parametrize("model", MODELS)
def test_blank_is_level_zero_and_scores_zero(routemap, tmp_path, framework, model):
    target = str(MIXED) if framework == "mixed" else framework
    extra = ("--framework", MIXED) if framework == "mixed" else ()
    path = blank(routemap, tmp_path, target)
    data = routemap.ok("score", path, "--model", model, "-f", "json", *extra).json()
    for node in all_nodes(data):
        assert node["applicable"] is True, node["id"]
        assert node["level"] == 0, (node["id"], node["level"], node["label"])
        assert node["score"] == 0, (node["id"], node["score"])
        assert node["label"] == data["level_labels"][0]
    rows = list(csv.DictReader(io.StringIO(routemap.ok("score", path, "--model", model, "-f", "csv", *extra).stdout)))
    assert {r["level"] for r in rows} == {"0"}


@pytest.mark.parametrize("framework", BUNDLED)
def test_blank_report_says_not_yet(routemap, tmp_path, framework):
    path = blank(routemap, tmp_path, framework)
    html = (tmp_path / "r.html")
    routemap.ok("report", path, "-o", html)
    text = html.read_text()
    label = routemap.ok("score", path, "-f", "json").json()["level_labels"][0]
    assert f">{label}</span></div>" in text  # the overall level in the headline


def test_not_applicable_is_never_a_number(routemap, tmp_path):
    """An area whose every criterion is not applicable: null in JSON, empty in CSV, n/a in text."""
    path = blank(routemap, tmp_path, "newham-organisation")
    data = routemap.ok("show", "newham-organisation", "-f", "json").json()
    area = data["domains"][0]["areas"][0]
    ids = [c["id"] for c in area["criteria"]]
    text = path.read_text()
    for cid in ids:
        text = text.replace(f'[criteria."{cid}"]\nstatus = "unknown"', f'[criteria."{cid}"]\nstatus = "not_applicable"\nreason = "out_of_scope"')
    path.write_text(text)
    routemap.ok("validate", path)
    for model in MODELS:
        scored = routemap.ok("score", path, "--model", model, "-f", "json").json()
        node = next(a for a in scored["areas"] if a["id"] == area["id"])
        assert node["applicable"] is False
        assert node["level"] is None and node["score"] is None and node["label"] == "Not applicable"
        rows = list(csv.DictReader(io.StringIO(routemap.ok("score", path, "--model", model, "-f", "csv").stdout)))
        row = next(r for r in rows if r["id"] == area["id"])
        assert row["level"] == "" and row["score"] == "" and row["applicable"] == "false"
    text_out = routemap.ok("score", path).stdout
    assert "n/a" in text_out
    gap = routemap.ok("gap", path, "-f", "json").json()
    assert next(a for a in gap["areas"] if a["id"] == area["id"])["current_level"] is None


def test_compare_lists_exclusions_everywhere(routemap, tmp_path):
    before = blank(routemap, tmp_path, "newham-service")
    cid = routemap.ok("show", "newham-service", "-f", "json").json()["domains"][0]["areas"][0]["criteria"][0]["id"]
    text = before.read_text()
    before.write_text(text.replace(f'[criteria."{cid}"]\nstatus = "unknown"', f'[criteria."{cid}"]\nstatus = "met"'))
    after = tmp_path / "after.toml"
    after.write_text(text.replace(f'[criteria."{cid}"]\nstatus = "unknown"',
                                  f'[criteria."{cid}"]\nstatus = "not_applicable"\nreason = "owned_elsewhere"')
                     .replace('date = 2026-01-01', 'date = 2027-01-01'))
    data = routemap.ok("compare", before, after, "-f", "json").json()
    assert data["changes"] == [{"id": cid, "before": "met", "after": "not_applicable", "kind": "excluded"}]
    assert data["summary"]["excluded"] == 1
    rows = list(csv.DictReader(io.StringIO(routemap.ok("compare", before, after, "-f", "csv").stdout)))
    assert [r["change"] for r in rows if r["kind"] == "criterion"] == ["excluded"]
    out = " ".join(routemap.ok("compare", before, after).stdout.split())
    assert "1 excluded (now not applicable)" in out and "Excluded (now not applicable) (1):" in out
    assert "## Excluded (now not applicable)" in routemap.ok("compare", before, after, "-f", "markdown").stdout
    html = tmp_path / "r.html"
    routemap.ok("report", after, "--previous", before, "-o", html)
    assert "Excluded: now not applicable (1)" in html.read_text()


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("newham-*.toml")))
def test_path_lists_steps_phase_by_phase(routemap, example):
    data = routemap.ok("path", example, "--target", "advanced", "-f", "json").json()
    phases = [s["phase"] for s in data["steps"]]
    assert phases == sorted(phases)
    seen = {}
    for step in data["steps"]:
        for w in step["waits_for"]:
            assert w in seen and seen[w] < step["phase"], (step["id"], w)
        seen[step["id"]] = step["phase"]
    rows = list(csv.DictReader(io.StringIO(routemap.ok("path", example, "--target", "advanced", "-f", "csv").stdout)))
    assert [int(r["phase"]) for r in rows] == phases


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")) + sorted((EXAMPLES / "service-yearly").glob("*.toml")))
def test_gap_rows_add_up(routemap, example):
    if example.name.startswith("target"):
        pytest.skip("a target file")
    data = routemap.ok("gap", example, "--target", "advanced", "-f", "json").json()
    items = {i["id"] for i in data["items"]}
    listed = [cid for a in data["areas"] for cid in a["to_close"]]
    assert sorted(listed) == sorted(items)
    for d in data["domains"]:
        areas = [a for a in data["areas"] if a["domain"] == d["id"]]
        for key in ("to_close", "required", "met", "partial", "prerequisites"):
            total = sum(len(a["to_close"]) if key == "to_close" else a[key] for a in areas)
            assert d[key] == total, (d["id"], key)
    for a in data["areas"]:
        assert a["reached"] == (not a["to_close"])


def test_validate_warns_about_skipped_tiers(routemap):
    result = routemap(*["validate", MIXED])
    assert result.returncode == 0, str(result)
    assert "area 'd2.d' has no criteria at tiers l1, l2, l4" in result.stdout + result.stderr
    assert "d1.b" not in result.stdout + result.stderr  # it declares its tiers

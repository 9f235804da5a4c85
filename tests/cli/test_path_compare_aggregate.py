"""path, compare and aggregate: values checked against expectations computed from the framework files,
every output format, bad input, and the bundled example assessments."""

import csv
import io
import tomllib

import pytest

from conftest import (EXAMPLES, FORMATS, assert_error_line, assert_fits_80_columns, check_format, example_assessments,
                      example_targets, expected_gap)


# --------------------------------------------------------------------------------------------
# path


def test_path_respects_dependencies_and_phases(routemap, files, org):
    fw = org.framework
    data = routemap.ok("path", files["blank"], "--target", "intermediate", "-f", "json").json()
    order = [s["id"] for s in data["steps"]]
    assert sorted(order) == sorted(expected_gap(fw, {}, {"fundamental", "intermediate"}))
    position = {cid: i for i, cid in enumerate(order)}
    by_id = {c.id: c for c in fw.criteria}
    for cid in order:
        for p in fw.prerequisites(by_id[cid]):
            if p in position:
                assert position[p] < position[cid], f"{p} must come before {cid}"
    phase1 = {cid for cid in order if not (fw.prerequisites(by_id[cid]) & set(order))}
    assert set(data["phases"][0]) == phase1
    assert data["phase_count"] == len(data["phases"]) >= 2


def test_path_next(routemap, files):
    full = routemap.ok("path", files["blank"], "--target", "intermediate", "-f", "json").json()
    data = routemap.ok("path", files["blank"], "--target", "intermediate", "--next", "3", "-f", "json").json()
    assert data["next"] == full["phases"][0][:3]
    text = routemap.ok("path", files["blank"], "--target", "intermediate", "--next", "3").stdout
    assert_fits_80_columns(text)
    assert f"Next 3 steps that can start today (of {len(full['phases'][0])} in phase 1, {len(full['steps'])} in all)" in text
    for cid in data["next"]:
        assert cid in text
    assert full["phases"][1][0] not in text
    rows = list(csv.DictReader(io.StringIO(routemap.ok("path", files["blank"], "-t", "intermediate", "-n", "2", "-f", "csv").stdout)))
    assert [r["criterion"] for r in rows] == full["phases"][0][:2]
    assert_error_line(routemap("path", files["blank"], "--next", "-1"), "--next")


def test_path_text_shows_every_phase(routemap, files):
    data = routemap.ok("path", files["blank"], "--target", "intermediate", "-f", "json").json()
    out = routemap.ok("path", files["blank"], "--target", "intermediate").stdout
    assert f"{len(data['steps'])} steps in {data['phase_count']} phases." in out
    assert "Phase 1 — can start now" in out and f"Phase {data['phase_count']} — after phase" in out


def test_path_when_the_target_is_reached(routemap, files):
    out = routemap.ok("path", files["all-met"]).stdout
    assert "The target is reached: nothing left to do." in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_path_every_format(routemap, files, fmt):
    check_format(routemap.ok("path", files["fundamental"], "--target", "advanced", "--format", fmt), fmt)


def test_path_bad_target(routemap, files):
    assert_error_line(routemap("path", files["blank"], "--target", "legendary"), "unknown tier 'legendary'")


# --------------------------------------------------------------------------------------------
# compare


def test_compare_counts_newly_met_and_regressions(routemap, org, files):
    fw = org.framework
    regress = fw.ids("fundamental")[0]
    before = org.write("before.toml", {regress: "met", fw.ids("intermediate")[0]: "partial"}, date="2023-04-01")
    after = files["fundamental"]
    old_statuses = {regress: "met", fw.ids("intermediate")[0]: "partial"}
    new_statuses = {c: "met" for c in fw.ids("fundamental")}
    after_text = org.write("after.toml", {**new_statuses, regress: "not_met"})
    data = routemap.ok("compare", before, after_text, "-f", "json").json()
    kinds = {c["id"]: c["kind"] for c in data["changes"]}
    assert kinds[regress] == "regressed"
    assert kinds[fw.ids("intermediate")[0]] == "regressed"  # partial before, unknown now
    newly = sorted(c for c, k in kinds.items() if k == "newly_met")
    assert newly == sorted(set(new_statuses) - {regress} - set(c for c, s in old_statuses.items() if s == "met"))
    assert (data["before_date"], data["after_date"]) == ("2023-04-01", "2024-04-01")
    up = routemap.ok("compare", files["blank"], after, "-f", "json").json()
    assert up["overall"]["before_level"] == 0 and up["overall"]["after_level"] == 1 and up["overall"]["delta"] == 1
    assert {a["delta"] for a in up["areas"]} == {1}


def test_compare_text(routemap, files, org):
    out = routemap.ok("compare", files["blank"], files["fundamental"]).stdout
    assert_fits_80_columns(out)
    n = len(org.framework.ids("fundamental"))
    assert "Overall level: Not yet → Fundamental (+1)" in out
    assert (f"Areas: {len(org.framework.areas)} gained a level, 0 lost one; {n} criteria newly met, 0 regressed, "
            "0 excluded (now not applicable).") in " ".join(out.split())
    assert f"Newly met ({n}):" in out
    assert "Regressed" not in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_compare_every_format(routemap, files, fmt):
    check_format(routemap.ok("compare", files["blank"], files["fundamental"], "--format", fmt), fmt)


def test_compare_bad_input(routemap, files, tmp_path):
    result = routemap.fails(2, "compare", files["blank"], files["other-subject"])
    assert "different subjects" in result.stderr
    service = tmp_path / "service.toml"
    routemap.ok("template", "newham-service", "--subject", "Test Trust", "-o", service)
    assert_error_line(routemap("compare", files["blank"], service), "different frameworks")
    assert_error_line(routemap("compare", files["blank"], tmp_path / "nope.toml"), "no such file")
    assert_error_line(routemap("compare", files["blank"], files["fundamental"], "--model", "nope"), "unknown scoring model")


# --------------------------------------------------------------------------------------------
# aggregate


def test_aggregate_distribution(routemap, files):
    data = routemap.ok("aggregate", files["blank"], files["fundamental"], files["all-met"], "-f", "json").json()
    assert data["overall"]["level_counts"] == [1, 1, 0, 1]
    assert data["overall"]["median_level"] == 1
    assert data["subjects"] == ["Test Trust"] * 3
    assert all(a["count"] == 3 for a in data["areas"])
    out = routemap.ok("aggregate", files["blank"], files["fundamental"], files["all-met"]).stdout
    assert_fits_80_columns(out)
    assert "Aggregate of 3 assessments" in out
    assert "L0 Not yet, L1 Fundamental, L2 Intermediate, L3 Advanced" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_aggregate_every_format(routemap, files, fmt):
    check_format(routemap.ok("aggregate", files["blank"], files["all-met"], "--format", fmt), fmt)


def test_aggregate_mixed_frameworks(routemap, files, tmp_path):
    service = tmp_path / "service.toml"
    routemap.ok("template", "newham-service", "-o", service)
    assert_error_line(routemap("aggregate", files["blank"], service), "cannot aggregate", "newham-service")
    assert_error_line(routemap("aggregate", files["blank"], tmp_path / "nope.toml"), "no such file")


# --------------------------------------------------------------------------------------------
# The bundled examples


def load(path):
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not example_assessments(), reason="no example assessments in examples/")
@pytest.mark.parametrize("fmt", FORMATS)
def test_examples_in_every_format(routemap, fmt):
    for path in example_assessments():
        check_format(routemap.ok("score", path, "--format", fmt), fmt)
        check_format(routemap.ok("gap", path, "--target", "intermediate", "--format", fmt), fmt)
        check_format(routemap.ok("path", path, "--target", "intermediate", "--next", "5", "--format", fmt), fmt)


@pytest.mark.skipif(not example_targets(), reason="no example target in examples/")
def test_examples_with_their_target(routemap):
    for target in example_targets():
        for path in example_assessments():
            data = load(path)
            if data["assessment"]["framework"] != "newham-organisation":
                continue
            check_format(routemap.ok("gap", path, "--target", target), "text")
            check_format(routemap.ok("path", path, "--target", target, "--format", "json"), "json")


def expected_changes(before, after):
    out = {}
    for cid in sorted(set(before["criteria"]) | set(after["criteria"])):
        b = before["criteria"].get(cid, {}).get("status", "unknown")
        a = after["criteria"].get(cid, {}).get("status", "unknown")
        if a == b:
            continue
        # The table of docs/scoring.md, "Comparing two assessments", written out independently.
        if a == "met":
            out[cid] = "newly_met"
        elif a == "not_applicable":
            out[cid] = "excluded"
        elif b == "not_applicable":
            out[cid] = "reinstated"
        elif b == "met":
            out[cid] = "regressed"
        elif b == "partial" and a in ("not_met", "unknown"):
            out[cid] = "regressed"
        elif a == "partial":
            out[cid] = "improved"
        else:
            out[cid] = "other"
    return out


def example_pairs():
    by_subject = {}
    for path in example_assessments():
        data = load(path)
        key = (data["assessment"]["framework"], data["assessment"]["subject"])
        by_subject.setdefault(key, {})[str(data["assessment"]["date"])] = path
    pairs = []
    for dates in by_subject.values():
        ordered = [dates[d] for d in sorted(dates)]
        pairs += list(zip(ordered, ordered[1:]))
    return pairs


@pytest.mark.skipif(not example_pairs(), reason="no two example assessments of one subject")
def test_examples_compare(routemap):
    for old, new in example_pairs():
        data = routemap.ok("compare", old, new, "-f", "json").json()
        assert {c["id"]: c["kind"] for c in data["changes"]} == expected_changes(load(old), load(new)), (old, new)
        check_format(routemap.ok("compare", old, new), "text")


@pytest.mark.skipif(not (EXAMPLES / "service-yearly").is_dir(), reason="no examples/service-yearly")
def test_examples_aggregate(routemap):
    paths = sorted((EXAMPLES / "service-yearly").glob("*.toml"))
    data = routemap.ok("aggregate", *paths, "-f", "json").json()
    assert sum(data["overall"]["level_counts"]) == len(paths)
    check_format(routemap.ok("aggregate", *paths), "text")

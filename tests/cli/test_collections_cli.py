"""history, aggregate over a folder, crosswalk, project and rollup: the trust's folder of service
assessments over three years (examples/trust), every output format, and bad input."""

import csv
import io
import shutil
import tomllib

from conftest import EXAMPLES, REPO, assert_fits_80_columns

TRUST = EXAMPLES / "trust"


def trust_facts():
    """subject -> sorted dates, straight from the files."""
    facts = {}
    for f in sorted(TRUST.glob("*.toml")):
        a = tomllib.loads(f.read_text())["assessment"]
        facts.setdefault(a["subject"], []).append(a["date"])
    return {s: sorted(d) for s, d in facts.items()}


# --------------------------------------------------------------------------------------------
# history


def test_history_of_a_folder_lines_up_each_subject_by_date(routemap):
    data = routemap.ok("history", str(TRUST), "-f", "json").json()
    facts = trust_facts()
    assert len(facts) == 3 and all(len(d) == 3 for d in facts.values())
    assert {s["subject"] for s in data["subjects"]} == set(facts)
    assert data["problems"] == []
    for s in data["subjects"]:
        assert [p["date"] for p in s["points"]] == facts[s["subject"]]
        assert all(len(p["domains"]) == 6 for p in s["points"])
    # The same numbers as scoring each file on its own.
    point = data["subjects"][0]["points"][1]
    alone = routemap.ok("score", point["file"], "-f", "json").json()
    assert alone["overall"]["level"] == point["overall"]["level"]
    assert alone["overall"]["score"] == point["overall"]["score"]


def test_history_formats(routemap):
    text = routemap.ok("history", str(TRUST), "--model", "continuous").stdout
    assert_fits_80_columns(text)
    assert "9 assessments of 3 subjects" in text and "Since 2024-03-31" in text
    rows = list(csv.DictReader(io.StringIO(routemap.ok("history", str(TRUST), "-f", "csv").stdout)))
    assert len(rows) == 9 * 7  # overall + six domains per assessment
    assert {r["kind"] for r in rows} == {"overall", "domain"}
    md = routemap.ok("history", str(TRUST), "-f", "markdown").stdout
    assert md.count("\n## ") == 3


def test_history_accepts_globs_and_files(routemap):
    by_glob = routemap.ok("history", str(TRUST / "msk-*.toml"), "-f", "json").json()
    files = sorted(str(p) for p in TRUST.glob("msk-*.toml"))
    by_files = routemap.ok("history", *files, "-f", "json").json()
    assert by_glob["subjects"] == by_files["subjects"]
    assert len(by_glob["subjects"]) == 1


def test_history_reports_conflicts_duplicates_and_broken_files(routemap, tmp_path):
    shutil.copy(TRUST / "msk-physiotherapy-2025.toml", tmp_path / "a.toml")
    (tmp_path / "sub").mkdir()
    shutil.copy(TRUST / "msk-physiotherapy-2025.toml", tmp_path / "sub" / "same.toml")
    text = (TRUST / "msk-physiotherapy-2024.toml").read_text()
    shutil.copy(TRUST / "msk-physiotherapy-2024.toml", tmp_path / "b1.toml")
    (tmp_path / "b2.toml").write_text(text.replace('status = "met"', 'status = "partial"', 1))
    (tmp_path / "broken.toml").write_text("format_version = 1\n[assessment\n")
    result = routemap("history", str(tmp_path), "-f", "json")
    assert result.returncode == 1, str(result)
    kinds = sorted(p["kind"] for p in result.json()["problems"])
    assert kinds == ["conflict", "duplicate", "unreadable"]
    assert "b1.toml" in result.stderr and "b2.toml" in result.stderr
    assert "broken.toml:2" in result.stderr
    # The conflicting 2024 files are both left out; the duplicate 2025 is used once.
    points = result.json()["subjects"][0]["points"]
    assert [p["date"] for p in points] == ["2025-03-31"]


def test_history_with_nothing_usable_is_an_input_error(routemap, tmp_path):
    (tmp_path / "broken.toml").write_text("nonsense = [\n")
    result = routemap("history", str(tmp_path))
    assert result.returncode == 2, str(result)
    assert "no assessment could be used" in result.stderr


# --------------------------------------------------------------------------------------------
# aggregate over a folder


def test_aggregate_of_a_folder_is_per_date(routemap):
    data = routemap.ok("aggregate", str(TRUST), "-f", "json").json()
    assert [g["date"] for g in data["by_date"]] == ["2024-03-31", "2025-03-31", "2026-03-31"]
    for g in data["by_date"]:
        assert len(g["aggregate"]["subjects"]) == 3
    # Each date's aggregate is the file-list aggregate of that date's files.
    files = sorted(str(p) for p in TRUST.glob("*-2025.toml"))
    alone = routemap.ok("aggregate", *files, "-f", "json").json()
    assert alone["overall"] == data["by_date"][1]["aggregate"]["overall"]
    rows = list(csv.DictReader(io.StringIO(routemap.ok("aggregate", str(TRUST), "-f", "csv").stdout)))
    assert {r["date"] for r in rows} == {"2024-03-31", "2025-03-31", "2026-03-31"}
    assert rows[0]["kind"] == "overall"
    text = routemap.ok("aggregate", str(TRUST)).stdout
    assert text.count("== 20") == 3


def test_aggregate_of_files_is_unchanged(routemap):
    files = sorted(str(p) for p in (EXAMPLES / "service-yearly").glob("*.toml"))
    data = routemap.ok("aggregate", *files, "-f", "json").json()
    assert "by_date" not in data and len(data["subjects"]) == 3


# --------------------------------------------------------------------------------------------
# crosswalk


def test_crosswalk_lists_mappings_and_links(routemap):
    listing = routemap.ok("crosswalk").stdout
    assert "newham-service <-> newham-organisation" in listing
    assert "newham-organisation <-> larch-remi" in listing
    assert "newham-individual <-> newham-service" in listing
    data = routemap.ok("crosswalk", "newham-organisation", "larch-remi", "-f", "json").json()
    assert data["problems"] == []
    assert {l["relationship"] for l in data["links"]} <= {"equal", "subset", "superset", "intersects"}
    assert all(l["rationale"] for l in data["links"])
    # The five commitments: every LARCH domain but the anchor institution is reached.
    reached = {l["to"].split(".")[0] for l in data["links"]}
    assert reached == {"leadership", "workforce", "health-equity", "communities"}
    # Read backwards, subset and superset swap.
    back = routemap.ok("crosswalk", "larch-remi", "newham-organisation", "-f", "json").json()
    swap = {"subset": "superset", "superset": "subset", "equal": "equal", "intersects": "intersects"}
    assert [swap[l["relationship"]] for l in back["links"]] == [l["relationship"] for l in data["links"]]
    text = routemap.ok("crosswalk", "newham-service", "newham-organisation").stdout
    assert_fits_80_columns(text)
    rows = list(csv.DictReader(io.StringIO(routemap.ok("crosswalk", "newham-service", "newham-organisation", "-f", "csv").stdout)))
    assert {r["from_kind"] for r in rows} == {"criterion", "domain"}


def test_crosswalk_reports_bad_mapping_files_with_positions(routemap, tmp_path):
    (tmp_path / "mappings").mkdir()
    (tmp_path / "mappings" / "bad.toml").write_text(
        'format_version = 1\n[mapping]\nname = "Bad"\nfrom = "newham-individual"\nto = "larch-remi"\n\n'
        '[[links]]\nfrom = "reflection.9"\nto = "leadership.leadership.awarenes.1"\nrelationship = "intersects"\n'
        'rationale = "typo"\n')
    result = routemap("--path", str(tmp_path), "crosswalk", "newham-individual", "larch-remi")
    assert result.returncode == 1, str(result)
    assert "bad.toml:7" in result.stderr
    assert "did you mean 'leadership.leadership.awareness.1'" in result.stderr
    (tmp_path / "mappings" / "bad.toml").write_text('format_version = 1\n[mapping]\nname = "Bad"\n')
    result = routemap("--path", str(tmp_path), "crosswalk")
    assert result.returncode == 1 and "bad.toml" in result.stderr


def test_crosswalk_of_unmapped_frameworks_is_an_input_error(routemap):
    result = routemap("crosswalk", "newham-individual", "larch-remi")
    assert result.returncode == 2 and "no mapping between" in result.stderr


# --------------------------------------------------------------------------------------------
# project


def test_project_onto_larch_is_flagged_for_review(routemap, tmp_path):
    out = tmp_path / "larch-draft.toml"
    result = routemap.ok("project", str(EXAMPLES / "newham-organisation-2026.toml"), "--to", "larch-remi", "-o", str(out))
    assert "Draft written to" in result.stdout
    draft = tomllib.loads(out.read_text())
    assert draft["assessment"]["framework"] == "larch-remi"
    assert "DRAFT" in draft["assessment"]["notes"]
    projected = {k: v for k, v in draft["criteria"].items() if v.get("note", "").startswith("REVIEW:")}
    assert projected
    for cid, record in projected.items():
        assert "newham-organisation" in record["evidence"]
        if record["status"] == "met":
            assert record["evidence"].startswith("MET BY MAPPING")
    # Criteria no link reaches stay unknown, with no review note.
    assert draft["criteria"]["anchor.commitment.commitment.1"]["status"] == "unknown"
    # The draft is a valid assessment of larch-remi.
    routemap.ok("validate", str(out))
    data = routemap.ok("project", str(EXAMPLES / "newham-organisation-2026.toml"), "--to", "larch-remi", "-f", "json").json()
    assert all(c["review"] for c in data["criteria"])
    for c in data["criteria"]:
        if c["status"] == "met":
            assert any(s["relationship"] in ("equal", "superset") for s in c["sources"])
            assert c["met_by_mapping"]


def test_project_one_service_onto_the_organisation_is_capped(routemap):
    data = routemap.ok("project", str(TRUST / "community-diabetes-2026.toml"), "--to", "newham-organisation", "-f", "json").json()
    statuses = {c["status"] for c in data["criteria"]}
    assert "met" not in statuses and "partial" in statuses
    assert any(c["capped"] for c in data["criteria"])


def test_project_refuses_to_overwrite_its_input(routemap, tmp_path):
    src = tmp_path / "org.toml"
    shutil.copy(EXAMPLES / "newham-organisation-2026.toml", src)
    result = routemap("project", str(src), "--to", "larch-remi", "-o", str(src))
    assert result.returncode == 2
    assert src.read_text() == (EXAMPLES / "newham-organisation-2026.toml").read_text()
    assert routemap("project", str(src)).returncode == 2  # --to missing


# --------------------------------------------------------------------------------------------
# rollup


def test_rollup_of_the_trust_names_who_holds_each_node_down(routemap, tmp_path):
    report = tmp_path / "rollup.html"
    draft = tmp_path / "org-draft.toml"
    data = routemap.ok("rollup", str(TRUST), "--to", "newham-organisation", "-f", "json", "--report", str(report),
                       "--draft", str(draft)).json()
    assert data["from"] == "newham-service" and data["rule"] == "weakest"
    assert len(data["parts"]) == 3
    assert all(f.endswith("-2026.toml") for f in data["files"])  # the latest of each service
    rank = {"met": 2, "partial": 1, "not_met": 0, "unknown": 0}
    for c in data["criteria"]:
        counted = [p for p in c["parts"] if p["status"] != "not_applicable"]
        if not counted:
            continue
        lowest = min(rank[p["status"]] for p in counted)
        assert rank[c["status"]] == lowest, c
        if lowest < 2:
            held = {p["subject"] for p in counted if rank[p["status"]] == lowest}
            assert set(c["held_down_by"]) == held
    assert any(d["held_down_by"] for d in data["domains"])
    html = report.read_text()
    assert "<script" not in html and "Held down by" in html and "Musculoskeletal" in html
    rolled = tomllib.loads(draft.read_text())
    assert rolled["assessment"]["framework"] == "newham-organisation"
    assert all(v["note"].startswith("REVIEW:") for v in rolled["criteria"].values() if "note" in v)
    routemap.ok("validate", str(draft))


def test_rollup_rules_differ_and_are_ordered(routemap):
    def statuses(*extra):
        data = routemap.ok("rollup", str(TRUST), "--to", "newham-organisation", "-f", "json", *extra).json()
        return {c["id"]: c["status"] for c in data["criteria"]}

    rank = {"met": 2, "partial": 1, "not_met": 0, "unknown": 0, "not_applicable": -1}
    weakest, median = statuses(), statuses("--rule", "median")
    share_all = statuses("--rule", "share", "--share", "1")
    assert weakest != median
    assert all(rank[weakest[k]] <= rank[median[k]] for k in weakest)
    assert share_all == weakest  # everyone must be there: the weakest rule
    text = routemap.ok("rollup", str(TRUST), "--to", "newham-organisation").stdout
    assert_fits_80_columns(text)
    assert "HELD DOWN BY" in text


def test_rollup_usage_errors(routemap):
    assert routemap("rollup", str(TRUST)).returncode == 2
    assert routemap("rollup", str(TRUST), "--to", "newham-organisation", "--rule", "mean").returncode == 2
    result = routemap("rollup", str(TRUST), "--to", "larch-remi")
    assert result.returncode == 2 and "mapped to 'larch-remi'" in result.stderr


def test_rollup_then_larch_projection_in_one_command(routemap, tmp_path):
    larch = tmp_path / "larch.toml"
    result = routemap.ok("rollup", str(TRUST), "--to", "newham-organisation", "--project", "larch-remi",
                         "--project-draft", str(larch))
    assert "Projected onto larch-remi" in result.stdout and "flagged" in result.stdout
    assert_fits_80_columns(result.stdout)
    draft = tomllib.loads(larch.read_text())
    assert draft["assessment"]["framework"] == "larch-remi"
    reached = [v for v in draft["criteria"].values() if v.get("note", "").startswith("REVIEW:")]
    assert reached and all("newham-organisation" in v["evidence"] for v in reached)
    routemap.ok("validate", str(larch))
    assert routemap("rollup", str(TRUST), "--to", "newham-organisation", "--project-draft", str(larch)).returncode == 2

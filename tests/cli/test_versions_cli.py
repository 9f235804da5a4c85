"""migrate and compare across framework versions, with the synthetic newham-service 2.0.0 in
tests/data/versions (renamed, moved, split, merged and removed criteria)."""

import tomllib

from conftest import EXAMPLES, REPO

V2 = REPO / "tests" / "data" / "versions"
OLD = EXAMPLES / "trust" / "community-diabetes-2025.toml"
NEW = EXAMPLES / "trust" / "community-diabetes-2026.toml"


def test_reading_an_old_version_says_what_differs(routemap):
    result = routemap("--path", str(V2), "score", str(OLD))
    assert result.returncode == 2, str(result)
    assert "newham-service 1.0.0; the framework is now 2.0.0" in result.stderr
    for fragment in ("renamed:", "split:", "merged:", "moved:", "removed:", "routemap migrate"):
        assert fragment in result.stderr


def test_migrate_writes_the_new_version_and_keeps_removed_records(routemap, tmp_path):
    out = tmp_path / "v2.toml"
    result = routemap.ok("--path", str(V2), "migrate", str(OLD), "-o", str(out))
    assert "1.0.0 -> 2.0.0, 5 changes, 1 records kept aside" in result.stdout
    new = tomllib.loads(out.read_text())
    old = tomllib.loads(OLD.read_text())
    assert new["assessment"]["framework_version"] == "2.0.0"
    def filled(record):  # the writer spells out an empty evidence
        return {k: v for k, v in record.items() if v != ""}

    assert filled(new["criteria"]["reporting.accountability.advanced.3"]) == filled(old["criteria"]["reporting.accountability.advanced.2"])
    assert new["criteria"]["reporting.accountability.intermediate.3"]["note"].startswith("REVIEW: split from")
    side = tomllib.loads((tmp_path / "v2.toml.migration.toml").read_text())
    assert side["migration"]["from_version"] == "1.0.0" and side["migration"]["to_version"] == "2.0.0"
    assert [step["kind"] for step in side["log"]] == ["renamed", "split", "removed", "merged", "moved"]
    removed = side["removed"]["understanding.quantitative.fundamental.3"]
    assert removed["status"] == old["criteria"]["understanding.quantitative.fundamental.3"]["status"]
    routemap.ok("--path", str(V2), "validate", str(out))
    data = routemap.ok("--path", str(V2), "migrate", str(OLD), "-f", "json").json()
    assert data["removed"] == [{"id": "understanding.quantitative.fundamental.3", "status": removed["status"]}]


def test_compare_across_versions(routemap, tmp_path):
    out = tmp_path / "v2-2026.toml"
    routemap.ok("--path", str(V2), "migrate", str(NEW), "-o", str(out))
    result = routemap("--path", str(V2), "compare", str(OLD), str(out), "-f", "json")
    assert result.returncode == 0, str(result)
    assert "compared through its migration" in result.stderr
    data = result.json()
    ids = {c["id"] for c in data["changes"]}
    assert "understanding.quantitative.fundamental.3" not in ids  # removed in 2.0.0
    # Both sides migrated: the same as comparing the two 1.0.0 files, criterion by criterion, where ids did not change.
    v1 = routemap.ok("compare", str(OLD), str(NEW), "-f", "json").json()
    unchanged = {c["id"]: c["kind"] for c in v1["changes"] if c["id"].startswith(("culture", "readiness.conversation", "communities"))}
    assert unchanged == {c["id"]: c["kind"] for c in data["changes"] if c["id"] in unchanged}


def test_migrate_refuses_to_overwrite_its_input(routemap, tmp_path):
    src = tmp_path / "old.toml"
    src.write_text(OLD.read_text())
    result = routemap("--path", str(V2), "migrate", str(src), "-o", str(src))
    assert result.returncode == 2
    assert src.read_text() == OLD.read_text()

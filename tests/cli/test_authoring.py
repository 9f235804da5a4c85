"""Framework authoring through the real binary (docs/framework-authoring.md): implicit edges turned
off, answer scales, `import-matrix`, and what `show` prints of an author's text. Expected values are
computed here from the TOML files with tomllib, independently of the C++ code."""

from __future__ import annotations

import csv
import io
import re
import tomllib

from conftest import FRAMEWORK_DIR, REPO

DATA = REPO / "tests" / "data"
EXPLICIT = DATA / "explicit-five.toml"
GRADED = DATA / "graded-answers.toml"
GRADED_ASSESSMENT = DATA / "graded-answers-assessment.toml"


def by_id(nodes):
    return {n["id"]: n for n in nodes}


# --------------------------------------------------------------------------------------------
# implicit_edges = "none"


def test_explicit_model_validates_and_blank_is_level_zero(routemap, tmp_path):
    routemap.ok("validate", EXPLICIT)
    blank = tmp_path / "blank.toml"
    routemap.ok("template", EXPLICIT, "-o", blank, "--date", "2026-01-01")
    for model in ("staged", "continuous", "coverage"):
        data = routemap.ok("score", blank, "--framework", EXPLICIT, "--model", model, "-f", "json").json()
        for node in [data["overall"], *data["domains"], *data["areas"]]:
            assert node["level"] == 0 and node["score"] == 0, (model, node)


def longest_chains(spec):
    """Phase of every criterion: 1 + the longest chain of `requires` below it (the file's own edges only)."""
    requires = {}
    for d in spec["domains"]:
        for a in d["areas"]:
            for c in a["criteria"]:
                requires[f"{d['id']}.{a['id']}.{c['id']}"] = c.get("requires", [])
    phase = {}

    def of(cid):
        if cid not in phase:
            phase[cid] = 1 + max((of(r) for r in requires[cid]), default=0)
        return phase[cid]

    for cid in requires:
        of(cid)
    return phase


def test_explicit_model_path_has_only_its_stated_phases(routemap, tmp_path):
    spec = tomllib.loads(EXPLICIT.read_text(encoding="utf-8"))
    assert spec["framework"]["implicit_edges"] == "none"
    expected = longest_chains(spec)
    assert max(expected.values()) == 4
    blank = tmp_path / "blank.toml"
    routemap.ok("template", EXPLICIT, "-o", blank)
    data = routemap.ok("path", blank, "--framework", EXPLICIT, "--target", "l5", "-f", "json").json()
    got = {s["id"]: s["phase"] for s in data["steps"]}
    assert got == expected
    # waits_for is exactly the stated requires
    spec_requires = {f"{d['id']}.{a['id']}.{c['id']}": sorted(c.get("requires", []))
                     for d in spec["domains"] for a in d["areas"] for c in a["criteria"]}
    for step in data["steps"]:
        assert sorted(step["waits_for"]) == spec_requires[step["id"]], step
    shown = routemap.ok("show", EXPLICIT).stdout
    assert "implicit edges none" in shown


def test_a_bad_implicit_edges_value_is_located_with_a_suggestion(routemap, tmp_path):
    text = EXPLICIT.read_text(encoding="utf-8").replace('implicit_edges = "none"', 'implicit_edges = "previous_tier"')
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index('implicit_edges = "previous_tier"') + 1
    result = routemap.fails(1, "validate", bad)
    assert f"{bad}:{line}:18: error: implicit_edges in [framework] is 'previous_tier'" in result.stdout
    assert "(did you mean 'previous-tier'?)" in result.stdout


# --------------------------------------------------------------------------------------------
# Answer scales


def graded_numbers():
    """The model's own arithmetic: streams are sums over levels, everything above is a mean."""
    spec = tomllib.loads(GRADED.read_text(encoding="utf-8"))
    credit = {a["id"]: a["credit"] for a in spec["answers"]}
    answers = tomllib.loads(GRADED_ASSESSMENT.read_text(encoding="utf-8"))["criteria"]
    practices, functions = {}, {}
    for d in spec["domains"]:
        scores = []
        for a in d["areas"]:
            streams = {}
            for c in a["criteria"]:
                stream = c["id"].split(".")[0]
                cid = f"{d['id']}.{a['id']}.{c['id']}"
                streams[stream] = streams.get(stream, 0) + (credit[answers[cid]["answer"]] if cid in answers else 0)
            practices[f"{d['id']}.{a['id']}"] = sum(streams.values()) / len(streams)
            scores.append(practices[f"{d['id']}.{a['id']}"])
        functions[d["id"]] = sum(scores) / len(scores)
    return practices, functions, sum(functions.values()) / len(functions)


def test_graded_example_scores_as_its_own_arithmetic(routemap):
    practices, functions, whole = graded_numbers()
    assert whole == 1.46875
    routemap.ok("validate", GRADED_ASSESSMENT, "--framework", GRADED)
    data = routemap.ok("score", GRADED_ASSESSMENT, "--framework", GRADED, "-f", "json").json()
    assert data["model"] == "continuous"
    areas, domains = by_id(data["areas"]), by_id(data["domains"])
    for pid, value in practices.items():
        assert areas[pid]["score"] == value, pid
    for fid, value in functions.items():
        assert domains[fid]["score"] == value, fid
    assert data["overall"]["score"] == whole
    staged = by_id(routemap.ok("score", GRADED_ASSESSMENT, "--framework", GRADED, "--model", "staged", "-f",
                               "json").json()["areas"])
    assert [staged[p]["level"] for p in ("build.design", "build.testing", "run.response")] == [0, 1, 2]


def test_graded_template_lists_the_answers_and_converts(routemap, tmp_path):
    toml = routemap.ok("template", GRADED).stdout
    joined = re.sub(r"\n# ", " ", toml)
    assert 'answer = "id": no (No, credit 0, counts as not_met); some (Yes, for some, credit 0.25, counts as partial)' in joined
    csv_text = routemap.ok("template", GRADED, "--format", "csv").stdout
    assert ",status,answer," in csv_text.splitlines()[0]
    # The CSV template filled in with the example's answers scores as the TOML assessment does.
    as_csv = tmp_path / "a.csv"
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    answers = tomllib.loads(GRADED_ASSESSMENT.read_text(encoding="utf-8"))["criteria"]
    for row in rows:
        if row["criterion_id"] in answers:
            row["answer"] = answers[row["criterion_id"]]["answer"]
            row["status"] = ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    writer.writerows(rows)
    as_csv.write_text(buffer.getvalue(), encoding="utf-8")
    data = routemap.ok("score", as_csv, "--framework", GRADED, "-f", "json").json()
    assert data["overall"]["score"] == 1.46875


def test_an_answer_off_the_scale_is_refused_with_a_suggestion(routemap, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(GRADED_ASSESSMENT.read_text(encoding="utf-8").replace('answer = "most"', 'answer = "mots"', 1),
                   encoding="utf-8")
    result = routemap.fails(1, "validate", bad, "--framework", GRADED)
    assert "is answered 'mots', which is not an answer of its scale (no, some, half, most) (did you mean 'most'?)" in result.stdout


def test_show_lists_the_scale(routemap):
    text = routemap.ok("show", GRADED).stdout
    assert "Answers (instead of met, partial or not met):" in text
    assert "half — Yes, for at least half: credit 0.5, counts as partial" in text
    markdown = routemap.ok("show", GRADED, "-f", "markdown").stdout
    assert "| Yes, for some | `some` | 0.25 | partial |" in markdown
    # Markdown in the description: plain text in `show`, as written in `show -f markdown`.
    assert "A small synthetic maturity model" in text and "**synthetic**" not in text
    assert "A small **synthetic** maturity model" in markdown


# --------------------------------------------------------------------------------------------
# import-matrix


def words(text: str) -> str:
    return " ".join(text.split())


def matrix_from(framework: dict) -> tuple[str, list]:
    """A CSV laid out like the Newham matrices, from a framework's cells; and what it holds."""
    tiers = framework["tiers"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["STEP", "AREA", *[t["name"].upper() for t in tiers]])
    expected = []
    for d in framework["domains"]:
        areas = d.get("areas") or [{"name": d["name"], "criteria": d["criteria"]}]
        for i, a in enumerate(areas):
            cells = []
            for t in tiers:
                texts = [words(c["text"]) for c in a["criteria"] if c["tier"] == t["id"]]
                cells.append(texts)
            expected.append((d["name"], a["name"], cells))
            # the step only on an area's first row, as merged cells export; bullets for several criteria
            writer.writerow([d["name"] if i == 0 else "", a["name"],
                             *["\n".join("- " + x for x in texts) if len(texts) > 1 else "".join(texts) for texts in cells]])
    return out.getvalue(), expected


def test_import_matrix_gives_back_the_same_domains_areas_and_cells(routemap, tmp_path):
    source = tomllib.loads((FRAMEWORK_DIR / "newham-service.toml").read_text(encoding="utf-8"))
    text, expected = matrix_from(source)
    matrix = tmp_path / "newham-service-matrix.csv"
    matrix.write_text(text, encoding="utf-8")
    out = tmp_path / "imported.toml"
    result = routemap("import-matrix", matrix, "-o", out, "--id", "imported-service", "--name", "Imported")
    assert result.returncode == 0, str(result)
    assert result.stdout == ""
    assert "warning: the framework is a draft" in result.stderr
    assert f"Wrote {out}" in result.stderr
    routemap.ok("validate", out)
    imported = tomllib.loads(out.read_text(encoding="utf-8"))
    assert imported["framework"]["id"] == "imported-service"
    assert [t["name"] for t in imported["tiers"]] == [t["name"].upper() for t in source["tiers"]]
    got = []
    for d in imported["domains"]:
        for a in d["areas"]:
            cells = [[c["text"] for c in a["criteria"] if c["tier"] == t["id"]] for t in imported["tiers"]]
            got.append((d["name"], a["name"], cells))
    assert got == expected
    # ids are made from the names; criteria are TIER.N
    first = imported["domains"][0]
    assert first["id"] == "service-area-readiness"
    assert first["areas"][0]["criteria"][0]["id"] == "fundamental.1"
    # the file scores like any other
    blank = tmp_path / "blank.toml"
    routemap.ok("template", out, "-o", blank)
    routemap.ok("score", blank, "--framework", out)


def test_import_matrix_reports_what_needs_a_decision_and_refuses_broken_files(routemap, tmp_path):
    matrix = tmp_path / "m.csv"
    matrix.write_text("Step,Area,Level one,Level two\n"
                      "Data,Collecting data,Data is collected. It is checked monthly.,\n"
                      ",Using data,Data is used.,Data drives decisions.\n", encoding="utf-8")
    result = routemap("import-matrix", matrix)
    assert result.returncode == 0, str(result)
    assert "format_version = 1" in result.stdout
    assert f"{matrix}:2:" in result.stderr and "holds 2 sentences" in result.stderr
    assert "area 'data.collecting-data' has no cell at level-two" in result.stderr
    assert "framework id 'm' made from the file name" in result.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("Step,Area\nData,Collecting\n", encoding="utf-8")
    result = routemap.fails(2, "import-matrix", bad)
    assert "a matrix needs a step or domain column, an area column and at least one tier column" in result.stderr
    # never overwrites
    existing = tmp_path / "existing.toml"
    existing.write_text("keep", encoding="utf-8")
    routemap.fails(2, "import-matrix", matrix, "-o", existing)
    assert existing.read_text(encoding="utf-8") == "keep"


# --------------------------------------------------------------------------------------------
# show: an author's text


def test_show_prints_sources_metadata_and_details_as_written(routemap, tmp_path):
    framework = tmp_path / "texts.toml"
    framework.write_text('''format_version = 1
[framework]
id = "texts"
name = "Texts"
version = "1.0.0"
level = "service"
publisher = "Tests"
year = 2026
source = "Tests"
description = """
Two paragraphs, the first with a [link](https://example.org) and *emphasis*.

- a list item
- another, long enough to wrap past the eighty columns of the terminal that show lays its text out for
"""
[framework.metadata]
licence = "CC BY 4.0"
[[tiers]]
id = "one"
name = "One"
[[domains]]
id = "d"
name = "D"
[[domains.areas]]
id = "a"
name = "A"
description = "The area's own **description**."
[[domains.areas.criteria]]
id = "a-very-long-local-id.with-several-parts.and-more-parts.to-wrap"
text = "The criterion."
details = ["For example, this."]
source = "Matrix, page 4"
[[domains.areas.criteria]]
id = "second"
text = "The second criterion."
requires = ["d.a.a-very-long-local-id.with-several-parts.and-more-parts.to-wrap"]
''', encoding="utf-8")
    text = routemap.ok("show", framework).stdout
    assert "link (https://example.org) and emphasis." in text
    assert "- a list item" in text
    assert "licence: CC BY 4.0" in text
    assert "The area's own description." in text
    assert "source: Matrix, page 4" in text
    assert "- For example, this." in text and "e.g." not in text
    for line in text.splitlines():
        assert len(line) <= 80, line
    # the long id sits on its own line, whole, and the text keeps its column
    assert any(line.strip() == "a-very-long-local-id.with-several-parts.and-more-parts.to-wrap" for line in text.splitlines())
    assert "The criterion." in text
    # a long id in a list wraps after its dots and hyphens, never inside a word
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "requires:" in line)
    pieces = [lines[at].split("requires:")[1].strip()]
    while "".join(pieces) != "d.a.a-very-long-local-id.with-several-parts.and-more-parts.to-wrap":
        at += 1
        pieces.append(lines[at].strip())
    assert len(pieces) > 1
    assert all(piece[-1] in ".-" for piece in pieces[:-1]), pieces


def test_gap_path_and_compare_show_the_answers(routemap, tmp_path):
    gap = routemap.ok("gap", GRADED_ASSESSMENT, "--framework", GRADED, "--target", "level-1").stdout
    assert "build.design.b.1 [Level 1, answered Yes, for at least half]" in gap
    later = tmp_path / "later.toml"
    text = GRADED_ASSESSMENT.read_text(encoding="utf-8").replace('date = "2026-03-31"', 'date = "2027-03-31"')
    text = text.replace('[criteria."build.design.b.1"]\nanswer = "half"', '[criteria."build.design.b.1"]\nanswer = "most"')
    text = text.replace('[criteria."build.design.a.2"]\nanswer = "half"', '[criteria."build.design.a.2"]\nanswer = "some"')
    later.write_text(text, encoding="utf-8")
    data = routemap.ok("compare", GRADED_ASSESSMENT, later, "--framework", GRADED, "-f", "json").json()
    changes = {c["id"]: c for c in data["changes"]}
    assert changes["build.design.b.1"] == {"id": "build.design.b.1", "before": "partial", "after": "met",
                                           "before_answer": "half", "after_answer": "most", "kind": "newly_met"}
    assert changes["build.design.a.2"]["kind"] == "regressed"  # half -> some: the same meaning, less credit
    assert "build.design.b.1 [answered half → answered most]" in routemap.ok(
        "compare", GRADED_ASSESSMENT, later, "--framework", GRADED).stdout

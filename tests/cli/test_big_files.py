"""Big files: a framework is read in pieces cut at its [[domains]] and an assessment in pieces cut at
its [criteria."id"] tables, on several threads (src/detail/toml_sections.cpp), while the CLI reads the
assessment and loads the framework it names at the same time. What the binary reads is checked here
against tomllib's reading of the same files, and problems deep inside a piece must be reported at their
line in the file."""

from __future__ import annotations

import json
import shutil
import sys
import tomllib

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from generate_framework import generate  # noqa: E402

CRITERIA = 12_000  # 1.7 MB of framework and 0.6 MB of assessment: several pieces, two threads each


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    out = tmp_path_factory.mktemp("big")
    framework, assessment = generate(CRITERIA, "dense", out / "frameworks")
    return out, framework, assessment


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_big_framework_reads_as_tomllib_reads_it(routemap, big):
    out, framework, _ = big
    shown = routemap.ok("show", framework, "-f", "json").json()
    source = tomllib.loads(framework.read_text())
    assert [d["id"] for d in shown["domains"]] == [d["id"] for d in source["domains"]]
    for d_shown, d_source in zip(shown["domains"], source["domains"]):
        assert [a["id"] for a in d_shown["areas"]] == [f"{d_source['id']}.{a['id']}" for a in d_source["areas"]]
        for a_shown, a_source in zip(d_shown["areas"], d_source["areas"]):
            prefix = f"{d_source['id']}.{a_source['id']}."
            assert [(c["id"], c["tier"], c["text"], c["requires"]) for c in a_shown["criteria"]] == [
                (prefix + c["id"], c["tier"], c["text"], c.get("requires", [])) for c in a_source["criteria"]
            ]


def test_a_big_assessment_reads_as_tomllib_reads_it(routemap, big, tmp_path):
    out, _, assessment = big
    converted = tmp_path / "a.json"
    routemap.ok("convert", assessment, "-o", converted, "--path", out)
    records = json.loads(converted.read_text())["criteria"]
    source = tomllib.loads(assessment.read_text())["criteria"]
    assert set(records) == set(source)
    assert all(records[cid]["status"] == source[cid]["status"] for cid in source)


def test_problems_deep_in_a_big_framework_are_at_their_line(routemap, big, tmp_path):
    _, framework, _ = big
    text = framework.read_text()
    broken = tmp_path / "frameworks" / framework.name
    broken.parent.mkdir()
    # An unknown key in the last domain, and a requirement of a criterion that does not exist halfway.
    last = text.rindex("[[domains.areas.criteria]]")
    text = text[:last] + text[last:].replace('tier = "advanced"', 'tier = "advanced"\ncolour = "red"', 1)
    half = text.index("[[domains.areas.criteria]]", len(text) // 2)
    text = text[:half] + text[half:].replace('requires = ["', 'requires = ["d0.a0.nowhere.1", "', 1)
    broken.write_text(text)
    result = routemap.fails(1, "validate", broken)
    lines = result.stdout + result.stderr
    assert f"{broken}:{line_of(text, 'colour = ')}:1:" in lines, lines
    assert f":{line_of(text, 'nowhere')}:" in lines and "d0.a0.nowhere.1" in lines, lines
    # A syntax error there is toml++'s own message, at its place.
    syntax = tmp_path / "syntax.toml"
    syntax.write_text(text[:half] + text[half:].replace('text = "', 'text = = "', 1))
    result = routemap.fails(1, "validate", syntax)
    at = line_of(syntax.read_text(), "text = = ")
    assert f"{syntax}:{at}:" in result.stdout + result.stderr and "malformed TOML" in result.stdout + result.stderr


def test_problems_deep_in_a_big_assessment_are_at_their_line(routemap, big, tmp_path):
    out, _, assessment = big
    text = assessment.read_text()
    at = text.index('status = "met"', len(text) * 3 // 4)
    text = text[:at] + 'status = "mett"' + text[at + len('status = "met"'):]
    broken = tmp_path / "a.toml"
    broken.write_text(text)
    result = routemap.fails(2, "score", broken, "--path", out)
    assert f"{broken}:{line_of(text, 'mett')}:" in result.stderr and "mett" in result.stderr, str(result)


def test_the_assessment_s_problems_come_first_when_its_framework_is_broken_too(routemap, big, tmp_path):
    # The CLI starts loading the framework the assessment names while it reads the assessment: what it
    # reports must not change. A broken assessment is reported as such, whatever its framework is like.
    out, framework, assessment = big
    frameworks = tmp_path / "frameworks"
    frameworks.mkdir()
    shutil.copy(framework, frameworks / framework.name)
    (frameworks / framework.name).write_text(framework.read_text().replace('name = "Area 7"', 'name = 7', 1))
    broken_assessment = tmp_path / "a.toml"
    broken_assessment.write_text(assessment.read_text().replace('status = "met"', 'status = "mett"', 1))
    result = routemap.fails(2, "gap", broken_assessment, "--path", tmp_path)
    assert "mett" in result.stderr and "Area 7" not in result.stderr and "must be a string" not in result.stderr, str(result)
    # With a sound assessment, the framework is what is reported: a broken file does not count as the
    # framework on the search path (the registry's rule, src/registry.cpp).
    result = routemap.fails(2, "gap", assessment, "--path", tmp_path)
    assert "'synthetic-12000-dense', which is not on the search path" in result.stderr, str(result)


def test_a_big_json_assessment_gives_what_its_toml_gives(routemap, big, tmp_path):
    # JSON assessments are read one criterion at a time (src/assessment_io/json_format.cpp), and the CLI
    # loads the framework a JSON assessment names while it reads it, as for TOML.
    out, _, assessment = big
    as_json = tmp_path / "a.json"
    routemap.ok("convert", assessment, "-o", as_json, "--path", out)
    for command in ("gap", "path"):
        from_toml = routemap.ok(command, assessment, "--path", out, "-f", "json").json()
        from_json = routemap.ok(command, as_json, "--path", out, "-f", "json").json()
        from_toml.pop("assessment_file", None), from_json.pop("assessment_file", None)
        assert from_json == from_toml


def test_a_broken_json_assessment_comes_first_when_its_framework_is_broken_too(routemap, big, tmp_path):
    out, framework, assessment = big
    frameworks = tmp_path / "frameworks"
    frameworks.mkdir()
    (frameworks / framework.name).write_text(framework.read_text().replace('name = "Area 7"', 'name = 7', 1))
    as_json = tmp_path / "a.json"
    routemap.ok("convert", assessment, "-o", as_json, "--path", out)
    text = as_json.read_text()
    at = text.index('"status": "met"', len(text) * 3 // 4)
    as_json.write_text(text[:at] + '"status": "mett"' + text[at + len('"status": "met"'):])
    result = routemap.fails(2, "gap", as_json, "--path", tmp_path)
    assert "mett" in result.stderr and "Area 7" not in result.stderr and "must be a string" not in result.stderr, str(result)
    assert f"{as_json}:{text[:at].count(chr(10)) + 1}:" in result.stderr, str(result)

"""Fixtures for the command line tests: they run the real `routemap` binary.

The binary is found through ROUTEMAP_CLI (ctest sets it to the built target); frameworks through
ROUTEMAP_PATH (the repository root). Expected values are computed here from the framework TOML files
with tomllib, independently of the C++ code under test.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(os.environ.get("ROUTEMAP_PATH", Path(__file__).resolve().parents[2]).split(":")[0])
FRAMEWORK_DIR = REPO / "frameworks"
EXAMPLES = REPO / "examples"
BUNDLED = sorted(p.stem for p in FRAMEWORK_DIR.glob("*.toml"))
FORMATS = ["text", "json", "csv", "markdown"]


# --------------------------------------------------------------------------------------------
# Running the binary


@dataclass
class Result:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)

    def __str__(self):  # shown when an assertion fails
        return f"routemap {' '.join(self.args)} -> {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


class Cli:
    def __init__(self, binary: Path, home: Path):
        self.binary = binary
        # A private HOME, XDG_DATA_HOME and XDG_CACHE_HOME, so that nothing the user installed (or a
        # framework cache of theirs) changes the results, and these runs leave nothing behind.
        self.env = dict(os.environ, ROUTEMAP_PATH=str(REPO), HOME=str(home), XDG_DATA_HOME=str(home / "share"),
                        XDG_CACHE_HOME=str(home / "cache"))
        for name in ("ROUTEMAP_CACHE_DIR", "ROUTEMAP_NO_CACHE"):
            self.env.pop(name, None)

    def __call__(self, *args, cwd=None, env=None, timeout=60) -> Result:
        args = [str(a) for a in args]
        proc = subprocess.run([str(self.binary), *args], capture_output=True, text=True, cwd=cwd,
                              env=env or self.env, timeout=timeout)
        return Result(args, proc.returncode, proc.stdout, proc.stderr)

    def ok(self, *args, **kwargs) -> Result:
        result = self(*args, **kwargs)
        assert result.returncode == 0, str(result)
        assert result.stderr == "", str(result)
        return result

    def fails(self, code: int, *args, **kwargs) -> Result:
        result = self(*args, **kwargs)
        assert result.returncode == code, str(result)
        assert "Traceback" not in result.stderr and "terminate called" not in result.stderr, str(result)
        return result


@pytest.fixture(scope="session")
def routemap(tmp_path_factory) -> Cli:
    binary = os.environ.get("ROUTEMAP_CLI")
    if not binary:
        pytest.skip("ROUTEMAP_CLI is not set: run these tests through ctest, or set it to the built routemap binary")
    assert Path(binary).is_file(), f"ROUTEMAP_CLI={binary} does not exist"
    return Cli(Path(binary), tmp_path_factory.mktemp("home"))


def assert_error_line(result: Result, *fragments: str):
    """A usage or input error: exit 2, one `routemap: error:` line on stderr naming the problem."""
    assert result.returncode == 2, str(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, str(result)
    assert lines[0].startswith("routemap: error: "), str(result)
    for fragment in fragments:
        assert fragment in lines[0], str(result)


def assert_fits_80_columns(text: str):
    wide = [line for line in text.splitlines() if len(line) > 80]
    assert not wide, "lines wider than 80 columns:\n" + "\n".join(wide)


# --------------------------------------------------------------------------------------------
# Frameworks, read independently


@dataclass
class Criterion:
    id: str
    tier: str
    domain: str
    area: str
    requires: list[str]


@dataclass
class FrameworkFacts:
    id: str
    name: str
    version: str
    level: str
    tiers: list[tuple[str, str]]  # (id, name)
    domains: list[dict]
    criteria: list[Criterion] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    actions: int = 0

    def tier_index(self, tier_id: str) -> int:
        return [t for t, _ in self.tiers].index(tier_id)

    def ids(self, tier: str | None = None, domain: str | None = None) -> list[str]:
        return [c.id for c in self.criteria if (tier is None or c.tier == tier) and (domain is None or c.domain == domain)]

    def prerequisites(self, criterion: Criterion) -> set[str]:
        """Explicit requires plus every criterion of the nearest lower tier present in the same area."""
        out = set(criterion.requires)
        same_area = [c for c in self.criteria if c.area == criterion.area]
        lower = sorted({self.tier_index(c.tier) for c in same_area if self.tier_index(c.tier) < self.tier_index(criterion.tier)})
        if lower:
            out |= {c.id for c in same_area if self.tier_index(c.tier) == lower[-1]}
        return out

    def closure(self, ids: set[str]) -> set[str]:
        by_id = {c.id: c for c in self.criteria}
        todo, seen = list(ids), set(ids)
        while todo:
            for p in self.prerequisites(by_id[todo.pop()]):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen


def count_actions(actions) -> int:
    return sum(1 + count_actions(a.get("children", [])) for a in actions)


def read_framework(framework_id: str) -> FrameworkFacts:
    data = tomllib.loads((FRAMEWORK_DIR / f"{framework_id}.toml").read_text(encoding="utf-8"))
    info = data["framework"]
    tiers = [(t["id"], t["name"]) for t in data["tiers"]]
    facts = FrameworkFacts(info["id"], info["name"], info["version"], info["level"], tiers, data["domains"])
    only_tier = tiers[0][0] if len(tiers) == 1 else None
    for d in data["domains"]:
        facts.actions += count_actions(d.get("actions", []))
        if "criteria" in d:
            areas = [(d["id"], d["criteria"], True)]
        else:
            areas = [(f"{d['id']}.{a['id']}", a["criteria"], False) for a in d["areas"]]
        for area_id, criteria, _implicit in areas:
            facts.areas.append(area_id)
            for c in criteria:
                facts.criteria.append(Criterion(f"{area_id}.{c['id']}", c.get("tier", only_tier), d["id"], area_id,
                                                list(c.get("requires", []))))
    return facts


@pytest.fixture(scope="session")
def frameworks() -> dict[str, FrameworkFacts]:
    return {name: read_framework(name) for name in BUNDLED}


# --------------------------------------------------------------------------------------------
# Assessments: made with `routemap template`, then statuses edited


CRITERION_BLOCK = re.compile(r'\[criteria\."(?P<id>[^"]+)"\]\nstatus = "unknown"\nevidence = ""\n')


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def fill(template: str, statuses: dict[str, str], evidence: dict[str, str] | None = None,
         subject: str | None = None, date: str | None = None) -> str:
    """Sets statuses (and evidence) in a TOML template written by `routemap template`."""
    evidence = evidence or {}
    seen = set()

    def replace(match):
        cid = match.group("id")
        status = statuses.get(cid)
        if status is None:
            return match.group(0)
        seen.add(cid)
        text = f'[criteria."{cid}"]\nstatus = "{status}"\nevidence = {toml_string(evidence.get(cid, ""))}\n'
        if status == "not_applicable":
            text += 'reason = "not_relevant"\n'
        return text

    out = CRITERION_BLOCK.sub(replace, template)
    missing = set(statuses) - seen
    assert not missing, f"not in the template: {sorted(missing)[:5]}"
    if subject is not None:
        out = re.sub(r'^subject = .*$', lambda m: f"subject = {toml_string(subject)}", out, count=1, flags=re.M)
    if date is not None:
        out = re.sub(r'^date = .*$', f'date = "{date}"', out, count=1, flags=re.M)
    return out


@dataclass
class Assessments:
    """Assessment files for one framework, made with the CLI in a temporary directory."""
    directory: Path
    framework: FrameworkFacts
    template: str
    cli: Cli

    def write(self, name: str, statuses: dict[str, str], **kwargs) -> Path:
        path = self.directory / name
        path.write_text(fill(self.template, statuses, **kwargs), encoding="utf-8")
        return path

    def all(self, status: str) -> dict[str, str]:
        return {c: status for c in self.framework.ids()}


@pytest.fixture(scope="session")
def org(routemap, frameworks, tmp_path_factory) -> Assessments:
    directory = tmp_path_factory.mktemp("org")
    result = routemap.ok("template", "newham-organisation", "--subject", "Test Trust", "--date", "2024-04-01",
                         "--assessor", "A. Tester", "-o", directory / "blank.toml")
    assert result.stdout == ""
    template = (directory / "blank.toml").read_text(encoding="utf-8")
    return Assessments(directory, frameworks["newham-organisation"], template, routemap)


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.toml")) + sorted(EXAMPLES.glob("*/*.toml")) if EXAMPLES.is_dir() else []


def example_assessments() -> list[Path]:
    """The bundled example assessments (files with an [assessment] table), if there are any."""
    out = []
    for path in example_files():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue
        if "assessment" in data:
            out.append(path)
    return out


def example_targets() -> list[Path]:
    return [p for p in example_files() if p not in example_assessments() and "tier" in tomllib.loads(p.read_text())]


# --------------------------------------------------------------------------------------------
# Shared by the analysis tests


@pytest.fixture(scope="session")
def files(org):
    """Assessments of the organisation framework, each with statuses we know."""
    fw = org.framework
    fundamental = {c: "met" for c in fw.ids("fundamental")}
    return {
        "blank": org.directory / "blank.toml",
        "fundamental": org.write("fundamental.toml", fundamental),
        "all-met": org.write("all-met.toml", org.all("met")),
        "all-partial": org.write("all-partial.toml", org.all("partial")),
        "other-subject": org.write("other.toml", {}, subject="Another Trust"),
    }


def check_format(result, fmt):
    """The output parses as the format says (and text fits 80 columns); returns it parsed."""
    if fmt == "json":
        return result.json()
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows, str(result)
        return rows
    if fmt == "markdown":
        assert result.stdout.startswith("# "), str(result)
        assert "\n| " in result.stdout or "\n1. " in result.stdout, str(result)
        return result.stdout
    assert_fits_80_columns(result.stdout)
    return result.stdout


def expected_gap(fw, statuses, tiers):
    """The criteria to close, in framework order: unmet criteria of the target tiers and their unmet
    prerequisites, transitively (not-applicable ones do not block)."""
    wanted = {c.id for c in fw.criteria if c.tier in tiers and statuses.get(c.id) not in ("met", "not_applicable")}
    closure = fw.closure(wanted)
    return [c for c in fw.ids() if c in closure and statuses.get(c) not in ("met", "not_applicable")]

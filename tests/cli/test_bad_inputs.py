"""The bad-input corpus (docs/limits.md): every reader and the command line, given broken or hostile
input, ends with the expected exit status and a located message, never a crash or a hang.

`tests/data/bad/cases.toml` lists the small cases kept in the repository; the large ones (long ids, deep
keys, quadratic edges, too many criteria, long strings, huge files) are generated here at run time.
"""

from __future__ import annotations

import os
import signal
import tomllib
from pathlib import Path

import pytest

from conftest import REPO

BAD = REPO / "tests" / "data" / "bad"
CASES = tomllib.loads((BAD / "cases.toml").read_text(encoding="utf-8"))["case"]


def expand(arg: str, file: Path | None, directory: Path) -> str:
    return arg.replace("{file}", str(file) if file else "").replace("{dir}", str(directory))


def check(result, case: dict, file: Path | None):
    assert result.returncode >= 0, f"killed by signal {-result.returncode}\n{result}"
    assert result.returncode == case["exit"], str(result)
    assert "terminate called" not in result.stderr and "Sanitizer" not in result.stderr, str(result)
    output = result.stderr if case["exit"] == 2 else result.stdout
    assert case["message"] in output, f"expected {case['message']!r}\n{result}"
    if case["at"]:
        # The error that holds the message is located at FILE:LINE:COLUMN.
        lines = [line for line in output.splitlines() if case["message"] in line]
        assert lines[0].startswith(f"{file}:{case['at']}: error: "), f"expected {file}:{case['at']}\n{result}"
    if case["exit"] == 2:
        assert result.stdout == "", str(result)


def test_the_corpus_covers_every_reader_and_the_cli():
    kinds = {c["name"].split("-")[0] for c in CASES}
    assert {"framework", "assessment", "json", "csv", "target", "cli"} <= kinds
    assert len(CASES) >= 60
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(routemap, case):
    file = BAD / case["file"] if case["file"] else None
    result = routemap(*[expand(a, file, BAD) for a in case["args"]])
    check(result, case, file)


# --------------------------------------------------------------------------------------------
# Large hostile inputs, generated

FRAMEWORK_HEAD = """format_version = 1
[framework]
id = "big"
name = "Big"
version = "1.0.0"
level = "service"
publisher = "Tests"
year = 2024
source = "Tests"
[[tiers]]
id = "one"
name = "One"
[[tiers]]
id = "two"
name = "Two"
[[domains]]
id = "d"
name = "D"
[[domains.areas]]
id = "a"
name = "A"
"""
AREA_LINE = FRAMEWORK_HEAD.count("\n") - 2  # the line of the [[domains.areas]] header


def criteria(count: int, tier: str, prefix: str) -> str:
    return "".join(f'[[domains.areas.criteria]]\nid = "{prefix}{i}"\ntier = "{tier}"\ntext = "C."\n' for i in range(count))


def generated_cases(tmp: Path):
    long_id = "a" * 30000
    deep = ".".join(["k"] * 100000)
    assessment = (BAD / "valid-assessment.toml").read_text(encoding="utf-8")
    yield ("long-framework-id", "f.toml", FRAMEWORK_HEAD.replace('id = "big"', f'id = "{long_id}"'),
           ["show", "{file}"], "is 30000 characters long: ids are at most 128", "2:1")
    yield ("long-criterion-id", "f.toml", FRAMEWORK_HEAD + criteria(1, "one", long_id),
           ["show", "{file}"], "criterion id 'aaaa", f"{AREA_LINE + 3}:1")
    yield ("long-id-on-search-path", "frameworks/long.toml", FRAMEWORK_HEAD + criteria(1, "one", long_id),
           ["--path", "{tmp}", "list"], None, None)
    yield ("deep-dotted-key-framework", "f.toml", FRAMEWORK_HEAD + deep + " = 1\n",
           ["show", "{file}"], "nested more than 100 levels", f"{FRAMEWORK_HEAD.count(chr(10)) + 1}:197")  # 2 levels of header
    yield ("deep-table-header-assessment", "a.toml", "[" + deep + "]\n", ["score", "{file}"],
           "nested more than 100 levels", "1:202")
    yield ("deep-table-header-target", "t.toml", "[[" + deep + "]]\n",
           ["gap", str(BAD / "valid-assessment.toml"), "--target", "{file}"], "nested more than 100 levels", "1:203")
    # 1001 x 1001 criteria in two tiers of one area: 1,002,001 implicit edges (the limit is 1,000,000).
    yield ("quadratic-edges", "f.toml", FRAMEWORK_HEAD + criteria(1001, "one", "x") + criteria(1001, "two", "y"),
           ["show", "{file}"], "area 'd.a' alone has 1002001 implicit ones", f"{AREA_LINE}:1")
    yield ("too-many-criteria", "f.toml", FRAMEWORK_HEAD + criteria(200001, "one", "x"),
           ["show", "{file}"], "the framework has 200001 criteria, more than routemap's limit of 200000", "2:1")
    yield ("long-string", "a.toml", assessment.replace('evidence = "Minutes"', 'evidence = "' + "x" * 70000 + '"'),
           ["score", "{file}"], "a string of 70000 bytes", "12:12")
    yield ("long-json-string", "a.json", '{"format_version": 1, "x": "' + "y" * 70000 + '"}',
           ["score", "{file}"], "a string of 70002 bytes", "1:28")
    yield ("long-csv-field", "a.csv", "framework,framework_version,criterion_id,evidence\r\nnewham-service,1.0.0,x.y.z," +
           "e" * 70000 + "\r\n", ["score", "{file}"], "a field of 70000 bytes", "2:28")
    yield ("huge-file", "big.toml", "#" * (16 * 1024 * 1024 + 1), ["show", "{file}"], "routemap reads at most 16777216 bytes", None)
    yield ("many-unknown-long-ids", "a.toml", assessment + "".join(
        f'[criteria."{i:04d}{"z" * 5000}"]\nstatus = "met"\n' for i in range(200)),
        ["score", "{file}"], "has no such criterion", None)


GENERATED = list(generated_cases(Path("/unused")))


@pytest.mark.parametrize("name,relative,text,args,message,at", GENERATED, ids=[g[0] for g in GENERATED])
def test_large_hostile_input(routemap, tmp_path, name, relative, text, args, message, at):
    file = tmp_path / relative
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    result = routemap(*[a.replace("{file}", str(file)).replace("{tmp}", str(tmp_path)) for a in args], timeout=120)
    if message is None:  # on the search path: reported by `list`, which still lists the others
        assert result.returncode == 0, str(result)
        assert "ids are at most 128" in result.stdout + result.stderr, str(result)
        assert "newham-service" in result.stdout, str(result)
        return
    check(result, {"exit": 2, "message": message, "at": at}, file)


# --------------------------------------------------------------------------------------------
# Inputs that are not regular files


def test_a_fifo_as_input_is_refused_without_blocking(routemap, tmp_path):
    fifo = tmp_path / "assessment.toml"
    os.mkfifo(fifo)
    result = routemap("score", fifo, timeout=30)
    assert result.returncode == 2, str(result)
    assert "not a regular file" in result.stderr, str(result)
    result = routemap("validate", fifo, timeout=30)
    assert result.returncode == 2 and "not a regular file" in result.stderr, str(result)


def test_a_device_as_input_is_refused(routemap):
    result = routemap("show", "/dev/zero", "--format", "json", timeout=30)
    assert result.returncode == 2 and "not a regular file" in result.stderr, str(result)


def test_a_symlink_loop_is_reported_as_such(routemap, tmp_path):
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    for args in (["score", tmp_path / "a.toml"], ["show", tmp_path / "a.toml"]):
        result = routemap(*args)
        assert result.returncode == 2, str(result)
        assert "symbolic links" in result.stderr and "no such file" not in result.stderr, str(result)


def test_a_read_error_is_an_error_not_an_empty_file(routemap):
    # /proc/self/mem is a regular file whose read() fails with EIO at offset 0, as a failing disk does.
    message = "cannot read '/proc/self/mem': Input/output error"
    result = routemap("show", "/proc/self/mem")
    assert result.returncode == 2 and message in result.stderr, str(result)
    # validate reports it as a problem of that file, and goes on to the next.
    result = routemap("validate", "--as", "framework", "/proc/self/mem", REPO / "frameworks" / "larch-remi.toml")
    assert result.returncode == 1 and message in result.stdout and "larch-remi" in result.stdout, str(result)


def test_terminal_escapes_in_file_text_are_escaped(routemap, tmp_path):
    text = (BAD / "valid-assessment.toml").read_text(encoding="utf-8").replace(
        'subject = "Clinic"', 'subject = "\\u001b]0;pwned\\u0007Clinic\\u009b31m"')
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    result = routemap.ok("score", tmp_path / "a.toml")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u009b" not in result.stdout
    assert "\\x1b]0;pwned\\x07Clinic\\u009b31m" in result.stdout
    # JSON keeps the text exact (JSON escapes control characters itself).
    assert routemap.ok("score", tmp_path / "a.toml", "-f", "json").json()["subject"] == "\x1b]0;pwned\x07Clinic\u009b31m"

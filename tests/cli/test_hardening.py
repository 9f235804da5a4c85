"""Writes that never lose data, plugins that cannot take routemap down, CSV exports that a spreadsheet
will not run (docs/limits.md)."""

from __future__ import annotations

import csv
import io
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import REPO

BAD = REPO / "tests" / "data" / "bad"


# --------------------------------------------------------------------------------------------
# -o: only regular files, never an input, template never overwrites without --force


def test_output_refuses_a_fifo_a_device_and_a_directory(routemap, tmp_path):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/null"), tmp_path):
        result = routemap("show", "newham-service", "-f", "json", "-o", target, timeout=30)
        assert result.returncode == 2, str(result)
        assert "routemap only replaces regular files" in result.stderr, str(result)
    assert fifo.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left


def test_output_writes_through_a_symlink_to_a_regular_file(routemap, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    routemap.ok("show", "newham-service", "-f", "json", "-o", tmp_path / "link.json")
    assert (tmp_path / "link.json").is_symlink()
    assert real.read_text().startswith("{")
    (tmp_path / "dangling.json").symlink_to("nowhere.json")
    result = routemap("show", "newham-service", "-f", "json", "-o", tmp_path / "dangling.json")
    assert result.returncode == 2 and "symlink" in result.stderr, str(result)


def test_output_never_replaces_an_input_of_the_same_command(routemap, tmp_path):
    assessment = tmp_path / "a.toml"
    assessment.write_bytes((BAD / "valid-assessment.toml").read_bytes())
    before = assessment.read_bytes()
    os.link(assessment, tmp_path / "same.toml")  # another name for the same file
    for output in (assessment, tmp_path / "same.toml"):
        result = routemap("report", assessment, "-o", output)
        assert result.returncode == 2, str(result)
        assert "it is an input" in result.stderr or "the same file as the input" in result.stderr, str(result)
    result = routemap("score", assessment, "-o", tmp_path / "same.toml")
    assert result.returncode == 2, str(result)
    assert assessment.read_bytes() == before
    # A framework file given by path is an input too.
    framework = tmp_path / "f.toml"
    framework.write_bytes((REPO / "frameworks" / "larch-remi.toml").read_bytes())
    result = routemap("show", framework, "-o", framework)
    assert result.returncode == 2 and "it is an input" in result.stderr, str(result)


def test_template_never_overwrites_without_force(routemap, tmp_path):
    filled = tmp_path / "mine.toml"
    filled.write_bytes((BAD / "valid-assessment.toml").read_bytes())
    result = routemap("template", "newham-service", "-o", filled)
    assert result.returncode == 2, str(result)
    assert "already exists" in result.stderr and "--force" in result.stderr, str(result)
    assert filled.read_bytes() == (BAD / "valid-assessment.toml").read_bytes()
    routemap.ok("template", "newham-service", "--force", "-o", filled)
    assert 'status = "unknown"' in filled.read_text()


def test_template_refuses_a_date_that_does_not_exist(routemap):
    for date in ("2024-13-01", "2023-02-29", "2024-04-31", "2024-00-10"):
        result = routemap("template", "newham-service", "--date", date)
        assert result.returncode == 2 and "must be a real date" in result.stderr, str(result)
    assert 'date = "2024-02-29"' in routemap.ok("template", "newham-service", "--date", "2024-02-29").stdout


KILLS = 120


def test_a_writer_killed_at_random_points_leaves_the_old_or_the_new_file_whole(routemap, tmp_path):
    """kill -9 at random moments of `routemap show ... -o FILE`: FILE is always exactly one of the two
    versions, and the temporary files of killed writers are gone after the next complete write."""
    out = tmp_path / "out.json"
    versions = {}
    for name in ("newham-service", "larch-remi"):
        routemap.ok("show", name, "-f", "json", "-o", out)
        versions[name] = out.read_bytes()
    assert versions["newham-service"] != versions["larch-remi"]
    # How long a write takes here, to spread the kills over it (not asserted on).
    start = time.monotonic()
    routemap.ok("show", "newham-service", "-f", "json", "-o", out)
    duration = time.monotonic() - start
    rng = random.Random(9)
    outcomes = {"old": 0, "new": 0}
    current = "newham-service"
    for i in range(KILLS):
        other = "larch-remi" if current == "newham-service" else "newham-service"
        proc = subprocess.Popen([str(routemap.binary), "show", other, "-f", "json", "-o", str(out)],
                                env=routemap.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = out.read_bytes()
        assert data in (versions[current], versions[other]), f"kill {i}: {len(data)} bytes, neither version"
        if data == versions[other]:
            outcomes["new"] += 1
            current = other
        else:
            outcomes["old"] += 1
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "out.json"]
    routemap.ok("show", "newham-service", "-f", "json", "-o", out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"], leftovers
    print(f"{KILLS} kills: {outcomes}, {len(leftovers)} temporary files left by killed writers, all removed")


# --------------------------------------------------------------------------------------------
# Plugins


@pytest.fixture
def crashing_dir(tmp_path):
    directory = os.environ.get("ROUTEMAP_TEST_PLUGINS")
    if not directory:
        pytest.skip("ROUTEMAP_TEST_PLUGINS is not set: run these tests through ctest")
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    for name in ("crashing", "throwing"):
        (plugins / f"test_plugin_{name}.so").symlink_to(Path(directory) / name / "plugins" / f"test_plugin_{name}.so")
    return tmp_path


def crash_reported(text: str) -> bool:
    # A signal normally; under AddressSanitizer its handler ends the child with a status instead.
    return "crashed while loading in a separate check process (signal 11" in text or (
        os.environ.get("ROUTEMAP_SANITIZED") == "1" and "ended its separate check process abnormally" in text)


def test_a_crashing_plugin_is_refused_by_name_and_list_survives(routemap, crashing_dir):
    result = routemap("--path", crashing_dir, "list")
    assert result.returncode == 0, str(result)
    text = result.stdout + result.stderr
    assert "test_plugin_crashing.so refused" in text and crash_reported(text), str(result)
    assert "test_plugin_throwing.so refused: it failed while registering: database of ratings not found" in text
    assert "newham-service" in result.stdout
    # Commands that use the registry carry on too.
    routemap.ok("--path", crashing_dir, "show", "newham-service", "-f", "json")


def test_plugins_check_names_each_plugin(routemap, crashing_dir):
    result = routemap("--path", crashing_dir, "plugins", "check")
    assert result.returncode == 1, str(result)
    lines = result.stdout.splitlines()
    crashing = [line for line in lines if "test_plugin_crashing.so" in line]
    assert len(crashing) == 1 and crash_reported(crashing[0]), str(result)
    assert any("test_plugin_throwing.so: refused: it failed while registering" in line for line in lines), str(result)
    assert lines[-1].endswith(" ok, 2 refused"), str(result)


def test_plugins_check_accepts_a_good_plugin(routemap):
    directory = os.environ.get("ROUTEMAP_TEST_PLUGINS")
    if not directory:
        pytest.skip("ROUTEMAP_TEST_PLUGINS is not set")
    share = Path(directory).parent / "share" / "routemap"
    result = routemap("--path", share, "plugins", "check")
    assert result.returncode == 0, str(result)
    assert "eds_rating.so: ok (eds-rating" in result.stdout, str(result)


def test_no_plugins_flag_and_environment(routemap, crashing_dir):
    for args, env in ((["--no-plugins", "--path", crashing_dir, "list"], None),
                      (["list", "--no-plugins", "--path", crashing_dir], None),
                      (["--path", crashing_dir, "list"], dict(routemap.env, ROUTEMAP_NO_PLUGINS="1"))):
        result = routemap(*args, env=env)
        assert result.returncode == 0, str(result)
        assert "plugin" not in (result.stdout + result.stderr).lower().replace("plugins/", ""), str(result)


# --------------------------------------------------------------------------------------------
# CSV exports


def test_csv_exports_neutralise_formulas(routemap, tmp_path):
    framework = (REPO / "frameworks" / "larch-remi.toml").read_text(encoding="utf-8")
    text = framework.replace('name = "Leadership"', 'name = "=HYPERLINK(\\"http://evil\\",\\"x\\")"', 1)
    assert text != framework
    (tmp_path / "f.toml").write_text(text, encoding="utf-8")
    for args in (["show", tmp_path / "f.toml", "-f", "csv"], ["template", tmp_path / "f.toml", "-f", "csv"]):
        out = routemap.ok(*args).stdout
        cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
        assert "'=HYPERLINK(\"http://evil\",\"x\")" in cells, out[:500]
        assert not any(cell[:1] in ("=", "+", "@", "\t", "\r") for cell in cells)
        assert not any(cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit() for cell in cells)

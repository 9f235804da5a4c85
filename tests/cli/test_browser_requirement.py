"""Without Chromium the browser test skips, saying why; with ROUTEMAP_REQUIRE_BROWSER=1 it fails instead."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def run_browser_test(tmp_path, require):
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = dict(os.environ, PATH=str(empty), ROUTEMAP_REQUIRE_BROWSER=require)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           str(HERE / "test_report_browser.py")], capture_output=True, text=True, env=env, cwd=HERE,
                          timeout=300)


@pytest.fixture(autouse=True)
def needs_cli(routemap):
    return routemap


def test_skips_with_a_reason_when_no_chromium(tmp_path):
    proc = run_browser_test(tmp_path, "0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 skipped" in proc.stdout, proc.stdout
    assert "no Chromium binary found" in proc.stdout and "install the Debian package 'chromium'" in proc.stdout


def test_fails_when_the_browser_is_required(tmp_path):
    proc = run_browser_test(tmp_path, "1")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "ROUTEMAP_REQUIRE_BROWSER=1 but no Chromium binary found" in proc.stdout


def run_form_browser_test(tmp_path, require):
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = dict(os.environ, PATH=str(empty), ROUTEMAP_REQUIRE_BROWSER=require)
    files = [str(p) for p in sorted(HERE.glob("test_form_browser*.py"))]
    assert len(files) >= 3, files
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *files],
                          capture_output=True, text=True, env=env, cwd=HERE, timeout=300)


def test_form_browser_tests_skip_with_a_reason_when_no_chromium(tmp_path):
    proc = run_form_browser_test(tmp_path, "0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert " skipped" in proc.stdout and " passed" not in proc.stdout and " failed" not in proc.stdout, proc.stdout
    assert "cannot run the browser tests without" in proc.stdout and "install the Debian package 'chromium'" in proc.stdout


def test_form_browser_tests_fail_when_the_browser_is_required(tmp_path):
    proc = run_form_browser_test(tmp_path, "1")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "ROUTEMAP_REQUIRE_BROWSER=1 but cannot run the browser tests without" in proc.stdout
    assert " passed" not in proc.stdout, proc.stdout

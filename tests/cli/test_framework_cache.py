"""The framework cache (docs/performance.md, "The framework cache"): a big framework file's reading is
kept under $XDG_CACHE_HOME/routemap (or ROUTEMAP_CACHE_DIR) and used again for the same text. Whatever
the cache holds, the binary must say exactly what it says without one, name the file it was given,
and never fail because of the cache."""

from __future__ import annotations

import shutil
import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from generate_framework import generate  # noqa: E402

CRITERIA = 9_000  # 1.3 MB: over the cache's 1 MiB threshold


@pytest.fixture()
def setup(routemap, tmp_path):
    framework, _ = generate(CRITERIA, "dense", tmp_path / "frameworks")
    cache = tmp_path / "cache"
    env = dict(routemap.env, ROUTEMAP_CACHE_DIR=str(cache))
    return framework, cache, env


def entries(cache):
    return sorted(cache.glob("*.spec")) if cache.exists() else []


def with_unknown_requires(framework, out):
    """The framework with one `requires` naming a criterion that does not exist: the text reads cleanly
    (so it is cached) and validation reports an error at that line."""
    text = framework.read_text()
    at = text.index('requires = ["') + len('requires = ["')
    text = text[:at] + "d0.a0.nowhere.1" + text[text.index('"', at):]
    out.write_text(text)
    return out


def test_the_second_load_gives_the_same_output_as_the_first_and_as_no_cache(routemap, setup):
    framework, cache, env = setup
    uncached = routemap.ok("show", framework, "-f", "json", env=dict(env, ROUTEMAP_NO_CACHE="1"))
    assert entries(cache) == []
    first = routemap.ok("show", framework, "-f", "json", env=env)
    assert len(entries(cache)) == 1
    second = routemap.ok("show", framework, "-f", "json", env=env)
    assert first.stdout == second.stdout == uncached.stdout


def test_errors_found_after_reading_come_from_the_cache_at_the_file_given(routemap, setup, tmp_path):
    framework, cache, env = setup
    (tmp_path / "one").mkdir()
    broken = with_unknown_requires(framework, tmp_path / "one" / "broken.toml")
    without = routemap.fails(1, "validate", broken, env=dict(env, ROUTEMAP_NO_CACHE="1"))
    assert "nowhere" in without.stdout + without.stderr
    first = routemap.fails(1, "validate", broken, env=env)
    assert len(entries(cache)) == 1
    second = routemap.fails(1, "validate", broken, env=env)
    assert (first.stdout, first.stderr) == (second.stdout, second.stderr) == (without.stdout, without.stderr)
    # The same text at another path: the messages name that path, as reading it would.
    (tmp_path / "two").mkdir()
    moved = tmp_path / "two" / "moved.toml"
    shutil.copy(broken, moved)
    elsewhere = routemap.fails(1, "validate", moved, env=env)
    assert len(entries(cache)) == 1
    assert str(moved) in elsewhere.stdout + elsewhere.stderr and str(broken) not in elsewhere.stdout + elsewhere.stderr
    assert elsewhere.stdout + elsewhere.stderr == (without.stdout + without.stderr).replace(str(broken), str(moved))


def test_routemap_no_cache_keeps_nothing(routemap, setup):
    framework, cache, env = setup
    routemap.ok("validate", framework, env=dict(env, ROUTEMAP_NO_CACHE="1"))
    assert entries(cache) == []


def test_a_damaged_entry_is_passed_over_and_replaced(routemap, setup):
    framework, cache, env = setup
    expected = routemap.ok("show", framework, "-f", "json", env=env).stdout
    (entry,) = entries(cache)
    good = entry.read_bytes()
    for damaged in (good[:-1] + bytes([good[-1] ^ 1]), good[: len(good) // 2], b"", b"routemap framework cache\n"):
        entry.write_bytes(damaged)
        assert routemap.ok("show", framework, "-f", "json", env=env).stdout == expected
        assert entry.read_bytes() == good


def test_a_cache_directory_that_cannot_be_made_changes_nothing(routemap, setup, tmp_path):
    framework, _, env = setup
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = routemap.ok("show", framework, "-f", "json", env=dict(env, ROUTEMAP_CACHE_DIR=str(blocker / "cache")))
    assert result.stdout == routemap.ok("show", framework, "-f", "json", env=dict(env, ROUTEMAP_NO_CACHE="1")).stdout


def test_small_frameworks_are_not_cached(routemap, setup):
    _, cache, env = setup
    routemap.ok("validate", REPO / "frameworks" / "newham-organisation.toml", env=env)
    assert entries(cache) == []

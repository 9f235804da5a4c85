"""The installed package: where it is, its version, its data, its command, its typing and docs."""

from __future__ import annotations

import importlib.metadata
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import routemap
from conftest import REPO

FRAMEWORK_IDS = {"newham-organisation", "newham-service", "newham-individual", "larch-remi"}


def test_imported_from_the_installed_package_not_the_source_tree():
    package = Path(routemap.__file__).resolve().parent
    assert package != (REPO / "python" / "routemap").resolve()
    assert Path(routemap._core.__file__).resolve().parent == package


def test_version_has_one_source():
    text = (REPO / "CMakeLists.txt").read_text()
    expected = re.search(r"project\(routemap\s+VERSION\s+([0-9.]+)", text).group(1)
    assert routemap.__version__ == expected
    assert importlib.metadata.version("routemap") == expected
    assert routemap.plugin_api_version >= 1


def test_bundled_data_and_library_live_inside_the_package():
    package = Path(routemap.__file__).resolve().parent
    data = Path(routemap.install_data_directory()).resolve()
    assert data == package / "share" / "routemap"
    assert {p.stem for p in (data / "frameworks").glob("*.toml")} >= FRAMEWORK_IDS
    assert list((package / "lib").glob("libroutemap.so*"))


def test_frameworks_listed_from_any_working_directory(tmp_path):
    code = "import routemap; print(sorted(f.id for f in routemap.frameworks()))"
    env = {k: v for k, v in os.environ.items() if k != "ROUTEMAP_PATH"}
    env["XDG_DATA_HOME"] = str(tmp_path / "empty")  # no user frameworks either
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(sorted(FRAMEWORK_IDS))


def test_frameworks_summaries(service):
    summaries = {s.id: s for s in routemap.frameworks()}
    assert FRAMEWORK_IDS <= set(summaries)
    s = summaries["newham-service"]
    assert s.criteria == len(service.criteria)
    assert s.areas == len(service.areas)
    assert s.domains == len(service.domains)
    assert sum(s.criteria_per_tier) == s.criteria
    assert "newham-service" in repr(s)


def test_bundled_plugin_is_loaded():
    names = {p.name for p in routemap.plugins()}
    assert "eds-rating" in names
    assert "eds-rating" in routemap.models()
    for plugin in routemap.plugins():
        assert Path(plugin.file).is_file()


def _routemap_command() -> Path:
    return Path(sys.executable).parent / "routemap"


def test_console_script_runs_the_bundled_cli(tmp_path):
    command = _routemap_command()
    assert command.exists(), "pip should install the routemap console script next to python"
    out = subprocess.run([str(command), "list"], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    for framework_id in FRAMEWORK_IDS:
        assert framework_id in out.stdout


def test_console_script_passes_arguments_and_exit_status(tmp_path):
    out = subprocess.run([str(_routemap_command()), "show", "no-such-framework"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "no-such-framework" in out.stderr


def test_python_dash_m_routemap(tmp_path):
    out = subprocess.run([sys.executable, "-m", "routemap", "list"], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "newham-service" in out.stdout


def test_typing_files_are_shipped():
    package = Path(routemap.__file__).resolve().parent
    assert (package / "py.typed").exists()
    stub = (package / "_core.pyi").read_text()
    for name in ("class Framework", "def score_many", "class Assessment", "def to_frame", "class BatchResult"):
        assert name in stub


def _public_names():
    return [n for n in routemap.__all__ if not n.startswith("_") and n not in {"plugin_api_version", "__version__"}]


def _has_doc(obj) -> bool:
    doc = inspect.getdoc(obj) or ""
    # pybind11 puts the signature on the first line: require more than that.
    lines = [line for line in doc.splitlines() if line.strip()]
    return len(lines) >= 2 or (len(lines) == 1 and "(" not in lines[0].split(" ")[0])


@pytest.mark.parametrize("name", _public_names())
def test_every_public_name_is_documented(name):
    obj = getattr(routemap, name)
    if isinstance(obj, (dict, tuple, str, int)):
        return
    assert _has_doc(obj), f"routemap.{name} has no docstring"
    if inspect.isclass(obj):
        for attr, value in vars(obj).items():
            if attr.startswith("_"):
                continue
            assert _has_doc(value), f"routemap.{name}.{attr} has no docstring"


def test_plot_functions_are_documented():
    import routemap.plot

    for name in routemap.plot.__all__:
        assert _has_doc(getattr(routemap.plot, name))

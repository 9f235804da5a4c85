"""help() and inspect.signature read as routemap's functions are called (issue 11, point 5): no
pybind11 internals, types in the names users write, and the examples in the docstrings run."""

from __future__ import annotations

import doctest
import inspect
import os
import pickle
import pydoc

import numpy
import pytest

import routemap
from conftest import REPO

FUNCTIONS = sorted(name for name in routemap.__all__ if inspect.isroutine(getattr(routemap, name)))
# pybind11's own spellings that a reader of help() should never meet.
INTERNALS = ("pybind11", "_core", "collections.abc", "typing.Supports", "numpy.typing.NDArray", "(*args, **kwargs)")
DOCUMENTED = ["score", "score_many", "gap", "progression_path", "read_assessment", "load", "report", "compare"]


def help_text(obj) -> str:
    return pydoc.render_doc(obj, renderer=pydoc.plaintext)


def test_there_are_functions_to_check():
    assert {"score", "score_many", "gap", "load", "report", "form", "panel", "rollup"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_help_opens_with_the_call_as_written(name):
    function = getattr(routemap, name)
    signature = inspect.signature(function)  # raises for a bare pybind11 builtin
    text = help_text(function)
    lines = text.splitlines()
    assert lines[0] == f"Python Library Documentation: function {name} in module routemap"
    assert lines[2].startswith(f"{name}(")
    for internal in INTERNALS:
        assert internal not in text, f"{name}: {internal!r} in help()"
    assert "'" not in str(signature).split("=")[0]  # annotations unquoted
    assert function.__doc__ and function.__doc__.strip()


def test_signature_matches_the_compiled_function():
    score = inspect.signature(routemap.score)
    assert list(score.parameters) == ["framework", "assessment", "model", "parameters", "registry"]
    assert str(score.parameters["parameters"]) == "parameters: Mapping[str, float] | None = None"
    assert str(score.parameters["registry"]) == "registry: Registry | None = None"
    assert str(score.return_annotation) == "ScoreResult"
    many = inspect.signature(routemap.score_many)
    assert str(many.parameters["statuses"]) == "statuses: numpy.typing.ArrayLike"
    assert many.parameters["threads"].kind is inspect.Parameter.KEYWORD_ONLY
    assert str(inspect.signature(routemap.read_assessment).parameters["file"]) == "file: str | os.PathLike"


def test_wrapped_functions_take_keywords_and_raise_the_same(organisation, service_2026, service):
    by_keyword = routemap.score(framework=service, assessment=service_2026, model="continuous")
    assert by_keyword.overall.score == routemap._core.score(service, service_2026, "continuous").overall.score
    with pytest.raises(routemap.NotFoundError):
        routemap.score(service, service_2026, model="no-such-model")
    with pytest.raises(routemap.AssessmentError):
        routemap.score(organisation, service_2026)
    with pytest.raises(TypeError):
        routemap.score(service)


@pytest.mark.parametrize("name", DOCUMENTED)
def test_main_functions_have_sections(name):
    doc = getattr(routemap, name).__doc__
    for section in ("Parameters\n----------", "Returns\n-------"):
        assert section in doc, f"{name} has no {section.splitlines()[0]} section"


@pytest.mark.parametrize("name", [n for n in DOCUMENTED if ">>>" in (getattr(routemap, n).__doc__ or "")])
def test_docstring_examples_run(name, monkeypatch):
    monkeypatch.chdir(REPO)  # the examples name examples/... as a reader in the repository would
    fw = routemap.load("newham-organisation")
    globs = {"routemap": routemap, "numpy": numpy, "fw": fw,
             "a": routemap.read_assessment(os.path.join("examples", "newham-organisation-2026.toml"), fw)}
    test = doctest.DocTestParser().get_doctest(getattr(routemap, name).__doc__, globs, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_classes_say_routemap_not_the_compiled_module(service_2026):
    assert repr(routemap.Framework) == "<class 'routemap.Framework'>"
    assert routemap.ScoreResult.__module__ == "routemap"
    text = help_text(routemap.Framework)
    assert "routemap._core." not in text and "self: routemap.Framework" in text
    # Pickles name routemap.Assessment, which resolves to the same class.
    copy = pickle.loads(pickle.dumps(service_2026))
    assert type(copy) is routemap.Assessment and copy.subject == service_2026.subject


def test_python_functions_show_unquoted_annotations():
    assert "'" not in str(inspect.signature(routemap.form)).replace("''", "")
    assert str(inspect.signature(routemap.path).return_annotation) == "ProgressionPath"


def test_long_one_line_docstrings_are_wrapped():
    for name in FUNCTIONS:
        for line in (getattr(routemap, name).__doc__ or "").splitlines():
            assert len(line) <= 110, f"{name}: {line[:60]}..."

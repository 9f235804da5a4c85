"""Every C++ error class arrives as its Python class, with its message and diagnostics."""

from __future__ import annotations

import numpy as np
import pytest

import routemap

BAD_SYNTAX = """format_version = 1

[framework]
id = "broken"
name = "Broken"
version = "1.0.0
"""

UNKNOWN_TIER = """format_version = 1

[framework]
id = "tiny"
name = "Tiny"
version = "1.0.0"
level = "service"
publisher = "Nobody"
year = 2024
source = "Made up for a test"

[[tiers]]
id = "basic"
name = "Basic"

[[domains]]
id = "one"
name = "One"

[[domains.areas]]
id = "a"
name = "A"

[[domains.areas.criteria]]
id = "basic.1"
tier = "expert"
text = "Something"
"""


def test_hierarchy():
    for cls in (routemap.FrameworkError, routemap.AssessmentError, routemap.TargetError, routemap.NotFoundError,
                routemap.PluginError, routemap.IoError):
        assert issubclass(cls, routemap.Error)
    assert issubclass(routemap.Error, Exception)
    assert issubclass(routemap.NotFoundError, KeyError)
    assert issubclass(routemap.IoError, OSError)
    assert not issubclass(routemap.FrameworkError, KeyError)


def test_framework_syntax_error_has_file_line_column(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(BAD_SYNTAX)
    with pytest.raises(routemap.FrameworkError) as info:
        routemap.load_framework(path)
    error = info.value
    assert str(error).startswith(f"{path}:6:")
    assert error.file == str(path)
    assert error.line == 6
    assert error.column > 0
    assert error.diagnostics and error.diagnostics[0].severity == "error"
    d = error.diagnostics[0].to_dict()
    assert set(d) == {"file", "line", "column", "message", "severity", "criterion_id", "framework_id"}
    assert d["line"] == 6


def test_framework_semantic_error_names_the_tier_and_place():
    with pytest.raises(routemap.FrameworkError) as info:
        routemap.parse_framework(UNKNOWN_TIER, "tiny.toml")
    error = info.value
    assert "expert" in str(error)
    assert str(error).startswith("tiny.toml:")
    lines = UNKNOWN_TIER.splitlines()
    criterion_table = len(lines) - 1 - lines[::-1].index("[[domains.areas.criteria]]")
    # The criterion's table or its tier key: somewhere in that criterion, never elsewhere.
    assert criterion_table + 1 <= error.line <= lines.index('tier = "expert"') + 1
    assert error.criterion_id in ("", "one.a.basic.1")
    assert routemap.check_framework  # the non-raising variant exists


def test_check_framework_lists_diagnostics_without_raising(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(UNKNOWN_TIER)
    diagnostics = routemap.check_framework(path)
    assert any(d.severity == "error" and "expert" in d.message for d in diagnostics)


def test_not_found_is_a_key_error_with_a_plain_message(service):
    with pytest.raises(KeyError) as info:
        service.criterion("no.such.criterion")
    assert isinstance(info.value, routemap.NotFoundError)
    assert "'no.such.criterion'" in str(info.value)
    assert not str(info.value).startswith('"')  # KeyError would quote the whole message
    with pytest.raises(routemap.NotFoundError, match="unknown framework 'nope'.*newham-service"):
        routemap.load("nope")
    with pytest.raises(routemap.NotFoundError, match="unknown scoring model 'best'"):
        routemap.score(service, routemap.Assessment(service), model="best")


def test_unknown_criterion_in_assessment_is_refused_with_a_hint(service):
    a = routemap.Assessment(service)
    good = service.criteria[0].id
    typo = good[:-1] + "9"
    with pytest.raises(routemap.NotFoundError) as info:
        a.set(typo, "met")
    assert f"did you mean '{good}'" in str(info.value) or typo in str(info.value)
    assert info.value.criterion_id == typo
    assert info.value.framework_id == "newham-service"


def test_io_error_is_an_os_error(tmp_path):
    with pytest.raises(OSError) as info:
        routemap.load_framework(tmp_path / "missing.toml")
    assert isinstance(info.value, routemap.IoError)
    assert "missing.toml" in str(info.value)
    with pytest.raises(routemap.IoError):
        routemap.read_assessment(tmp_path / "missing.toml")


def test_assessment_file_errors_carry_locations(tmp_path, service):
    path = tmp_path / "bad.toml"
    path.write_text(
        'format_version = 1\n\n[assessment]\nframework = "newham-service"\nframework_version = "1.0.0"\n'
        'subject = "x"\ndate = "2024-01-01"\n\n[criteria."readiness.conversation.fundamental.1"]\nstatus = "sorta"\n'
    )
    with pytest.raises(routemap.AssessmentError) as info:
        routemap.read_assessment(path)
    assert str(info.value).startswith(f"{path}:10:")
    assert "sorta" in str(info.value)


def test_assessment_mismatch_lists_every_problem(tmp_path, service):
    path = tmp_path / "mismatch.toml"
    path.write_text(
        'format_version = 1\n\n[assessment]\nframework = "newham-service"\nframework_version = "9.9.9"\n'
        'subject = "x"\ndate = "2024-01-01"\n\n[criteria."readiness.nothing.fundamental.1"]\nstatus = "met"\n'
    )
    a = routemap.read_assessment(path)  # parses: only its shape is checked
    with pytest.raises(routemap.AssessmentError) as info:
        a.validate(service)
    messages = [d.message for d in info.value.diagnostics]
    assert any("9.9.9" in m for m in messages)
    assert any("readiness.nothing.fundamental.1" in m for m in messages)
    assert "more error" in str(info.value)
    located = [d for d in info.value.diagnostics if d.criterion_id == "readiness.nothing.fundamental.1"]
    assert located and located[0].line == 9 and located[0].file == str(path)
    with pytest.raises(routemap.AssessmentError):
        routemap.read_assessment(path, service)
    with pytest.raises(routemap.AssessmentError):
        routemap.score(service, a)


def test_not_applicable_needs_a_reason(service):
    a = routemap.Assessment(service)
    # Refused when given (not only when scored), with the message the file readers give.
    with pytest.raises(routemap.AssessmentError, match="not_applicable but gives no reason"):
        a.set(service.criteria[0].id, "not_applicable")
    # A record built by hand can still hold it: scoring then refuses the assessment.
    a.set_record(service.criteria[0].id, routemap.CriterionRecord("not_applicable"))
    with pytest.raises(routemap.AssessmentError, match="not_applicable but gives no reason"):
        routemap.score(service, a)


def test_target_errors(service, tmp_path):
    with pytest.raises(routemap.TargetError, match="expert"):
        routemap.gap(service, routemap.Assessment(service), "expert")
    with pytest.raises(routemap.TargetError) as info:
        routemap.gap(service, routemap.Assessment(service), routemap.Target("fundamental", domains={"nowhere": "advanced"}))
    assert "nowhere" in str(info.value)
    with pytest.raises(routemap.TargetError) as info:
        routemap.Target.parse('tier = "fundamental"\n[domains]\nworkforce = 3\n', "t.toml")
    assert str(info.value).startswith("t.toml:3:")


def test_plugin_error_names_the_file(tmp_path):
    fake = tmp_path / "fake.so"
    fake.write_text("not a shared library")
    registry = routemap.Registry(search_path=[], load_plugins=False)
    with pytest.raises(routemap.PluginError) as info:
        registry.load_plugin(fake)
    assert "fake.so" in str(info.value)
    assert info.value.file == str(fake)
    assert any("fake.so" in d.message for d in registry.problems)


def test_value_errors_for_bad_statuses(service):
    a = routemap.Assessment(service)
    with pytest.raises(ValueError, match="unknown status 'sorta'"):
        a.set(service.criteria[0].id, "sorta")
    with pytest.raises(ValueError, match="invalid status code 9"):
        a.set(service.criteria[0].id, 9)
    with pytest.raises(ValueError, match="unknown reason"):
        a.set(service.criteria[0].id, "not_applicable", reason="lazy")


def test_score_many_errors(service):
    n = len(service.criteria)
    codes = np.zeros((3, n), dtype=np.int64)
    codes[2, 5] = -1
    with pytest.raises(routemap.Error, match=r"invalid status code -1 at row 2, column 5"):
        routemap.score_many(service, codes)
    codes8 = np.zeros((3, n), dtype=np.uint8)
    codes8[1, 7] = 5
    with pytest.raises(routemap.Error, match=r"invalid status code 5 at row 1, column 7 \(criterion '"):
        routemap.score_many(service, codes8)
    with pytest.raises(ValueError, match=f"{n} columns"):
        routemap.score_many(service, np.zeros((2, n - 1), dtype=np.uint8))
    with pytest.raises(ValueError, match="2-D"):
        routemap.score_many(service, np.zeros(n, dtype=np.uint8))
    with pytest.raises(TypeError, match="integer"):
        routemap.score_many(service, np.zeros((2, n)))


def test_unknown_model_parameter_is_an_error(service):
    with pytest.raises(routemap.Error, match="no parameter 'speed'"):
        routemap.score(service, routemap.Assessment(service), model="staged", parameters={"speed": 1.0})


def test_framework_needed_for_detached_assessment():
    a = routemap.Assessment()
    with pytest.raises(TypeError, match="no framework attached"):
        a.statuses()

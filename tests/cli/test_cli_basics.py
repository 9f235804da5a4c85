"""The dispatcher: help, version, exit codes and the shape of error messages."""

import pytest

from conftest import assert_error_line, assert_fits_80_columns

COMMANDS = ["list", "show", "validate", "template", "convert", "form", "score", "gap", "path", "compare", "aggregate",
            "report"]


def test_main_help_lists_every_command(routemap):
    result = routemap.ok("--help")
    assert result.stdout.startswith("Usage: routemap")
    for command in COMMANDS:
        assert f"\n  {command} " in result.stdout, command
    assert_fits_80_columns(result.stdout)


def test_no_command_is_a_usage_error(routemap):
    result = routemap.fails(2)
    assert "Usage: routemap" in result.stderr
    assert result.stdout == ""


def test_version(routemap):
    result = routemap.ok("--version")
    assert result.stdout.startswith("routemap 0.")
    assert "plugin API" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(routemap, command):
    result = routemap.ok(command, "--help")
    assert result.stdout.startswith(f"Usage: routemap {command}")
    assert "Example:\n  routemap " + command in result.stdout
    assert "--path DIR" in result.stdout
    assert_fits_80_columns(result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_also_works_short(routemap, command):
    assert routemap.ok(command, "-h").stdout == routemap.ok(command, "--help").stdout


def test_unknown_command(routemap):
    assert_error_line(routemap("frobnicate"), "unknown command 'frobnicate'", "routemap --help")


def test_unknown_option_names_the_command(routemap):
    assert_error_line(routemap("list", "--colour"), "colour", "routemap list --help")


def test_unknown_global_option(routemap):
    assert_error_line(routemap("--colour", "list"), "colour")


@pytest.mark.parametrize("command", ["show", "template", "form", "score", "gap", "path", "report"])
def test_missing_argument(routemap, command):
    assert_error_line(routemap(command), "missing", f"routemap {command} --help")


@pytest.mark.parametrize("command", ["validate", "aggregate"])
def test_missing_files(routemap, command):
    assert_error_line(routemap(command), "missing FILE")


def test_compare_needs_two_files(routemap, org):
    blank = org.directory / "blank.toml"
    assert_error_line(routemap("compare", blank), "missing NEW")


def test_too_many_arguments(routemap):
    assert_error_line(routemap("show", "newham-organisation", "larch-remi"), "too many positional options")


def test_format_not_offered_by_the_command(routemap):
    assert_error_line(routemap("list", "--format", "xml"), "cannot write format 'xml'", "text, json, csv, markdown")


def test_path_option_must_name_a_directory(routemap, tmp_path):
    assert_error_line(routemap("--path", tmp_path / "nope", "list"), "no such directory")
    assert_error_line(routemap("list", "--path", tmp_path / "nope"), "no such directory")


def test_error_output_has_no_stack_trace_on_binary_garbage(routemap, tmp_path):
    garbage = tmp_path / "garbage.toml"
    garbage.write_bytes(b"\x00\xff\xfe[[[\x80 = = =\n" * 50)
    result = routemap("score", garbage)
    assert result.returncode == 2, str(result)
    assert result.stderr.strip(), str(result)
    assert all(line.startswith(str(garbage)) or line.startswith("routemap: ") for line in result.stderr.splitlines())


def test_version_names_the_allocator_that_serves_the_process(routemap):
    # Built with mimalloc (src/cli/CMakeLists.txt, when Debian's libmimalloc-dev is installed), the
    # process's allocations must really go to it: its statistics, asked for by the environment, show.
    allocator = routemap.ok("--version").stdout.splitlines()[1]
    assert allocator.startswith("allocator: ")
    stats = routemap("list", env=dict(routemap.env, MIMALLOC_SHOW_STATS="1"))
    assert stats.returncode == 0, str(stats)
    if allocator.startswith("allocator: mimalloc "):
        assert "heap stats" in stats.stderr
    else:
        assert allocator == "allocator: the system's malloc"
        assert "heap stats" not in stats.stderr

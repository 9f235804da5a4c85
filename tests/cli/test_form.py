"""routemap form: the command (files, refusals, --from) and the page it writes, read as text. What the
page does in a browser is tested in test_form_browser.py."""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from conftest import BUNDLED, EXAMPLES, assert_error_line

DATA = re.compile(r'<script type="application/json" id="rm-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    match = DATA.search(html)
    assert match, "no data element in the page"
    return json.loads(match.group(1))


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_form_for_each_bundled_framework(routemap, frameworks, tmp_path, framework_id):
    fw = frameworks[framework_id]
    out = tmp_path / "form.html"
    result = routemap.ok("form", framework_id, "-o", out)
    said = " ".join(result.stdout.split())
    assert said.startswith(f"Wrote {out} (") and f"{fw.version}, {len(fw.criteria)} criteria." in said
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<script") == 2 and html.count("</script>") == 2
    assert not re.search(r'(src|href)="(https?:)?//', html), "the page must load nothing from the network"
    data = page_data(html)
    assert data["framework"]["id"] == framework_id and data["framework"]["version"] == fw.version
    ids = [c["id"] for d in data["framework"]["domains"] for a in d["areas"] for c in a["criteria"]]
    assert ids == fw.ids()
    assert [t["id"] for t in data["framework"]["tiers"]] == [t for t, _ in fw.tiers]
    assert data["prefill"] is None


def test_form_to_standard_output(routemap):
    result = routemap.ok("form", "newham-individual")
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.endswith("</html>\n")


def test_an_existing_file_is_kept_unless_forced(routemap, tmp_path):
    out = tmp_path / "form.html"
    out.write_text("my own file", encoding="utf-8")
    assert_error_line(routemap("form", "newham-service", "-o", out), str(out), "exists", "--force")
    assert out.read_text(encoding="utf-8") == "my own file"
    routemap.ok("form", "newham-service", "-o", out, "--force")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_from_an_assessment_prefills_every_field(routemap, tmp_path):
    example = EXAMPLES / "newham-organisation-2026.toml"
    out = tmp_path / "form.html"
    # FRAMEWORK may be left out: the assessment names it.
    result = routemap.ok("form", "--from", example, "-o", out)
    assert f"pre-filled from {example}" in " ".join(result.stdout.split())
    data = page_data(out.read_text(encoding="utf-8"))
    expected = tomllib.loads(example.read_text(encoding="utf-8"))
    prefill = data["prefill"]
    for key in ["subject", "date", "assessors", "notes"]:
        assert prefill[key] == expected["assessment"].get(key, prefill[key]), key
    for cid, record in expected["criteria"].items():
        for key, value in record.items():
            assert prefill["criteria"][cid][key] == value, (cid, key)
    assert data["framework"]["id"] == expected["assessment"]["framework"]


def test_from_an_assessment_of_another_framework_is_refused(routemap, tmp_path):
    out = tmp_path / "form.html"
    result = routemap.fails(2, "form", "newham-service", "--from", EXAMPLES / "newham-organisation-2026.toml", "-o", out)
    assert "newham-organisation" in result.stderr and "newham-service" in result.stderr
    assert not out.exists()


def test_from_a_missing_file(routemap, tmp_path):
    assert_error_line(routemap("form", "--from", tmp_path / "nope.toml"), "nope.toml", "no such file")


def test_unknown_framework(routemap):
    assert_error_line(routemap("form", "no-such-framework"), "no-such-framework")


HOSTILE = "</script><script>alert(1)</script> <!-- & \u2028 \u2029 \"q\" \\"


def hostile_framework(directory):
    """The individual framework with HOSTILE as its first domain's name and first criterion's text."""
    source = (EXAMPLES.parent / "frameworks" / "newham-individual.toml").read_text(encoding="utf-8")
    text = json.dumps(HOSTILE)  # a TOML basic string too
    hostile = source.replace('name = "Reflection and understanding health inequity"', f"name = {text}", 1)
    hostile = re.sub(r'^text = ".*"$', lambda _: f"text = {text}", hostile, count=1, flags=re.M)
    assert hostile.count(HOSTILE) == 0 and hostile != source
    framework = directory / "hostile.toml"
    framework.write_text(hostile, encoding="utf-8")
    return framework


def test_framework_text_is_data_not_markup(routemap, tmp_path):
    framework = hostile_framework(tmp_path)
    html = routemap.ok("form", framework).stdout
    assert html.count("</script>") == 2
    assert "<script>alert" not in html and "\u2028" not in html and "\u2029" not in html
    data = page_data(html)
    assert data["framework"]["domains"][0]["name"] == HOSTILE
    texts = [a["text"] for d in data["framework"]["domains"] for a in d["actions"]]
    texts += [c["text"] for d in data["framework"]["domains"] for a in d["areas"] for c in a["criteria"]]
    assert HOSTILE in texts

"""Reports rendered by a registered report writer."""

from __future__ import annotations

import pytest

import routemap


def test_html_report(service, yearly):
    assert "html" in routemap.registry().report_formats()
    html = routemap.report(service, yearly[2], previous=yearly[1], target="intermediate")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Community Diabetes Service" in html
    assert "<script src=" not in html and "http://" not in html.replace("http://www.w3.org", "")
    plain = routemap.report(service, yearly[2])
    assert plain != html  # the comparison and target sections differ


def test_unknown_report_format(service, yearly):
    with pytest.raises(routemap.NotFoundError, match="unknown report format 'pdf'"):
        routemap.report(service, yearly[2], format="pdf")

"""Shared fixtures. These tests exercise the *installed* routemap package (pip install .): there is
no sys.path manipulation here, and test_package.py checks that the module imported is not the
source tree's python/routemap."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import routemap  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def service() -> routemap.Framework:
    return routemap.load("newham-service")


@pytest.fixture(scope="session")
def organisation() -> routemap.Framework:
    return routemap.load("newham-organisation")


@pytest.fixture()
def service_2026(service: routemap.Framework) -> routemap.Assessment:
    return routemap.read_assessment(EXAMPLES / "newham-service-2026.toml", service)


@pytest.fixture()
def yearly(service: routemap.Framework) -> list:
    return [
        routemap.read_assessment(EXAMPLES / "service-yearly" / f"community-diabetes-{year}.toml", service)
        for year in (2024, 2025, 2026)
    ]


@pytest.fixture()
def organisation_years(organisation: routemap.Framework) -> list:
    return [routemap.read_assessment(EXAMPLES / f"newham-organisation-{year}.toml", organisation) for year in (2025, 2026)]

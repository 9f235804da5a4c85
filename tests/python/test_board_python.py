"""Issue 11 in Python: owners and due dates in the gap and path objects and frames, tier names in
any case, and the report's trend over earlier assessments."""

from __future__ import annotations

import pandas as pd

import routemap


def owned_records(assessment):
    return {cid: r for cid, r in assessment.records.items() if r.owner}


def test_gap_items_and_steps_carry_owner_due_and_overdue(organisation, organisation_years):
    current = organisation_years[1]
    gap = routemap.gap(organisation, current, "advanced")
    owned = owned_records(current)
    items = [i for i in gap.items if i.id in owned]
    assert items
    for item in items:
        assert item.owner == owned[item.id].owner
        assert item.due == (owned[item.id].due or None)
        assert item.overdue == (item.due is not None and len(item.due) == 10 and item.due < current.date)
        assert item.owner in repr(item)
    assert all(i.owner is None for i in gap.items if i.id not in owned)
    path = routemap.progression_path(gap)
    steps = {s.id: s for s in path.steps}
    for item in items:
        assert steps[item.id].owner == item.owner and steps[item.id].due == item.due
        assert steps[item.id].overdue == item.overdue


def test_frames_have_typed_owner_and_due(organisation, organisation_years):
    current = organisation_years[1]
    gap = routemap.gap(organisation, current, "advanced")
    frame = gap.to_frame()
    assert {"owner", "due", "due_text", "overdue"} <= set(frame.columns)
    assert str(frame["owner"].dtype) == "string"
    assert pd.api.types.is_datetime64_any_dtype(frame["due"])
    assert frame["overdue"].dtype == bool
    row = frame[frame["owner"].notna()].iloc[0]
    item = next(i for i in gap.items if i.id == row["criterion_id"])
    assert row["owner"] == item.owner
    if item.due and len(item.due) == 10:
        assert row["due"] == pd.Timestamp(item.due)
    assert frame.loc[frame["owner"].isna(), "owner"].isna().all()  # <NA>, not ""
    steps = routemap.progression_path(gap).to_frame()
    assert {"owner", "due", "due_text", "overdue"} <= set(steps.columns)
    assert pd.api.types.is_datetime64_any_dtype(steps["due"])


def test_free_text_due_dates_are_kept_as_written(service):
    a = routemap.Assessment(service, subject="Clinic", date="2026-06-01")
    first = service.criteria[0].id
    a.set(first, "not_met", owner="Jo", due="Q3 2026")
    frame = routemap.gap(service, a, "fundamental").to_frame()
    row = frame[frame["criterion_id"] == first].iloc[0]
    assert row["due_text"] == "Q3 2026" and pd.isna(row["due"]) and not row["overdue"]


def test_tier_names_in_any_case(service, service_2026):
    expected = routemap.gap(service, service_2026, "intermediate").to_frame(by="area")
    for written in ("Intermediate", "INTERMEDIATE"):
        pd.testing.assert_frame_equal(routemap.gap(service, service_2026, written).to_frame(by="area"), expected)


def test_report_trend_from_history(service, yearly):
    html = routemap.report(service, yearly[2], history=[yearly[1], yearly[0]], target="intermediate")
    board = html[html.index('<section id="board"'):]
    board = board[:board.index("</section>")]
    assert "<h3>Trend</h3>" in board
    assert board.index(yearly[0].date) < board.index(yearly[1].date) < board.index("(this report)")
    assert f"Progress since {yearly[1].date}" in html
    assert "<h3>Trend</h3>" not in routemap.report(service, yearly[2])


def test_batch_wide_frame_one_row_per_assessment(service):
    import numpy as np

    rng = np.random.default_rng(11)
    codes = rng.integers(0, 5, size=(6, len(service.criteria)), dtype=np.uint8)
    codes[0, :] = 4  # every criterion not applicable: every node is <NA> / NaN
    batch = routemap.score_many(service, codes, model="continuous")
    wide = batch.to_frame(wide=True)
    assert len(wide) == 6 and wide.index.name == "row"
    nodes = ["overall", *service.domain_ids, *service.area_ids]
    assert list(wide.columns) == [f"level:{n}" for n in nodes] + [f"score:{n}" for n in nodes]
    assert str(wide["level:overall"].dtype) == "Int64"
    assert wide.loc[0].filter(like="level:").isna().all()
    assert wide.loc[0].filter(like="score:").isna().all()
    for j, area in enumerate(service.area_ids):
        got = wide[f"level:{area}"].to_numpy(dtype="float64", na_value=np.nan)
        want = np.where(batch.area_applicable[:, j], batch.area_levels[:, j], np.nan)
        assert np.array_equal(got, want, equal_nan=True)
        assert np.array_equal(wide[f"score:{area}"].to_numpy(), batch.area_scores[:, j], equal_nan=True)
    levels_only = routemap.score_many(service, codes, scores=False).to_frame(wide=True)
    assert all(c.startswith("level:") for c in levels_only.columns)
    long = batch.to_frame()
    assert str(long["id"].dtype) == "category" and str(long["kind"].dtype) == "category"


def test_assessment_frames_stack_by_subject_and_date(service, yearly):
    frames = pd.concat([a.to_frame() for a in yearly], ignore_index=True)
    assert frames.groupby("date").size().to_dict() == {pd.Timestamp(a.date): len(service.criteria) for a in yearly}
    assert pd.api.types.is_datetime64_any_dtype(frames["date"])
    assert pd.api.types.is_datetime64_any_dtype(frames["due"])
    assert set(frames["subject"].unique()) == {yearly[0].subject}
    assert str(frames["evidence"].dtype) == "string"
    assert frames["evidence"].isna().any()  # not given: <NA>, never ""
    assert not (frames["evidence"] == "").any()


def test_public_namespace_is_clean():
    names = dir(routemap)
    for leaked in ("Any", "Optional", "Union", "annotations", "os", "Path"):
        assert leaked not in names
    for wanted in ("score", "gap", "report", "Assessment", "plot"):
        assert wanted in names

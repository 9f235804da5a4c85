"""Collections, projections and roll-ups: the pure-Python half (pandas frames, choosing the parts).

``Collection.to_frame()`` and ``Collection.trend()`` give tidy DataFrames; ``rollup()`` accepts a
Collection, a folder, a pattern or a list of assessments and takes the latest assessment of each
subject (docs/collections.md, docs/crosswalks.md).
"""

from __future__ import annotations

import os
from typing import Any, List, Optional, Sequence, Union

from . import _core


def _pandas() -> Any:
    import pandas as pd

    return pd


def collection_to_frame(self: _core.Collection) -> "Any":
    """One row per assessment: subject, date, framework, version, file, assessors and status counts."""
    pd = _pandas()
    rows = []
    for a in self.assessments:
        counts = {"met": 0, "partial": 0, "not_met": 0, "not_applicable": 0, "unknown": 0}
        for record in a.records.values():
            counts[record.status] += 1
        rows.append(
            {"subject": a.subject, "date": a.date, "framework": a.framework_id, "framework_version": a.framework_version,
             "file": a.file, "assessors": "; ".join(a.assessors), **counts}
        )
    frame = pd.DataFrame(rows, columns=["subject", "date", "framework", "framework_version", "file", "assessors", "met",
                                        "partial", "not_met", "not_applicable", "unknown"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.sort_values(["subject", "framework", "date"], kind="stable").reset_index(drop=True)


def collection_trend(self: _core.Collection, model: Optional[str] = None, registry: Any = None) -> "Any":
    """One row per assessment with its overall and per-domain levels and scores, oldest first per subject.

    Columns: subject, date, framework, level, label, score, then ``<domain>_level`` and ``<domain>_score``
    for each domain of the framework. Levels of nodes that are not applicable are <NA>.
    """
    pd = _pandas()
    rows = []
    for subject in self.subjects:
        for a in self.history(subject):
            kwargs = {"registry": registry} if registry is not None else {}
            s = _core.score(_core.load(a.framework_id, **kwargs), a, model=model, **kwargs)
            row = {"subject": a.subject, "date": a.date, "framework": a.framework_id,
                   "level": s.overall.level, "label": s.overall.label, "score": s.overall.score}
            for d in s.domains:
                row[f"{d.id}_level"] = d.level
                row[f"{d.id}_score"] = d.score
            rows.append(row)
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame["date"] = pd.to_datetime(frame["date"])
        for column in [c for c in frame.columns if c == "level" or c.endswith("_level")]:
            frame[column] = frame[column].astype("Int64")
    return frame


def projection_to_frame(self: _core.Projection) -> "Any":
    """One row per (criterion, source): suggested status, review flag, source item, its status and relationship."""
    pd = _pandas()
    rows = []
    for c in self.criteria:
        for s in c.sources:
            rows.append({"criterion": c.id, "suggested": c.status, "review": c.review, "met_by_mapping": c.met_by_mapping,
                         "capped": c.capped, "source": s.item, "source_status": s.status, "relationship": s.relationship,
                         "suggests": s.suggests, "rationale": s.rationale})
    return pd.DataFrame(rows, columns=["criterion", "suggested", "review", "met_by_mapping", "capped", "source",
                                       "source_status", "relationship", "suggests", "rationale"])


def rollup_to_frame(self: _core.Rollup, by: str = "node") -> "Any":
    """by='node': one row per domain and area (level, each part's level, held_down_by);
    by='criterion': one row per criterion (status, each part's status, held_down_by)."""
    pd = _pandas()
    if by not in ("node", "criterion"):
        raise ValueError("by must be 'node' or 'criterion'")
    rows = []
    if by == "node":
        for kind, nodes in (("domain", self.domains), ("area", self.areas)):
            for n in nodes:
                row = {"kind": kind, "id": n.id, "name": n.name, "level": n.level}
                row.update({subject: level for subject, level in n.part_levels})
                row["held_down_by"] = "; ".join(n.held_down_by)
                rows.append(row)
    else:
        for c in self.criteria:
            row = {"criterion": c.id, "status": c.status}
            row.update({p.subject: p.status for p in c.parts})
            row["held_down_by"] = "; ".join(c.held_down_by)
            rows.append(row)
    return pd.DataFrame(rows)


def rollup(
    source: Union[_core.Collection, str, "os.PathLike[str]", Sequence[Any]],
    to: Any,
    rule: str = "weakest",
    share: float = 0.75,
    model: Optional[str] = None,
    framework: Optional[str] = None,
    registry: Any = None,
) -> _core.Rollup:
    """Roll the latest assessment of each part (service) up into a view of the whole (organisation).

    ``source`` is a Collection, a folder, a file or pattern, or a list of paths or Assessments; ``to`` the
    whole's framework (an id or a Framework). The parts' framework is the one mapped to ``to`` (give
    ``framework`` when there are several). ``rule`` is 'weakest', 'median' or 'share' (with ``share``).
    Returns a Rollup whose draft assessment is flagged for review (docs/crosswalks.md).
    """
    kwargs = {"registry": registry} if registry is not None else {}
    target = to.id if isinstance(to, _core.Framework) else str(to)
    if isinstance(source, (list, tuple)) and source and all(isinstance(s, _core.Assessment) for s in source):
        latest = {}
        for a in source:
            key = (a.subject, a.framework_id)
            if key not in latest or a.date > latest[key].date:
                latest[key] = a
        candidates: List[_core.Assessment] = list(latest.values())
    else:
        if not isinstance(source, _core.Collection):
            source = _core.Collection(source, **kwargs)
        candidates = source.latest()
    known = {m.from_framework for m in _core.mappings(**kwargs) if m.to_framework == target}
    known |= {m.to_framework for m in _core.mappings(**kwargs) if m.from_framework == target}
    if framework is None:
        present = sorted({a.framework_id for a in candidates if a.framework_id in known and a.framework_id != target})
        if not present:
            raise ValueError(f"no assessment is of a framework mapped to '{target}'")
        if len(present) > 1:
            raise ValueError(f"several frameworks are mapped to '{target}' ({', '.join(present)}): choose one with framework=")
        framework = present[0]
    parts = [a for a in candidates if a.framework_id == framework]
    mapping = _core.load_mapping(framework, target, **kwargs)
    return _core._rollup(parts, to, mapping, rule=rule, share=share, model=model, **kwargs)


def install() -> None:
    """Attach the pandas helpers to the compiled classes."""
    setattr(_core.Collection, "to_frame", collection_to_frame)
    setattr(_core.Collection, "trend", collection_trend)
    setattr(_core.Projection, "to_frame", projection_to_frame)
    setattr(_core.Rollup, "to_frame", rollup_to_frame)

"""Tidy pandas DataFrames for routemap's results (columns documented in docs/python.md).

pandas is imported only when a frame is asked for, so ``import routemap`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["install"]

_STATUS_COLUMNS = ("met", "partial", "not_met", "not_applicable", "unknown")


def _pandas() -> Any:
    import pandas

    return pandas


def _choose(by: str, allowed: tuple) -> str:
    if by not in allowed:
        raise ValueError(f"by must be one of {', '.join(repr(a) for a in allowed)}, not {by!r}")
    return by


def _nullable_levels(frame: "pd.DataFrame", *columns: str) -> "pd.DataFrame":
    """Level columns as pandas' nullable integers: not applicable is <NA>, never a number."""
    for column in columns:
        frame[column] = frame[column].astype("Int64")
    return frame


def _area_domains(framework: _core.Framework) -> Dict[str, str]:
    return {area.id: area.domain.id for area in framework.areas}


def framework_to_frame(self: _core.Framework) -> "pd.DataFrame":
    """One row per criterion, in framework order.

    Columns: criterion_id, domain_id, area_id, tier, level, weight, requires, text.
    """
    rows = [
        {
            "criterion_id": c.id,
            "domain_id": c.domain.id,
            "area_id": c.area.id,
            "tier": c.tier_id,
            "level": c.tier.level,
            "weight": c.weight,
            "requires": ";".join(c.requires),
            "text": c.text,
        }
        for c in self.criteria
    ]
    columns = ["criterion_id", "domain_id", "area_id", "tier", "level", "weight", "requires", "text"]
    return _pandas().DataFrame(rows, columns=columns)


def assessment_to_frame(self: _core.Assessment, framework: _core.Framework | None = None) -> "pd.DataFrame":
    """One row per criterion: framework order with every criterion when a framework is given or
    attached, else the recorded criteria sorted by id.

    Columns: framework_id, subject, date (a datetime64 date, NaT when not given), criterion_id,
    domain_id, area_id, tier (the last three <NA> without a framework), status, evidence, note, owner,
    due (a date: NaT when not given or free text), due_text (as written), reason. Text not given is
    <NA>, never "", so that frames of several assessments stack (pandas.concat) and group by subject
    and date.
    """
    framework = framework if framework is not None else self.framework
    records = self.records
    rows = []
    if framework is not None:
        items = [(c.id, c.domain.id, c.area.id, c.tier_id) for c in framework.criteria]
    else:
        items = [(cid, None, None, None) for cid in sorted(records)]
    blank = _core.CriterionRecord()
    for cid, domain_id, area_id, tier in items:
        record = records.get(cid, blank)
        rows.append(
            {
                "framework_id": self.framework_id,
                "subject": self.subject,
                "date": self.date,
                "criterion_id": cid,
                "domain_id": domain_id,
                "area_id": area_id,
                "tier": tier,
                "status": record.status,
                "evidence": record.evidence,
                "note": record.note,
                "owner": record.owner,
                "due": record.due,
                "due_text": record.due,
                "reason": record.reason,
            }
        )
    columns = ["framework_id", "subject", "date", "criterion_id", "domain_id", "area_id", "tier", "status", "evidence",
               "note", "owner", "due", "due_text", "reason"]
    pandas = _pandas()
    frame = pandas.DataFrame(rows, columns=columns)
    for column in ("framework_id", "subject", "domain_id", "area_id", "tier", "status", "evidence", "note", "owner",
                   "due_text", "reason"):
        frame[column] = frame[column].replace("", None).astype("string")
    for column in ("date", "due"):
        frame[column] = pandas.to_datetime(frame[column].replace("", None), format="%Y-%m-%d", errors="coerce")
    return frame


def score_to_frame(self: _core.ScoreResult, by: str = "node") -> "pd.DataFrame":
    """The score as a tidy DataFrame.

    by="node" (default): one row for the framework, then each domain, then each area. Columns: kind
    ('overall', 'domain', 'area'), id, name, domain_id, applicable, level, label, score, max_score,
    met, partial, not_met, not_applicable, unknown (criteria counts), model.

    by="tier": one row per node and tier. Columns: kind, id, domain_id, tier, tier_index,
    tier_score (NaN when nothing applies), met, partial, not_met, not_applicable, unknown, model.
    """
    _choose(by, ("node", "tier"))
    area_domain = _area_domains(self.framework)
    tiers = self.framework.tier_ids
    nodes = [("overall", self.overall, "")]
    nodes += [("domain", d, d.id) for d in self.domains]
    nodes += [("area", a, area_domain.get(a.id, "")) for a in self.areas]
    rows: List[Dict[str, Any]] = []
    for kind, node, domain_id in nodes:
        if by == "node":
            row = {
                "kind": kind,
                "id": node.id,
                "name": node.name,
                "domain_id": domain_id,
                "applicable": node.applicable,
                "level": node.level,
                "label": node.label,
                "score": node.score,
                "max_score": node.max_score,
            }
            row.update({s: node.counts[s] for s in _STATUS_COLUMNS})
            row["model"] = self.model
            rows.append(row)
        else:
            for index, (tier, tier_score, counts) in enumerate(zip(tiers, node.tier_scores, node.counts_by_tier)):
                row = {"kind": kind, "id": node.id, "domain_id": domain_id, "tier": tier, "tier_index": index,
                       "tier_score": tier_score}
                row.update({s: counts[s] for s in _STATUS_COLUMNS})
                row["model"] = self.model
                rows.append(row)
    if by == "node":
        columns = ["kind", "id", "name", "domain_id", "applicable", "level", "label", "score", "max_score",
                   *_STATUS_COLUMNS, "model"]
        return _nullable_levels(_pandas().DataFrame(rows, columns=columns), "level")
    columns = ["kind", "id", "domain_id", "tier", "tier_index", "tier_score", *_STATUS_COLUMNS, "model"]
    return _pandas().DataFrame(rows, columns=columns)


_OWNERSHIP_COLUMNS = ["owner", "due", "due_text", "overdue"]


def _ownership(item) -> dict:
    return {"owner": item.owner, "due": item.due, "due_text": item.due, "overdue": item.overdue}


def _typed_ownership(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Owner as a nullable string, due as a date (NaT when absent or free text such as 'Q3 2026')."""
    pandas = _pandas()
    frame["owner"] = frame["owner"].astype("string")
    frame["due_text"] = frame["due_text"].astype("string")
    frame["due"] = pandas.to_datetime(frame["due"], format="%Y-%m-%d", errors="coerce")
    frame["overdue"] = frame["overdue"].astype(bool)
    return frame


def gap_to_frame(self: _core.GapAnalysis, by: str = "item") -> "pd.DataFrame":
    """The gap analysis as a tidy DataFrame.

    by="item" (default): one row per criterion to close, framework order. Columns: criterion_id,
    domain_id, area_id, tier, status, partial, prerequisite, required_by (';'-joined ids), owner
    (<NA> when not given), due (a datetime64 date; NaT when not given or not an ISO date), due_text (as
    written), overdue, text.

    by="area": one row per area. Columns: area_id, domain_id, name, applicable, current_level,
    target_level (current_level is <NA> for a not-applicable area), to_close (every gap item in the
    area, prerequisites included), prerequisites, partial, required, met, reached.

    by="domain": one row per domain, then the total (kind 'overall'). Columns: kind, id, name,
    to_close, partial, required, met, done_share, then to_close_<tier> for each tier.
    """
    _choose(by, ("item", "area", "domain"))
    pandas = _pandas()
    if by == "item":
        rows = [
            {
                "criterion_id": i.id,
                "domain_id": i.domain_id,
                "area_id": i.area_id,
                "tier": i.tier,
                "status": i.status,
                "partial": i.partial,
                "prerequisite": i.prerequisite,
                "required_by": ";".join(i.required_by),
                **_ownership(i),
                "text": i.text,
            }
            for i in self.items
        ]
        columns = ["criterion_id", "domain_id", "area_id", "tier", "status", "partial", "prerequisite",
                   "required_by", *_OWNERSHIP_COLUMNS, "text"]
        return _typed_ownership(pandas.DataFrame(rows, columns=columns))
    if by == "area":
        rows = [
            {
                "area_id": a.area_id,
                "domain_id": a.domain_id,
                "name": a.name,
                "applicable": a.applicable,
                "current_level": a.current_level,
                "target_level": a.target_level,
                "to_close": len(a.to_close),
                "prerequisites": a.prerequisites,
                "partial": a.partial,
                "required": a.required,
                "met": a.met,
                "reached": a.reached,
            }
            for a in self.areas
        ]
        columns = ["area_id", "domain_id", "name", "applicable", "current_level", "target_level", "to_close",
                   "prerequisites", "partial", "required", "met", "reached"]
        return _nullable_levels(pandas.DataFrame(rows, columns=columns), "current_level")
    tier_columns = [f"to_close_{t}" for t in self.tier_ids]
    rows = []
    for kind, summary in [("domain", d) for d in self.domains] + [("overall", self.total)]:
        row = {
            "kind": kind,
            "id": summary.id,
            "name": summary.name,
            "to_close": summary.to_close,
            "partial": summary.partial,
            "required": summary.required,
            "met": summary.met,
            "done_share": summary.done_share,
        }
        row.update(dict(zip(tier_columns, summary.to_close_by_tier)))
        rows.append(row)
    columns = ["kind", "id", "name", "to_close", "partial", "required", "met", "done_share", *tier_columns]
    return pandas.DataFrame(rows, columns=columns)


def path_to_frame(self: _core.ProgressionPath) -> "pd.DataFrame":
    """One row per step, in the order to work in.

    Columns: order (1-based), phase, criterion_id, domain_id, area_id, tier, status, waits_for
    (';'-joined ids), owner, due, due_text, overdue (as in the gap's frame), text.
    """
    rows = [
        {
            "order": n,
            "phase": s.phase,
            "criterion_id": s.id,
            "domain_id": s.domain_id,
            "area_id": s.area_id,
            "tier": s.tier,
            "status": s.status,
            "waits_for": ";".join(s.waits_for),
            **_ownership(s),
            "text": s.text,
        }
        for n, s in enumerate(self.steps, start=1)
    ]
    columns = ["order", "phase", "criterion_id", "domain_id", "area_id", "tier", "status", "waits_for",
               *_OWNERSHIP_COLUMNS, "text"]
    return _typed_ownership(_pandas().DataFrame(rows, columns=columns))


def comparison_to_frame(self: _core.Comparison, by: str = "node") -> "pd.DataFrame":
    """The comparison as a tidy DataFrame.

    by="node" (default): one row for the framework, each domain, each area. Columns: kind, id,
    name, before_level, after_level, delta, before_score, after_score (levels and delta <NA>, scores
    NaN, where a node is not applicable).

    by="criterion": one row per criterion whose status changed. Columns: criterion_id, before,
    after, change ('newly_met', 'regressed', 'improved', 'excluded', 'reinstated', 'other').
    """
    _choose(by, ("node", "criterion"))
    pandas = _pandas()
    if by == "criterion":
        changes = [{"criterion_id": c.id, "before": c.before, "after": c.after, "change": c.kind} for c in self.changes]
        return pandas.DataFrame(changes, columns=["criterion_id", "before", "after", "change"])
    nodes = [("overall", self.overall)] + [("domain", d) for d in self.domains] + [("area", a) for a in self.areas]
    rows = [
        {
            "kind": kind,
            "id": c.id,
            "name": c.name,
            "before_level": c.before_level,
            "after_level": c.after_level,
            "delta": c.delta,
            "before_score": c.before_score,
            "after_score": c.after_score,
        }
        for kind, c in nodes
    ]
    columns = ["kind", "id", "name", "before_level", "after_level", "delta", "before_score", "after_score"]
    return _nullable_levels(pandas.DataFrame(rows, columns=columns), "before_level", "after_level", "delta")


def aggregate_to_frame(self: _core.Aggregate, by: str = "node") -> "pd.DataFrame":
    """The aggregate as a tidy DataFrame.

    by="node" (default): one row for the framework, each domain, each area. Columns: kind, id, name,
    count, min_level, median_level, max_level, mean_score, median_score.

    by="level": one row per node and level (long form of the level distribution). Columns: kind,
    id, level, label, count.
    """
    _choose(by, ("node", "level"))
    nodes = [("overall", self.overall)] + [("domain", d) for d in self.domains] + [("area", a) for a in self.areas]
    if by == "level":
        labels = self.level_labels
        rows = [
            {"kind": kind, "id": d.id, "level": level, "label": labels[level] if level < len(labels) else str(level),
             "count": count}
            for kind, d in nodes
            for level, count in enumerate(d.level_counts)
        ]
        return _pandas().DataFrame(rows, columns=["kind", "id", "level", "label", "count"])
    rows = [
        {
            "kind": kind,
            "id": d.id,
            "name": d.name,
            "count": d.count,
            "min_level": d.min_level,
            "median_level": d.median_level,
            "max_level": d.max_level,
            "mean_score": d.mean_score,
            "median_score": d.median_score,
        }
        for kind, d in nodes
    ]
    columns = ["kind", "id", "name", "count", "min_level", "median_level", "max_level", "mean_score", "median_score"]
    return _pandas().DataFrame(rows, columns=columns)


def batch_to_frame(self: _core.BatchResult, wide: bool = False) -> "pd.DataFrame":
    """A score_many result as a DataFrame.

    wide=False (default), the long form: one row per assessment and node. Columns: row (the matrix
    row), kind ('overall', 'domain', 'area') and id (both categorical), applicable, level (nullable
    Int64: <NA> where not applicable), score (NaN where not applicable).

    wide=True: one row per assessment (index: row), one column per node and output, named
    'level:<id>' and 'score:<id>' with id 'overall' for the whole framework, then the domains and the
    areas in framework order. Levels are nullable Int64 (<NA> where not applicable), scores float
    (NaN where not applicable).

    Outputs not asked for (levels=False or scores=False) are left out.
    """
    import numpy as np

    pandas = _pandas()
    n = self.rows
    if wide:
        data = {}
        nodes = [("overall", self.overall_applicable, self.overall_levels, self.overall_scores, ["overall"])]
        nodes.append(("domain", self.domain_applicable, self.domain_levels, self.domain_scores, list(self.domain_ids)))
        nodes.append(("area", self.area_applicable, self.area_levels, self.area_scores, list(self.area_ids)))
        for output in ("level", "score"):
            for _, applicable, levels, scores, ids in nodes:
                applicable = np.asarray(applicable).reshape(n, len(ids))
                values = levels if output == "level" else scores
                if values is None:
                    continue
                values = np.asarray(values).reshape(n, len(ids))
                for j, node_id in enumerate(ids):
                    if output == "level":
                        data[f"level:{node_id}"] = pandas.arrays.IntegerArray(values[:, j].astype("int64"), ~applicable[:, j])
                    else:
                        data[f"score:{node_id}"] = values[:, j]
        frame = pandas.DataFrame(data, index=pandas.RangeIndex(n, name="row"))
        return frame

    def columns(applicable, levels, scores):
        out = {"applicable": applicable.reshape(-1)}
        if levels is not None:
            out["level"] = pandas.arrays.IntegerArray(levels.reshape(-1).astype("int64"), ~applicable.reshape(-1))
        if scores is not None:
            out["score"] = scores.reshape(-1)
        return out

    parts = [pandas.DataFrame({"row": np.arange(n), "kind": "overall", "id": self.framework_id,
                               **columns(self.overall_applicable, self.overall_levels, self.overall_scores)})]
    for kind, ids, applicable, levels, scores in (
            ("domain", self.domain_ids, self.domain_applicable, self.domain_levels, self.domain_scores),
            ("area", self.area_ids, self.area_applicable, self.area_levels, self.area_scores)):
        k = len(ids)
        parts.append(pandas.DataFrame({"row": np.repeat(np.arange(n), k), "kind": kind,
                                       "id": np.tile(np.asarray(ids, dtype=object), n),
                                       **columns(applicable, levels, scores)}))
    wanted = ["row", "kind", "id", "applicable"] + [c for c in ("level", "score") if c in parts[0].columns]
    frame = pandas.concat(parts, ignore_index=True)[wanted]
    # Categorical ids: a million rows of a 60-node framework repeat the same 60 strings.
    frame["kind"] = pandas.Categorical(frame["kind"], categories=["overall", "domain", "area"])
    frame["id"] = pandas.Categorical(frame["id"], categories=[self.framework_id, *self.domain_ids, *self.area_ids])
    return frame


def install() -> None:
    """Attach the to_frame() methods to the compiled classes."""
    setattr(_core.Framework, "to_frame", framework_to_frame)
    setattr(_core.Assessment, "to_frame", assessment_to_frame)
    setattr(_core.ScoreResult, "to_frame", score_to_frame)
    setattr(_core.GapAnalysis, "to_frame", gap_to_frame)
    setattr(_core.ProgressionPath, "to_frame", path_to_frame)
    setattr(_core.Comparison, "to_frame", comparison_to_frame)
    setattr(_core.Aggregate, "to_frame", aggregate_to_frame)
    setattr(_core.BatchResult, "to_frame", batch_to_frame)

"""Several assessors: routemap.panel() and the panel's pandas frames (docs/panels.md)."""

from __future__ import annotations

import os
from typing import Any, Iterable, Optional, Union

from . import _core

__all__ = ["panel", "install"]

_PathLike = Union[str, "os.PathLike[str]"]


def panel(
    ratings: Iterable[Union[_core.Assessment, _PathLike]],
    rule: str = "median",
    *,
    framework: Optional[Union[_core.Framework, str]] = None,
    model: Optional[str] = None,
    resamples: int = 1000,
    seed: Optional[int] = None,
    level: float = 0.95,
    not_applicable: str = "missing",
    registry: Optional[_core.Registry] = None,
) -> _core.Panel:
    """Several assessors' independent ratings of one subject, date and framework.

    ratings: Assessments or assessment files (two or more ratings in all); a panel file (each rater's
    status per criterion in one file, docs/file-formats.md) adds one rating per rater.
    rule: 'median', 'lowest' or 'majority' (docs/panels.md, "Consensus rules").
    framework: the Framework (or its id or file); by default the one the first rating names.
    resamples, seed, level: the bootstrap of alpha's interval (units = criteria).
    not_applicable: 'missing' or 'category' (a fourth value in the nominal alpha).

    Returns a Panel: .consensus (an Assessment whose records say who said what), .disputed,
    .alpha(metric, domain=...), .agreement, .rater_scores, and to_frame() / levels_frame() /
    alpha_frame(). Raises AssessmentError when the ratings do not share framework, subject and date.
    """
    items = list(ratings)
    fw: Optional[_core.Framework]
    if framework is None or isinstance(framework, _core.Framework):
        fw = framework
    else:
        fw = _core.load(os.fspath(framework), registry)
    loaded = []
    for item in items:
        if isinstance(item, _core.Assessment):
            loaded.append(item)
            continue
        path = os.fspath(item)
        read = _core.read_panel_file(path) if _core.is_panel_file(path) else [_core.read_assessment(path, None, False)]
        if fw is None and read:
            fw = _core.load(read[0].framework_id, registry)
        loaded.extend(read)
    if fw is None:
        if not loaded:
            from ._errors import AssessmentError

            raise AssessmentError("a panel needs at least two ratings of the same subject; got none")
        fw = loaded[0].framework if loaded[0].framework is not None else _core.load(loaded[0].framework_id, registry)
    kwargs: dict = {}
    if seed is not None:
        kwargs["seed"] = seed
    return _core.make_panel(fw, loaded, rule, model, resamples, level=level, not_applicable=not_applicable,
                            registry=registry, **kwargs)


def _pandas() -> Any:
    import pandas

    return pandas


def panel_to_frame(self: _core.Panel) -> Any:
    """One row per criterion (framework order): criterion_id, domain_id, area_id, consensus,
    disputed, spread, differs (names joined with '; '), then one column per rater with its status."""
    fw = self.framework
    names = [r.name for r in self.raters]
    rows = []
    for c in self.criteria:
        criterion = fw.criterion(c.id)
        row = {
            "criterion_id": c.id,
            "domain_id": criterion.domain.id,
            "area_id": criterion.area.id,
            "consensus": c.consensus,
            "disputed": c.disputed,
            "spread": c.spread,
            "differs": "; ".join(names[i] for i in c.differs),
        }
        for name, vote in zip(names, c.votes):
            row[name] = vote
        rows.append(row)
    return _pandas().DataFrame(rows)


def panel_levels_frame(self: _core.Panel) -> Any:
    """One row per rater, then 'consensus': rater, overall, then one column per domain id, with the
    level each would give (nullable integers: not applicable is <NA>)."""
    scores = [(r.name, s) for r, s in zip(self.raters, self.rater_scores)] + [("consensus", self.consensus_score)]
    rows = []
    for name, s in scores:
        row = {"rater": name, "overall": s.overall.level}
        for d in s.domains:
            row[d.id] = d.level
        rows.append(row)
    frame = _pandas().DataFrame(rows)
    for column in frame.columns[1:]:
        frame[column] = frame[column].astype("Int64")
    return frame


def panel_alpha_frame(self: _core.Panel) -> Any:
    """Alpha per scope ('overall', then each domain id) and metric: scope, metric, alpha, low, high,
    percent_agreement, pairable_units, disputed."""
    rows = []

    def add(scope: str, estimate: _core.AlphaEstimate, disputed: int) -> None:
        rows.append({"scope": scope, "metric": estimate.metric, "alpha": estimate.alpha, "low": estimate.low,
                     "high": estimate.high, "percent_agreement": estimate.percent_agreement,
                     "pairable_units": estimate.pairable_units, "disputed": disputed})

    ag = self.agreement
    add("overall", ag.ordinal, self.overall.disputed)
    add("overall", ag.nominal, self.overall.disputed)
    for d, node in zip(ag.domains, self.domains):
        add(d.id, d.ordinal, node.disputed)
        add(d.id, d.nominal, node.disputed)
    return _pandas().DataFrame(rows)


def _panel_report(self: _core.Panel, target: Any = None, registry: Optional[_core.Registry] = None) -> str:
    """The HTML report of the consensus with the section 'Where assessors disagree'."""
    return _core.panel_report(self, target, registry)


def install() -> None:
    setattr(_core.Panel, "to_frame", panel_to_frame)
    setattr(_core.Panel, "levels_frame", panel_levels_frame)
    setattr(_core.Panel, "alpha_frame", panel_alpha_frame)
    setattr(_core.Panel, "report", _panel_report)

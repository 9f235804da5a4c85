"""Rich notebook display (_repr_html_) for frameworks, assessments, scores, gaps and paths.

Plain HTML tables with inline styles only, so they render the same in Jupyter, VS Code and exported
notebooks, with no scripts and no network.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, List, Sequence

from . import _core

__all__ = ["install"]

_TABLE = 'style="border-collapse:collapse;font-size:0.9em;margin:0.3em 0"'
_CELL = 'style="border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top"'
_COLOURS = ("#f2f2f2", "#fde0c5", "#fff3b0", "#c7e9c0", "#74c476", "#31a354", "#006d2c")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th {_CELL}>{escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td {_CELL}>{c if isinstance(c, _Raw) else escape(str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class _Raw(str):
    """Markup that must not be escaped again."""


def _level_cell(level: int, label: str, max_level: int) -> _Raw:
    index = 0 if max_level <= 0 else min(len(_COLOURS) - 1, round(level * (len(_COLOURS) - 1) / max_level))
    return _Raw(f'<span style="background:{_COLOURS[index]};padding:0 4px">{level} · {escape(label)}</span>')


def _bar(share: float, width: int = 120) -> _Raw:
    filled = max(0, min(width, round(share * width)))
    return _Raw(
        f'<span style="display:inline-block;width:{width}px;height:0.8em;background:#eee;vertical-align:middle">'
        f'<span style="display:block;width:{filled}px;height:100%;background:#31a354"></span></span> {share:.0%}'
    )


def framework_html(self: _core.Framework) -> str:
    """An HTML summary: metadata, tiers, and per domain its areas and criteria count."""
    tiers = " &lt; ".join(escape(t.name) for t in self.tiers)
    rows: List[Sequence[object]] = [
        (d.id, d.name, len(d.areas), len(d.criteria), len(d.actions)) for d in self.domains
    ]
    return (
        f"<div><strong>{escape(self.name)}</strong> <code>{escape(self.id)}</code> {escape(self.version)}"
        f"<br><small>{escape(self.publisher)}{', ' + str(self.year) if self.year else ''} · level {escape(self.level)}"
        f" · tiers {tiers} · {len(self.criteria)} criteria</small>"
        + _table(("domain", "name", "areas", "criteria", "actions"), rows)
        + "</div>"
    )


def assessment_html(self: _core.Assessment) -> str:
    """An HTML summary: subject, date, and the status counts (per domain when a framework is attached)."""
    statuses = ("met", "partial", "not_met", "not_applicable", "unknown")
    title = (
        f"<div><strong>{escape(self.subject or '(no subject)')}</strong> · {escape(self.date or 'undated')}"
        f" · <code>{escape(self.framework_id)}</code> {escape(self.framework_version)}"
        + (f"<br><small>assessed by {escape(', '.join(self.assessors))}</small>" if self.assessors else "")
    )
    framework = self.framework
    if framework is None:
        counts = {s: 0 for s in statuses}
        for record in self.records.values():
            counts[record.status] += 1
        return title + _table(statuses, [[counts[s] for s in statuses]]) + "</div>"
    records = self.records
    rows = []
    for domain in framework.domains:
        counts = {s: 0 for s in statuses}
        for c in domain.criteria:
            counts[records[c.id].status if c.id in records else "unknown"] += 1
        rows.append([domain.name] + [counts[s] for s in statuses])
    return title + _table(["domain", *statuses], rows) + "</div>"


def score_html(self: _core.ScoreResult) -> str:
    """An HTML table of levels and scores: the framework, then each domain with its areas."""
    top = self.max_level
    rows: List[Sequence[object]] = [
        (_Raw(f"<strong>{escape(self.overall.name)}</strong>"), _level_cell(self.overall.level, self.overall.label, top),
         f"{self.overall.score:.2f} / {self.overall.max_score:g}")
    ]
    area_nodes = {a.id: a for a in self.areas}
    for domain_node, domain in zip(self.domains, self.framework.domains):
        rows.append((_Raw(f"<strong>{escape(domain_node.name)}</strong>"),
                     _level_cell(domain_node.level, domain_node.label, top),
                     f"{domain_node.score:.2f} / {domain_node.max_score:g}"))
        for area in domain.areas:
            node = area_nodes[area.id]
            rows.append((_Raw("&emsp;" + escape(node.name)), _level_cell(node.level, node.label, top),
                         f"{node.score:.2f} / {node.max_score:g}" if node.applicable else "n/a"))
    return (
        f"<div><strong>Score</strong> · <code>{escape(self.framework_id)}</code> · model {escape(self.model)}"
        + _table(("", "level", "score"), rows)
        + "</div>"
    )


def gap_html(self: _core.GapAnalysis) -> str:
    """An HTML table of the gap per domain: criteria to close, per tier, and the share done."""
    tiers = list(self.tier_ids)
    rows = [
        [d.name, d.to_close, *d.to_close_by_tier, d.partial, _bar(d.done_share)]
        for d in list(self.domains) + [self.total]
    ]
    return (
        f"<div><strong>Gap</strong> · <code>{escape(self.framework_id)}</code> · {len(self.items)} criteria to close"
        + _table(["", "to close", *tiers, "partial", "done"], rows)
        + "</div>"
    )


def path_html(self: _core.ProgressionPath, limit: int = 12) -> str:
    """An HTML list of the path by phase (the first `limit` steps)."""
    steps = self.steps
    rows = [(s.phase, s.id, s.tier, s.status, s.text) for s in steps[:limit]]
    more = f"<small>… and {len(steps) - limit} more steps</small>" if len(steps) > limit else ""
    return (
        f"<div><strong>Progression path</strong> · {len(steps)} steps in {self.phase_count} phases"
        + _table(("phase", "criterion", "tier", "status", "text"), rows)
        + more
        + "</div>"
    )


def install() -> None:
    """Attach _repr_html_ to the compiled classes."""
    setattr(_core.Framework, "_repr_html_", framework_html)
    setattr(_core.Assessment, "_repr_html_", assessment_html)
    setattr(_core.ScoreResult, "_repr_html_", score_html)
    setattr(_core.GapAnalysis, "_repr_html_", gap_html)
    setattr(_core.ProgressionPath, "_repr_html_", path_html)

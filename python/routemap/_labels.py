"""Chart labels from long names: wrapped, shortened only when they must be, and never shortened to the
same text for two different names (``routemap.plot`` uses these)."""

from __future__ import annotations

import os
import textwrap
from collections import defaultdict
from typing import Dict, List, Optional, Sequence

ELLIPSIS = "…"


def wrap(text: str, width: int, max_lines: Optional[int] = None) -> str:
    """`text` wrapped to lines of at most `width` characters (a longer word keeps a line to itself);
    with `max_lines`, cut after a whole word of the last line, marked with an ellipsis."""
    lines = textwrap.wrap(" ".join(text.split()), width=max(width, 4), break_long_words=False,
                          break_on_hyphens=False) or [text]
    if max_lines is None or len(lines) <= max_lines:
        return "\n".join(lines)
    kept = lines[:max_lines]
    words = kept[-1].split()
    while len(words) > 1 and len(" ".join(words)) + 2 > width:
        words.pop()
    kept[-1] = " ".join(words) + " " + ELLIPSIS
    return "\n".join(kept)


def _distinguishing(name: str, prefix: str) -> List[str]:
    """Shorter ways to write `name` that keep what follows `prefix` (cut back to a whole word): its
    first word, an ellipsis and the rest; an ellipsis and the rest; the rest alone."""
    cut = prefix.rfind(" ") + 1 if not name[len(prefix):len(prefix) + 1].isspace() else len(prefix)
    head, rest = name[:cut].split(), name[cut:].strip()
    if not head or not rest:  # nothing shared at a word boundary: the name itself tells them apart
        return [name]
    return [f"{head[0]} {ELLIPSIS} {rest}", f"{ELLIPSIS} {rest}", rest]


def unique_labels(names: Sequence[str], width: int, max_lines: Optional[int] = None) -> List[str]:
    """Each name wrapped to `width` characters a line and at most `max_lines` lines. Where two different
    names would be shortened to the same label, each shows what tells it apart instead (the words after
    their shared beginning: "Collecting … qualitative data"); the rare labels still equal are numbered.
    Equal names keep equal labels."""
    labels = [wrap(name, width, max_lines) for name in names]
    for indices in _clashes(names, labels):
        prefix = os.path.commonprefix([names[i] for i in indices])
        ways = [_distinguishing(names[i], prefix) for i in indices]
        for choice in range(max(len(w) for w in ways)):
            tried = [wrap(w[min(choice, len(w) - 1)], width, max_lines) for w in ways]
            if not _clashes([names[i] for i in indices], tried):
                break
        for i, label in zip(indices, tried):
            labels[i] = label
    for indices in _clashes(names, labels):
        seen: Dict[str, int] = {}
        for i in indices:
            number = seen.setdefault(names[i], len(seen) + 1)
            labels[i] = f"{labels[i]} ({number})"
    return labels


def _flat(text: str) -> str:
    return " ".join(text.split())


def _clashes(names: Sequence[str], labels: Sequence[str]) -> List[List[int]]:
    """Groups of positions whose labels do not tell their (different) names apart: equal labels, or a
    label shortened to words that begin another name as well."""
    flat = [_flat(name) for name in names]
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, label in enumerate(labels):
        stem = _flat(label)
        shortened = stem.endswith(ELLIPSIS)
        stem = stem.rstrip(ELLIPSIS).rstrip()
        shortened = shortened and bool(stem)  # an ellipsis alone is numbered below, not grouped with all
        for j in range(len(names)):
            if flat[j] != flat[i] and (labels[j] == label or (shortened and flat[j].startswith(stem))):
                parent[root(j)] = root(i)
    groups: Dict[int, List[int]] = defaultdict(list)
    for i in range(len(names)):
        groups[root(i)].append(i)
    return [g for g in groups.values() if len({flat[i] for i in g}) > 1]

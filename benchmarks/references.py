"""Reference implementations of the built-in models, written independently of the C++ code, for the
benchmarks: one in numpy (vectorised over rows) and one in plain Python (a loop over rows). Both follow
docs/scoring.md and give what routemap.score_many gives (levels exactly, scores to 1e-12, NaN and -1
where not applicable); benchmarks/score_many.py asserts that before timing anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

NA_LEVEL = -1


@dataclass
class Layout:
    """The framework's shape: slots are (area, tier) pairs that have criteria, in area then tier order."""
    n_criteria: int
    n_areas: int
    n_domains: int
    n_tiers: int
    slot_area: np.ndarray      # slot -> area index
    slot_tier: np.ndarray      # slot -> tier index
    slot_matrix: np.ndarray    # criteria x slots, the criterion's weight in its slot's column
    area_domain: np.ndarray    # area -> domain index
    slots_of_area: list        # area -> list of slot indices (ascending tier)
    criterion_slot: np.ndarray
    weights: np.ndarray

    @classmethod
    def of(cls, framework) -> "Layout":
        area_index = {a.id: i for i, a in enumerate(framework.areas)}
        domain_index = {d.id: i for i, d in enumerate(framework.domains)}
        tier_index = {t: i for i, t in enumerate(framework.tier_ids)}
        frame = framework.to_frame()
        areas = [area_index[a] for a in frame.area_id]
        tiers = [tier_index[t] for t in frame.tier]
        weights = frame.weight.to_numpy(dtype=np.float64)
        keys = sorted(set(zip(areas, tiers)))
        slot_of = {k: i for i, k in enumerate(keys)}
        criterion_slot = np.array([slot_of[(a, t)] for a, t in zip(areas, tiers)])
        matrix = np.zeros((len(areas), len(keys)))
        matrix[np.arange(len(areas)), criterion_slot] = weights
        area_domain = np.zeros(len(framework.areas), dtype=int)
        for i, a in enumerate(framework.areas):
            area_domain[i] = domain_index[frame.domain_id[frame.area_id == a.id].iloc[0]]
        slots_of_area = [[] for _ in framework.areas]
        for i, (a, _) in enumerate(keys):
            slots_of_area[a].append(i)
        return cls(len(areas), len(framework.areas), len(framework.domains), len(framework.tier_ids),
                   np.array([k[0] for k in keys]), np.array([k[1] for k in keys]), matrix, area_domain,
                   slots_of_area, criterion_slot, weights)


# ------------------------------------------------------------------------------------------------
# numpy: vectorised over rows. Each chunk of rows is transposed once, so that every criterion, slot,
# area and domain is a contiguous vector over the chunk's rows and each step is one whole-vector
# operation (a row-major matrix would make every per-slot step a strided column access). Chunks are
# small enough for their working vectors to stay in cache.


def numpy_scores(layout: Layout, codes: np.ndarray, model: str, partial_credit=0.5, threshold=1.0, chunk=16_384):
    L = layout
    rows = len(codes)
    out = {"area_levels": np.empty((rows, L.n_areas), dtype=np.int32),
           "area_scores": np.empty((rows, L.n_areas)),
           "area_applicable": np.empty((rows, L.n_areas), dtype=bool),
           "domain_levels": np.empty((rows, L.n_domains), dtype=np.int32),
           "domain_scores": np.empty((rows, L.n_domains)),
           "domain_applicable": np.empty((rows, L.n_domains), dtype=bool),
           "overall_levels": np.empty(rows, dtype=np.int32),
           "overall_scores": np.empty(rows),
           "overall_applicable": np.empty(rows, dtype=bool)}
    order = np.argsort(L.criterion_slot, kind="stable")  # criteria grouped by slot
    starts = np.searchsorted(L.criterion_slot[order], np.arange(len(L.slot_tier)))
    w = L.weights[order]
    # A slot whose criteria all weigh the same has weighted sums = its counts x that weight.
    uniform = all(np.all(w[a:b] == w[a]) for a, b in zip(starts, list(starts[1:]) + [len(w)]))
    slot_weight = w[starts][:, None]
    for i in range(0, rows, chunk):
        part = _numpy_chunk(L, np.ascontiguousarray(codes[i:i + chunk].T[order]), model, partial_credit, threshold, starts, w,
                            uniform, slot_weight)
        for key, value in part.items():
            out[key][i:i + chunk] = value.T
    return out


def _numpy_chunk(L: Layout, X, model, partial_credit, threshold, starts, w, uniform, slot_weight):
    """X: criteria (in slot order) x rows. Returns each output transposed (nodes x rows)."""
    rows = X.shape[1]
    ends = list(starts[1:]) + [len(X)]

    def per_slot(values, dtype):
        """Sum of `values` (criteria x rows) over each slot's criteria: a few contiguous vector adds."""
        out = np.empty((len(starts), rows), dtype=dtype)
        for s, (a, b) in enumerate(zip(starts, ends)):
            np.add.reduce(values[a:b], axis=0, dtype=dtype, out=out[s])
        return out

    app_n = per_slot((X != 4).view(np.uint8), np.int16)
    met_n = per_slot((X == 3).view(np.uint8), np.int16)
    used = app_n > 0
    if model == "staged":
        reached = met_n == app_n
    else:
        if uniform:
            met_w = met_n * slot_weight
            app_w = app_n * slot_weight
            if model == "continuous":
                part_w = per_slot((X == 2).view(np.uint8), np.int16) * slot_weight
        else:
            met_w = per_slot((X == 3) * w[:, None], np.float64)
            app_w = per_slot((X != 4) * w[:, None], np.float64)
            if model == "continuous":
                part_w = per_slot((X == 2) * w[:, None], np.float64)
        credit_w = met_w + partial_credit * part_w if model == "continuous" else met_w
        with np.errstate(invalid="ignore", divide="ignore"):
            completion = credit_w / app_w  # NaN for an unused slot
        reached = completion + 1e-12 >= threshold

    def walk(used_rows, reached_rows, tiers):
        """The level walk over tiers in ascending order; also whether any tier is used."""
        level = np.zeros(rows, dtype=np.int32)
        blocked = np.zeros(rows, dtype=bool)
        any_used = np.zeros(rows, dtype=bool)
        for u, ok, t in zip(used_rows, reached_rows, tiers):
            np.copyto(level, t + 1, where=u & ~blocked & ok)
            blocked |= u & ~ok
            any_used |= u
        return level, any_used

    area_level = np.empty((L.n_areas, rows), dtype=np.int32)
    area_score = np.empty((L.n_areas, rows))
    area_app = np.empty((L.n_areas, rows), dtype=bool)
    for a, slots in enumerate(L.slots_of_area):
        level, any_used = walk(used[slots], reached[slots], L.slot_tier[slots])
        area_app[a] = any_used
        area_level[a] = np.where(any_used, level, NA_LEVEL)
        if model == "staged":
            area_score[a] = np.where(any_used, level, np.nan)
        elif model == "continuous":
            total = np.zeros(rows)
            below = np.zeros(rows)
            for s in slots:
                t = L.slot_tier[s]
                total += np.where(used[s], completion[s] * (t + 1 - below), 0.0)
                below = np.where(used[s], t + 1, below)
            area_score[a] = np.where(any_used, total, np.nan)
        else:
            with np.errstate(invalid="ignore", divide="ignore"):
                area_score[a] = met_w[slots].sum(axis=0) / app_w[slots].sum(axis=0)  # NaN when none used

    def combine(levels, scores, applicable, groups):
        """staged and continuous: min of levels, mean of scores, over the applicable children."""
        n = len(groups)
        out_level = np.empty((n, rows), dtype=np.int32)
        out_score = np.empty((n, rows))
        out_app = np.empty((n, rows), dtype=bool)
        for g, children in enumerate(groups):
            app = applicable[children]
            count = app.sum(axis=0)
            lv = np.where(app, levels[children], np.iinfo(np.int32).max).min(axis=0)
            some = count > 0
            if model == "staged":
                sc = lv.astype(np.float64)
            else:
                with np.errstate(invalid="ignore", divide="ignore"):
                    sc = np.where(app, scores[children], 0.0).sum(axis=0) / count
            out_app[g] = some
            out_level[g] = np.where(some, lv, NA_LEVEL)
            out_score[g] = np.where(some, sc, np.nan)
        return out_level, out_score, out_app

    def pooled(slot_mask):
        """coverage's pooled level and score over the slots in slot_mask."""
        tiers = [t for t in range(L.n_tiers) if np.any(slot_mask & (L.slot_tier == t))]
        cols = [slot_mask & (L.slot_tier == t) for t in tiers]
        m = [met_w[c].sum(axis=0) for c in cols]
        a = [app_w[c].sum(axis=0) for c in cols]
        u = [used[c].any(axis=0) for c in cols]
        with np.errstate(invalid="ignore", divide="ignore"):
            ok = [mt / at + 1e-12 >= threshold for mt, at in zip(m, a)]
            level, any_used = walk(u, ok, tiers)
            score = sum(m) / sum(a)
        return np.where(any_used, level, NA_LEVEL), score, any_used

    domain_areas = [np.flatnonzero(L.area_domain == d) for d in range(L.n_domains)]
    if model == "coverage":
        dom = [pooled(np.isin(L.slot_area, areas)) for areas in domain_areas]
        domain_level = np.stack([d[0] for d in dom])
        domain_score = np.stack([d[1] for d in dom])
        domain_app = np.stack([d[2] for d in dom])
        overall_level, overall_score, overall_app = pooled(np.ones(len(L.slot_tier), dtype=bool))
    else:
        domain_level, domain_score, domain_app = combine(area_level, area_score, area_app, domain_areas)
        o_level, o_score, o_app = combine(domain_level, domain_score, domain_app, [np.arange(L.n_domains)])
        overall_level, overall_score, overall_app = o_level[0], o_score[0], o_app[0]
    return {"area_levels": area_level, "area_scores": area_score, "area_applicable": area_app,
            "domain_levels": domain_level, "domain_scores": domain_score, "domain_applicable": domain_app,
            "overall_levels": overall_level, "overall_scores": overall_score, "overall_applicable": overall_app}


# ------------------------------------------------------------------------------------------------
# plain Python: one row at a time, lists and loops


def python_scores(L: Layout, codes, model: str, partial_credit=0.5, threshold=1.0):
    out = {k: [] for k in ("area_levels", "area_scores", "domain_levels", "domain_scores", "overall_levels",
                           "overall_scores")}
    slot_columns = [[] for _ in L.slot_tier]
    for c, s in enumerate(L.criterion_slot):
        slot_columns[s].append(c)
    weights = L.weights.tolist()
    slot_tier = L.slot_tier.tolist()
    domain_areas = [[a for a in range(L.n_areas) if L.area_domain[a] == d] for d in range(L.n_domains)]
    for row in codes.tolist():
        stats = []
        for cols in slot_columns:
            app_n = met_n = 0
            app_w = met_w = part_w = 0.0
            for c in cols:
                code = row[c]
                if code != 4:
                    app_n += 1
                    app_w += weights[c]
                if code == 3:
                    met_n += 1
                    met_w += weights[c]
                elif code == 2:
                    part_w += weights[c]
            stats.append((app_n, met_n, app_w, met_w, part_w))

        def completion(st):
            app_n, met_n, app_w, met_w, part_w = st
            if model == "staged":
                return 1.0 if met_n == app_n else 0.0
            if model == "continuous":
                return (met_w + partial_credit * part_w) / app_w
            return met_w / app_w

        def reaches(c):
            return c == 1.0 if model == "staged" else c + 1e-12 >= threshold

        def walk(tier_stats):
            level, blocked, used_any = 0, False, False
            for t, st in tier_stats:
                if st[0] == 0:
                    continue
                used_any = True
                if blocked:
                    continue
                if reaches(completion(st)):
                    level = t + 1
                else:
                    blocked = True
            return level, used_any

        area_levels, area_scores = [], []
        for a in range(L.n_areas):
            tier_stats = [(slot_tier[s], stats[s]) for s in L.slots_of_area[a]]
            level, used_any = walk(tier_stats)
            if not used_any:
                area_levels.append(NA_LEVEL)
                area_scores.append(math.nan)
                continue
            area_levels.append(level)
            if model == "staged":
                area_scores.append(float(level))
            elif model == "continuous":
                total, below = 0.0, 0
                for t, st in tier_stats:
                    if st[0]:
                        total += completion(st) * (t + 1 - below)
                        below = t + 1
                area_scores.append(total)
            else:
                area_scores.append(sum(st[3] for _, st in tier_stats) / sum(st[2] for _, st in tier_stats))

        def pooled(area_list):
            tiers = {}
            for a in area_list:
                for s in L.slots_of_area[a]:
                    acc = tiers.setdefault(slot_tier[s], [0, 0, 0.0, 0.0, 0.0])
                    for k in range(5):
                        acc[k] += stats[s][k]
            level, used_any = walk(sorted(tiers.items()))
            if not used_any:
                return NA_LEVEL, math.nan
            return level, sum(v[3] for v in tiers.values()) / sum(v[2] for v in tiers.values())

        def combine(levels, scores):
            pairs = [(lv, sc) for lv, sc in zip(levels, scores) if lv != NA_LEVEL]
            if not pairs:
                return NA_LEVEL, math.nan
            level = min(lv for lv, _ in pairs)
            return level, (float(level) if model == "staged" else sum(sc for _, sc in pairs) / len(pairs))

        if model == "coverage":
            domains = [pooled(areas) for areas in domain_areas]
            overall = pooled(range(L.n_areas))
        else:
            domains = [combine([area_levels[a] for a in areas], [area_scores[a] for a in areas]) for areas in domain_areas]
            overall = combine([d[0] for d in domains], [d[1] for d in domains])
        out["area_levels"].append(area_levels)
        out["area_scores"].append(area_scores)
        out["domain_levels"].append([d[0] for d in domains])
        out["domain_scores"].append([d[1] for d in domains])
        out["overall_levels"].append(overall[0])
        out["overall_scores"].append(overall[1])
    return {k: np.array(v) for k, v in out.items()}

"""Scoring on Dask, for when one machine is not enough.

`score_many(framework, statuses)` scores a dask array of status codes (rows = assessments, columns =
criteria in framework order) block by block with :func:`routemap.score_many` and returns dask arrays;
`score_frame(framework, frame)` does the same for a dask DataFrame with one column per criterion
and returns a dask DataFrame with one row per assessment. Nothing runs until you compute. Workers get
the framework by its file (or its id on their search path) and load it once per process.

    import dask.array as da, routemap, routemap.dask
    f = routemap.load("newham-organisation")
    codes = da.from_zarr(...)             # or any dask array of uint8 codes, chunked by rows
    out = routemap.dask.score_many(f, codes, model="continuous")
    out["overall_scores"].mean().compute()
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Optional, Sequence

import numpy as np

from . import _core
from ._errors import Error
from ._status import STATUS_CODES

_OUTPUTS = ("levels", "scores", "applicable")


@dataclass(frozen=True)
class _FrameworkRef:
    """What a worker needs to load the framework: picklable, small."""
    file: str
    id: str
    version: str

    @classmethod
    def of(cls, framework: _core.Framework) -> "_FrameworkRef":
        return cls(framework.file, framework.id, framework.version)

    def load(self) -> _core.Framework:
        return _load(self)


@lru_cache(maxsize=16)
def _load(ref: _FrameworkRef) -> _core.Framework:
    framework = _core.load_framework(ref.file) if ref.file else _core.load(ref.id)
    if framework.id != ref.id or framework.version != ref.version:
        raise Error(f"the worker loaded framework '{framework.id}' {framework.version} from "
                                  f"'{ref.file or 'the search path'}', not '{ref.id}' {ref.version}")
    return framework


def _dask():
    try:
        import dask
        import dask.array
        import dask.dataframe  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("routemap.dask needs Dask: pip install 'dask[array,dataframe]' distributed") from e
    return dask


def _arrays(batch, framework: _core.Framework) -> Dict[str, np.ndarray]:
    out = {}
    for kind in ("area", "domain", "overall"):
        for what in _OUTPUTS:
            value = getattr(batch, f"{kind}_{what}")
            if value is not None:
                out[f"{kind}_{what}"] = value
    return out


def _score_block(ref: _FrameworkRef, block: np.ndarray, model, parameters, levels, scores, threads):
    framework = ref.load()
    batch = _core.score_many(framework, np.ascontiguousarray(block, dtype=np.uint8), model, parameters,
                             levels=levels, scores=scores, threads=threads)
    return _arrays(batch, framework)


def score_many(framework: _core.Framework, statuses: Any, model: Optional[str] = None,
               parameters: Optional[Dict[str, float]] = None, *, levels: bool = True, scores: bool = True,
               threads: int = 1) -> Dict[str, Any]:
    """Score a dask array of status codes (rows x criteria) block by block; returns a dict of dask
    arrays with the names of :class:`routemap.BatchResult`'s arrays (area_levels, area_scores,
    area_applicable, domain_..., overall_...), chunked by rows like the input. `threads` is per task
    (default 1: Dask already runs one task per worker thread)."""
    dask = _dask()
    da = dask.array
    codes = da.asarray(statuses)
    if codes.ndim != 2 or codes.shape[1] != len(framework.criteria):
        raise ValueError(f"routemap.dask.score_many: framework '{framework.id}' has {len(framework.criteria)} "
                         f"criteria, so the array needs shape (rows, {len(framework.criteria)}); got {codes.shape}")
    if codes.dtype.kind not in "iu":
        raise TypeError(f"routemap.dask.score_many: status codes must be integers, got dtype {codes.dtype}")
    codes = codes.rechunk({1: -1})  # whole rows in each block
    ref = _FrameworkRef.of(framework)
    widths = {"area": len(framework.areas), "domain": len(framework.domains), "overall": None}
    dtypes = {"levels": np.int32, "scores": np.float64, "applicable": np.bool_}
    wanted = [w for w in _OUTPUTS if (w != "levels" or levels) and (w != "scores" or scores)]
    parts: Dict[str, list] = {f"{k}_{w}": [] for k in widths for w in wanted}
    for block, rows in zip(codes.to_delayed().ravel(), codes.chunks[0]):
        result = dask.delayed(_score_block, pure=True)(ref, block, model, parameters, levels, scores, threads)
        for kind, width in widths.items():
            for what in wanted:
                key = f"{kind}_{what}"
                shape = (rows,) if width is None else (rows, width)
                parts[key].append(da.from_delayed(result[key], shape=shape, dtype=dtypes[what]))
    return {key: da.concatenate(blocks, axis=0) for key, blocks in parts.items()}


def _code(value):
    """A status name as the CSV format writes it (any case, spaces or hyphens), or a code."""
    if not isinstance(value, str):
        return value
    name = value.strip().lower().replace(" ", "_").replace("-", "_")
    name = {"": "unknown", "n/a": "not_applicable", "na": "not_applicable"}.get(name, name)
    if name not in STATUS_CODES:
        raise ValueError(f"unknown status {value!r}: use met, partial, not_met, not_applicable or unknown")
    return STATUS_CODES[name]


def _frame_partition(frame, ref: _FrameworkRef, columns: Sequence[str], model, parameters):
    import pandas as pd

    framework = ref.load()
    block = frame[list(columns)]
    if not all(pd.api.types.is_numeric_dtype(block[c].dtype) for c in columns):  # status names, as in CSV
        block = block.apply(lambda col: col.map(_code))
    batch = _core.score_many(framework, block.to_numpy(dtype=np.int64), model, parameters, threads=1)
    data = {"overall_level": pd.arrays.IntegerArray(batch.overall_levels.astype("int64"), ~batch.overall_applicable),
            "overall_score": batch.overall_scores}
    for kind, ids in (("domain", framework.domain_ids), ("area", framework.area_ids)):
        levels, scores, mask = (getattr(batch, f"{kind}_levels"), getattr(batch, f"{kind}_scores"),
                                getattr(batch, f"{kind}_applicable"))
        for j, node in enumerate(ids):
            data[f"{node}:level"] = pd.arrays.IntegerArray(levels[:, j].astype("int64"), ~mask[:, j])
            data[f"{node}:score"] = scores[:, j]
    return pd.DataFrame(data, index=frame.index)


def score_frame(framework: _core.Framework, frame: Any, model: Optional[str] = None,
                parameters: Optional[Dict[str, float]] = None, columns: Optional[Sequence[str]] = None) -> Any:
    """Score a dask DataFrame with one column per criterion (codes 0-4 or status names), partition by
    partition; returns a dask DataFrame with the same index and, per row, overall_level,
    overall_score and '<node id>:level' / '<node id>:score' for every domain and area (levels as
    nullable Int64, <NA> where not applicable; scores NaN there)."""
    import pandas as pd

    _dask()
    columns = list(columns or framework.criterion_ids)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"routemap.dask.score_frame: the frame has no column for criteria {missing[:5]}"
                       f"{' ...' if len(missing) > 5 else ''}")
    ref = _FrameworkRef.of(framework)
    meta = _frame_partition(pd.DataFrame({c: pd.Series([0], dtype="int64") for c in columns}), ref, columns,
                            model, parameters).iloc[:0]
    return frame.map_partitions(_frame_partition, ref, columns, model, parameters, meta=meta)

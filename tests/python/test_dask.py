"""routemap.dask: scoring partition by partition on a dask.distributed LocalCluster of two worker
processes, on data larger than one partition, equal to score_many on the whole matrix."""

from __future__ import annotations

import numpy as np
import pytest

import routemap

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.array as da  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import routemap.dask as rmdask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def codes_for(framework, rows, seed):
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 5, size=(rows, len(framework.criteria)), dtype=np.uint8)
    codes[: rows // 4] = np.where(rng.random((rows // 4, codes.shape[1])) < 0.9, 4, codes[: rows // 4])
    return codes


@pytest.mark.parametrize("model", ["staged", "continuous", "coverage"])
def test_dask_array_on_two_workers_equals_score_many(client, organisation, model):
    codes = codes_for(organisation, 20_000, seed=1)
    lazy = rmdask.score_many(organisation, da.from_array(codes, chunks=(3_000, -1)), model=model)
    assert lazy["area_levels"].numblocks[0] == 7  # more than one partition
    got = dask.compute(lazy)[0]
    expected = routemap.score_many(organisation, codes, model=model)
    for key, value in got.items():
        np.testing.assert_array_equal(value, getattr(expected, key), err_msg=key)
    workers = client.run(lambda: 1)
    assert len(workers) == 2


def test_dask_dataframe_with_status_names(client, service):
    codes = codes_for(service, 8_000, seed=2)
    names = np.array(["unknown", "not_met", "partial", "met", "not_applicable"], dtype=object)
    frame = pd.DataFrame(names[codes], columns=service.criterion_ids)
    lazy = rmdask.score_frame(service, dd.from_pandas(frame, npartitions=4), model="continuous")
    assert lazy.npartitions == 4
    out = lazy.compute()
    expected = routemap.score_many(service, codes, model="continuous")
    np.testing.assert_array_equal(out["overall_score"].to_numpy(), expected.overall_scores)
    area = service.area_ids[0]
    levels = out[f"{area}:level"]
    assert str(levels.dtype) == "Int64"
    mask = expected.area_applicable[:, 0]
    assert levels[~mask].isna().all()
    np.testing.assert_array_equal(levels[mask].to_numpy(dtype=np.int64), expected.area_levels[mask, 0])


def test_bad_shapes_are_refused(service):
    with pytest.raises(ValueError, match="criteria, so the array needs shape"):
        rmdask.score_many(service, da.zeros((10, 3), dtype=np.uint8))
    with pytest.raises(TypeError, match="must be integers"):
        rmdask.score_many(service, da.zeros((10, len(service.criteria)), dtype=float))

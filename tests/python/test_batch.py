"""score_many: a numpy matrix scored in C++, equal to scoring each row on its own."""

from __future__ import annotations

import threading
import zlib

import numpy as np
import pytest

import routemap

MODELS = ["staged", "continuous", "coverage", "eds-rating"]


def random_codes(framework, rows, seed):
    rng = np.random.default_rng(seed)
    # Mostly met and partial, so that levels above 0 occur; every code appears.
    return rng.choice(np.array([0, 1, 2, 3, 3, 3, 3, 4], dtype=np.uint8), size=(rows, len(framework.criteria)))


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("framework_id", ["newham-service", "newham-organisation", "larch-remi", "newham-individual"])
def test_equal_to_one_by_one_scoring(framework_id, model):
    framework = routemap.load(framework_id)
    codes = random_codes(framework, 25, seed=zlib.crc32(f"{framework_id}/{model}".encode()))
    codes[0] = 3  # one row fully met
    batch = routemap.score_many(framework, codes, model=model)
    assert batch.rows == len(batch) == 25
    assert batch.model == model
    assert batch.area_ids == framework.area_ids and batch.domain_ids == framework.domain_ids
    assert batch.area_levels.shape == (25, len(framework.areas))
    assert batch.domain_scores.shape == (25, len(framework.domains))
    assert batch.overall_levels.shape == (25,)
    assert batch.area_levels.dtype == np.int32 and batch.area_scores.dtype == np.float64
    def level(node):  # not applicable: None one by one, -1 (masked) in the batch
        return -1 if node.level is None else node.level

    for r, row in enumerate(codes):
        one = routemap.score_statuses(framework, row.tolist(), model=model)
        assert batch.overall_levels[r] == level(one.overall)
        np.testing.assert_array_equal(batch.overall_scores[r], one.overall.score)
        assert batch.domain_levels[r].tolist() == [level(d) for d in one.domains]
        np.testing.assert_array_equal(batch.domain_scores[r], [d.score for d in one.domains])
        assert batch.area_levels[r].tolist() == [level(a) for a in one.areas]
        np.testing.assert_array_equal(batch.area_scores[r], [a.score for a in one.areas])
        assert batch.area_applicable[r].tolist() == [a.applicable for a in one.areas]
    assert batch.overall_levels.max() > 0 or model == "eds-rating"


def test_equal_to_scoring_assessments(service):
    codes = random_codes(service, 6, seed=11)
    batch = routemap.score_many(service, codes, model="continuous")
    for r, row in enumerate(codes):
        s = routemap.score(service, routemap.Assessment.from_statuses(service, row), model="continuous")
        assert batch.area_scores[r] == pytest.approx([a.score for a in s.areas])


def test_c_contiguous_uint8_is_read_in_place(service):
    codes = random_codes(service, 50, seed=1)
    assert codes.flags.c_contiguous and codes.dtype == np.uint8
    fast = routemap.score_many(service, codes)
    assert fast.input_copied is False
    readonly = codes.copy()
    readonly.flags.writeable = False
    assert routemap.score_many(service, readonly).input_copied is False
    # Rows of a wider uint8 matrix: adjacent columns, a longer row stride, still no copy.
    wide = np.zeros((50, len(service.criteria) + 7), dtype=np.uint8)
    wide[:, 3:3 + len(service.criteria)] = codes
    view = wide[:, 3:3 + len(service.criteria)]
    assert not view.flags.c_contiguous
    sliced = routemap.score_many(service, view)
    assert sliced.input_copied is False
    assert np.array_equal(sliced.area_levels, fast.area_levels)


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64, np.uint16, np.uint64])
def test_other_integer_dtypes_are_converted_once(service, dtype):
    codes = random_codes(service, 20, seed=2)
    reference = routemap.score_many(service, codes, model="coverage")
    other = routemap.score_many(service, codes.astype(dtype), model="coverage")
    assert other.input_copied is True
    assert np.array_equal(other.area_levels, reference.area_levels)
    assert np.array_equal(other.overall_scores, reference.overall_scores)


def test_fortran_order_and_lists_work(service):
    codes = random_codes(service, 8, seed=4)
    reference = routemap.score_many(service, codes)
    fortran = np.asfortranarray(codes)
    result = routemap.score_many(service, fortran)
    assert result.input_copied is True
    assert np.array_equal(result.area_levels, reference.area_levels)
    assert np.array_equal(routemap.score_many(service, codes.tolist()).area_levels, reference.area_levels)


def test_empty_matrix(service):
    result = routemap.score_many(service, np.zeros((0, len(service.criteria)), dtype=np.uint8))
    assert result.rows == 0
    assert result.area_levels.shape == (0, len(service.areas))


def test_parameters_and_registry(service):
    codes = random_codes(service, 10, seed=5)
    lenient = routemap.score_many(service, codes, model="coverage", parameters={"level_threshold": 0.5})
    strict = routemap.score_many(service, codes, model="coverage", parameters={"level_threshold": 1.0})
    assert (lenient.overall_levels >= strict.overall_levels).all()
    registry = routemap.Registry(load_plugins=False)
    assert np.array_equal(routemap.score_many(service, codes, registry=registry).area_levels,
                          routemap.score_many(service, codes).area_levels)
    with pytest.raises(routemap.NotFoundError):
        routemap.score_many(service, codes, model="eds-rating", registry=registry)


def test_arrays_outlive_the_result(service):
    levels = routemap.score_many(service, random_codes(service, 5, seed=6)).area_levels
    assert levels.base is not None  # owned by the result's buffer, not copied
    levels.sum()  # still valid after the BatchResult is gone


def test_runs_in_threads(service):
    # With the GIL released, several threads score at once and each gets its own exact result.
    codes = [random_codes(service, 400, seed=s) for s in range(4)]
    expected = [routemap.score_many(service, c).overall_scores for c in codes]
    results = [None] * 4

    def work(i):
        results[i] = routemap.score_many(service, codes[i]).overall_scores

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for got, want in zip(results, expected):
        assert np.array_equal(got, want)


def test_frame_and_dict(service):
    codes = random_codes(service, 3, seed=8)
    batch = routemap.score_many(service, codes)
    frame = batch.to_frame()
    assert list(frame.columns) == ["row", "kind", "id", "applicable", "level", "score"]
    assert len(frame) == 3 * (1 + len(service.domains) + len(service.areas))
    areas = frame[(frame.kind == "area") & (frame.row == 2)]
    assert areas.id.tolist() == service.area_ids
    assert areas.level.tolist() == batch.area_levels[2].tolist()
    overall = frame[frame.kind == "overall"]
    assert overall.score.tolist() == batch.overall_scores.tolist()
    d = batch.to_dict()
    assert set(d) == {"area_ids", "domain_ids", "area_levels", "area_scores", "domain_levels", "domain_scores",
                      "overall_levels", "overall_scores", "area_applicable", "domain_applicable", "overall_applicable"}
    assert d["area_levels"] is batch.area_levels
    assert repr(batch) == (f"<BatchResult newham-service (staged): 3 assessments x {len(service.areas)} areas, "
                           f"{len(service.domains)} domains>")


ARRAYS = ["area_levels", "area_scores", "domain_levels", "domain_scores", "overall_levels", "overall_scores",
          "area_applicable", "domain_applicable", "overall_applicable", "area_tier_scores", "domain_tier_scores",
          "overall_tier_scores"]


@pytest.mark.parametrize("model", MODELS)
def test_out_writes_in_place_what_a_new_call_gives(organisation, model):
    first = random_codes(organisation, 3000, seed=31)
    second = random_codes(organisation, 3000, seed=32)
    out = routemap.score_many(organisation, first, "coverage", tier_scores=True)
    views = {name: getattr(out, name) for name in ARRAYS}
    held = out.overall_scores[:10]  # a view taken before: it sees the new values
    for threads in (1, 2):
        again = routemap.score_many(organisation, second, model, tier_scores=True, threads=threads, out=out)
        assert again is out and out.model == model and out.threads == threads
        fresh = routemap.score_many(organisation, second, model, tier_scores=True, threads=threads)
        for name in ARRAYS:
            got = getattr(out, name)
            assert np.shares_memory(got, views[name]), name  # the same memory, written in place
            assert np.array_equal(got, getattr(fresh, name), equal_nan=True), name
        assert np.array_equal(held, fresh.overall_scores[:10], equal_nan=True)
    # Any other integer array (converted first) can be scored into it too.
    routemap.score_many(organisation, first.astype(np.int64), model, tier_scores=True, out=out)
    assert out.input_copied
    assert np.array_equal(out.area_levels, routemap.score_many(organisation, first, model).area_levels)


def test_out_must_have_the_shape_of_the_result(organisation, service):
    codes = random_codes(organisation, 50, seed=33)
    out = routemap.score_many(organisation, codes)
    before = out.overall_scores.copy()
    with pytest.raises(ValueError, match="50 rows, this call 49"):
        routemap.score_many(organisation, codes[:49], out=out)
    with pytest.raises(ValueError, match="other arrays"):
        routemap.score_many(organisation, codes, levels=False, out=out)
    with pytest.raises(ValueError, match="other arrays"):
        routemap.score_many(organisation, codes, tier_scores=True, out=out)
    with pytest.raises(ValueError, match="framework 'newham-organisation'"):
        routemap.score_many(service, random_codes(service, 50, seed=34), out=out)
    with pytest.raises(TypeError):
        routemap.score_many(organisation, codes, out=np.empty(50))
    assert np.array_equal(out.overall_scores, before, equal_nan=True)  # nothing written by a refused call


def test_out_refuses_status_codes_in_its_own_memory(organisation):
    rows = 2000
    out = routemap.score_many(organisation, random_codes(organisation, rows, seed=35))
    before = out.area_scores.copy()
    # uint8 rows with adjacent columns are read in place: here, inside out's area scores.
    inside = np.lib.stride_tricks.as_strided(out.area_scores.view(np.uint8), shape=(rows, len(organisation.criteria)),
                                             strides=(out.area_scores.strides[0], 1))
    with pytest.raises(routemap.Error, match="memory of the output"):
        routemap.score_many(organisation, inside, out=out)
    assert np.array_equal(out.area_scores, before, equal_nan=True)


def test_out_from_several_threads_at_once(organisation):
    # Calls into one result take turns: whichever ran last, the arrays hold one call's whole answer.
    codes = [random_codes(organisation, 5000, seed=s) for s in (36, 37)]
    expected = [routemap.score_many(organisation, c).overall_scores for c in codes]
    out = routemap.score_many(organisation, codes[0])

    def work(i):
        for _ in range(5):
            routemap.score_many(organisation, codes[i], out=out)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert any(np.array_equal(out.overall_scores, e, equal_nan=True) for e in expected)

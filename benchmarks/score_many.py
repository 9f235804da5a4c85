"""score_many side by side with a numpy and a plain-Python implementation of each built-in model
(benchmarks/references.py), on newham-organisation, at 10^4, 10^5 and 10^6 rows, 1 and 2 threads.

    python benchmarks/score_many.py [--rows 10000 100000 1000000] [--python-rows 20000]

Before timing anything, each reference is asserted to give what score_many gives on the same rows
(levels and masks exactly, scores to 1e-12, NaN included). Times are CPU-independent wall-clock
medians of repeated runs (time.perf_counter); the pure-Python loop is timed on fewer rows and
reported per row. Peak memory is measured in a child process per case (its VmHWM), minus the
process's peak before the call, and printed beside the size of the output arrays.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import routemap  # noqa: E402
from references import Layout, numpy_scores, python_scores  # noqa: E402

MODELS = ["staged", "continuous", "coverage"]
FRAMEWORK = "newham-organisation"


def random_codes(n_rows, n_criteria, seed=1):
    rng = np.random.default_rng(seed)
    # Realistic mix: mostly met / partial / not met, some unknown, a few not applicable.
    return rng.choice(np.array([0, 1, 2, 3, 3, 3, 4], dtype=np.uint8), size=(n_rows, n_criteria))


def check_same(batch, ref, what):
    for key, expected in ref.items():
        got = getattr(batch, key)
        if "levels" in key or "applicable" in key:
            np.testing.assert_array_equal(got, expected, err_msg=f"{what}: {key}")
        else:
            np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12, equal_nan=True, err_msg=f"{what}: {key}")


def timed(function, repeat):
    """Median wall time and median CPU time (every thread of the process) of `repeat` calls. On a
    machine shared with other jobs the wall time grows with their load; the CPU time much less."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def timed_pair(first, second, repeat):
    """Median wall times of two functions called in turn, so that the machine's drift touches both alike."""
    times = ([], [])
    for _ in range(repeat):
        for function, into in zip((first, second), times):
            start = time.perf_counter()
            function()
            into.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def child_peak(rows, model, threads):
    """Peak resident memory added by one score_many call, measured in a fresh process. The peak is the
    process's own high-water mark (VmHWM): Linux carries ru_maxrss over exec, so a child started by a
    large parent would otherwise begin at the parent's peak and show nothing added."""
    code = f"""
import resource, numpy as np, routemap, json

def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

f = routemap.load({FRAMEWORK!r})
codes = np.empty(({rows}, len(f.criteria)), dtype=np.uint8)
rng = np.random.default_rng(1)
for i in range(0, {rows}, 10_000):  # in small pieces, so that making the input sets no peak of its own
    codes[i:i + 10_000] = rng.integers(0, 5, size=codes[i:i + 10_000].shape, dtype=np.uint8)
before = peak_kb()
b = routemap.score_many(f, codes, model={model!r}, threads={threads})
after = peak_kb()
out = sum(getattr(b, k).nbytes for k in dir(b) if k.endswith(('_levels', '_scores', '_applicable')) and getattr(b, k) is not None)
print(json.dumps({{"peak_kb": after - before, "output_kb": out // 1024}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--python-rows", type=int, default=20_000)
    args = parser.parse_args()

    framework = routemap.load(FRAMEWORK)
    layout = Layout.of(framework)
    n = len(framework.criteria)
    print(f"{FRAMEWORK}: {n} criteria, {len(framework.areas)} areas, {len(framework.domains)} domains; "
          f"{routemap.__version__}, numpy {np.__version__}")

    # 1. Identical results first (NaN included: a quarter of the check rows are mostly not applicable).
    check = random_codes(4000, n, seed=2)
    check[:1000] = np.where(np.random.default_rng(3).random((1000, n)) < 0.9, 4, check[:1000])
    for model in MODELS:
        batch = routemap.score_many(framework, check, model=model)
        check_same(batch, numpy_scores(layout, check, model), f"numpy {model}")
        small = check[::20]
        py = python_scores(layout, small, model)
        for key, value in py.items():
            got = getattr(batch, key)[::20]
            if "levels" in key:
                np.testing.assert_array_equal(got, value, err_msg=f"python {model}: {key}")
            else:
                np.testing.assert_allclose(got, value, rtol=1e-12, atol=1e-12, equal_nan=True,
                                           err_msg=f"python {model}: {key}")
    print("checked: score_many == numpy reference == Python reference on 4,000 rows (200 for Python), every model\n")

    # 2. Timings.
    header = f"{'rows':>9} {'model':<11} {'score_many 1 thr':>17} {'2 thr':>9} {'numpy':>9} {'python':>9}" \
             f" {'vs numpy':>9} {'vs python':>10} {'2-thr speed-up':>15} {'CPU: 1 thr':>11} {'numpy':>9} {'vs numpy':>9}" \
             f" {'out=: 1 thr':>12} {'2 thr':>9} {'2-thr speed-up':>15}"
    print(header)
    print("-" * len(header))
    py_codes = random_codes(args.python_rows, n, seed=4)
    python_per_row = {m: timed(lambda m=m: python_scores(layout, py_codes, m), 1)[0] / args.python_rows for m in MODELS}
    results = []
    for rows in args.rows:
        codes = random_codes(rows, n)
        repeat = 5 if rows <= 100_000 else 3
        for model in MODELS:
            one, one_cpu = (t / rows for t in timed(lambda: routemap.score_many(framework, codes, model=model, threads=1), repeat))
            two = timed(lambda: routemap.score_many(framework, codes, model=model, threads=2), repeat)[0] / rows
            ref, ref_cpu = (t / rows for t in timed(lambda: numpy_scores(layout, codes, model), max(1, repeat - 2)))
            py = python_per_row[model]
            # Into the arrays of an earlier result (out=): no new memory for the system to clear.
            outs = {t: routemap.score_many(framework, codes, model=model, threads=t) for t in (1, 2)}
            into_one, into_two = (t / rows for t in timed_pair(
                lambda: routemap.score_many(framework, codes, model=model, threads=1, out=outs[1]),
                lambda: routemap.score_many(framework, codes, model=model, threads=2, out=outs[2]), repeat + 2))
            del outs
            results.append({"rows": rows, "model": model, "one": one, "two": two, "numpy": ref, "python": py,
                            "one_cpu": one_cpu, "numpy_cpu": ref_cpu, "into_one": into_one, "into_two": into_two})
            print(f"{rows:>9,} {model:<11} {one * 1e6:>13.3f} µs {two * 1e6:>6.3f} µs {ref * 1e6:>6.3f} µs"
                  f" {py * 1e6:>6.1f} µs {ref / one:>8.1f}x {py / one:>9.0f}x {one / two:>14.2f}x"
                  f" {one_cpu * 1e6:>8.3f} µs {ref_cpu * 1e6:>6.3f} µs {ref_cpu / one_cpu:>8.1f}x"
                  f" {into_one * 1e6:>9.3f} µs {into_two * 1e6:>6.3f} µs {into_one / into_two:>14.2f}x")
    print("\n(per row, medians; 'vs' columns are how many times faster score_many on one thread is; the CPU"
          " columns are process CPU time, less sensitive to other jobs on the machine)\n")

    largest = max(args.rows)
    print(f"Issue 10's targets at {largest:,} rows, one thread (wall time; CPU time in brackets):")
    for r in results:
        if r["rows"] != largest:
            continue
        print(f"  {r['model']:<11} score_many is {r['numpy'] / r['one']:.1f}x as fast as numpy"
              f" ({r['numpy_cpu'] / r['one_cpu']:.1f}x; target >= 3x), {r['python'] / r['one']:.0f}x as fast as"
              f" Python (target >= 100x); 2 threads are {r['one'] / r['two']:.2f}x one (target close to 2x),"
              f" {r['into_one'] / r['into_two']:.2f}x into an earlier result (out=)")
    print()

    print(f"{'rows':>9} {'model':<11} {'threads':>7} {'peak added':>12} {'output arrays':>14}")
    for rows in args.rows:
        for threads in (1, 2):
            m = child_peak(rows, "continuous", threads)
            print(f"{rows:>9,} {'continuous':<11} {threads:>7} {m['peak_kb'] / 1024:>9.1f} MB {m['output_kb'] / 1024:>11.1f} MB")
    return results


if __name__ == "__main__":
    main()

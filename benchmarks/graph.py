"""Load, gap and path on synthetic frameworks (benchmarks/generate_framework.py) of 10^4 and 10^5
criteria with sparse and dense `requires`: in-process (the C++ routemap_benchmark) and as whole CLI
processes (`score`, `gap`, `path`, `report`, the gap of the same assessment as JSON, and gap and path
without the framework cache), with their peak memory.

    python benchmarks/graph.py --build build [--sizes 10000 100000] [--out build/bench]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_framework import generate  # noqa: E402


class _Popen(subprocess.Popen):
    """Popen that keeps the child's own peak memory and processor time (wait4), not those of all children."""
    rusage_maxrss_mb = 0.0
    rusage_cpu_s = 0.0

    def _try_wait(self, wait_flags):
        pid, status, usage = os.wait4(self.pid, wait_flags)
        if pid == self.pid:
            self.rusage_maxrss_mb = usage.ru_maxrss / 1024.0
            self.rusage_cpu_s = usage.ru_utime + usage.ru_stime
        return pid, status


def run(command, env=None):
    """Wall time, processor time (user + system) and peak RSS (MB) of one child process (its own rusage,
    through wait4). On a shared machine the wall time also counts waiting for a core; the processor
    time does not."""
    start = time.perf_counter()
    child = _Popen([str(c) for c in command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    stdout, stderr = child.communicate()
    elapsed = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({child.returncode}):\n{stderr[-2000:]}")
    return elapsed, child.rusage_cpu_s, child.rusage_maxrss_mb, stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=HERE.parent / "build")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or args.build / "bench"
    (out / "frameworks").mkdir(parents=True, exist_ok=True)
    bench = args.build / "benchmarks" / "routemap_benchmark"
    cli = args.build / "src" / "cli" / "routemap"
    print(f"{'framework':<28} {'what':<30} {'time (processor time)':>24} {'peak memory':>12}")
    for size in args.sizes:
        for density in ("sparse", "dense"):
            framework, assessment = generate(size, density, out)
            # On the search path (--path OUT looks in OUT/frameworks), beside the frameworks of the
            # sizes and densities before it: the CLI finds its framework among them.
            framework = framework.replace(out / "frameworks" / framework.name)
            name = framework.stem
            # The framework cache (docs/performance.md): a directory of the benchmark's own, emptied
            # here, so that the first command below reads the text (and fills it) and the others use it.
            cache = out / "cache"
            shutil.rmtree(cache, ignore_errors=True)
            _, _, _, text = run([bench, "graph", framework, assessment, out / "bench-cache"])
            for line in text.splitlines()[1:]:
                print(f"{name:<28} {'in-process: ' + line.strip():<60}")
            as_json = out / f"{name}-assessment.json"
            run([cli, "--path", out, "convert", assessment, "-o", as_json, "--force"], env=dict(os.environ, ROUTEMAP_NO_CACHE="1"))
            warm = dict(os.environ, ROUTEMAP_CACHE_DIR=str(cache))
            cold = dict(os.environ, ROUTEMAP_NO_CACHE="1")
            for label, command, env in (
                    ("validate (fills cache)", ["validate", framework], warm),
                    ("score", ["score", assessment], warm),
                    ("gap", ["gap", assessment], warm),
                    ("path", ["path", assessment], warm),
                    ("report", ["report", assessment, "-o", out / f"{name}.html"], warm),
                    ("gap, JSON assessment", ["gap", as_json], warm),
                    ("gap, no cache", ["gap", assessment], cold),
                    ("path, no cache", ["path", assessment], cold)):
                elapsed, cpu, peak, _ = run([cli, "--path", out, *command], env=env)
                print(f"{name:<28} {'routemap ' + label:<30} {elapsed * 1e3:>7.0f} ms (cpu {cpu * 1e3:.0f} ms)"
                      f" {peak:>9.0f} MB")

if __name__ == "__main__":
    main()

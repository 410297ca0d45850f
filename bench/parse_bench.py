#!/usr/bin/env python3
"""Parser throughput: `portalis parse` vs CPython's ast.parse on the same
files (the stdlib, site-packages excluded), one core each, in the same run.
Both figures exclude reading files: portalis reports its own lex+parse time,
and ast.parse runs on bytes already in memory. Times are CPU times (thread
CPU clock for portalis, process_time for CPython), so that a busy machine
does not distort the ratio; wall-clock figures are printed beside them.
    python3 bench/parse_bench.py --portalis build/bin/portalis [--repeat 3]
"""
import argparse
import ast
import os
import re
import subprocess
import sys
import sysconfig
import time
import warnings


def stdlib_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != "site-packages")
        out += [os.path.join(d, f) for f in files if f.endswith(".py")]
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs for each side")
    a = ap.parse_args()
    files = stdlib_files(a.stdlib)
    sources = []
    for f in files:
        with open(f, "rb") as fh:
            sources.append(fh.read())
    nbytes = sum(len(s) for s in sources)
    nlines = sum(s.count(b"\n") for s in sources)

    best_py = None
    wall_py = None
    for _ in range(a.repeat):
        w0 = time.perf_counter()
        t0 = time.process_time()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for s in sources:
                try:
                    ast.parse(s)
                except (SyntaxError, ValueError):
                    pass
        dt = time.process_time() - t0
        best_py = dt if best_py is None else min(best_py, dt)
        w = time.perf_counter() - w0
        wall_py = w if wall_py is None else min(wall_py, w)

    best_us = None
    wall_us = None
    for _ in range(a.repeat):
        cmd = [a.portalis] if a.portalis.endswith("_bench") else [a.portalis, "parse"]
        p = subprocess.run(cmd + files, capture_output=True, text=True)
        m = re.search(r"seconds: ([0-9.]+), cpu_seconds: ([0-9.]+)", p.stdout)
        if not m:
            print("could not read portalis summary:", p.stdout[:500], p.stderr[:500])
            return 1
        dt = float(m.group(2))
        best_us = dt if best_us is None else min(best_us, dt)
        w = float(m.group(1))
        wall_us = w if wall_us is None else min(wall_us, w)
    summary = p.stdout.splitlines()[0]

    mb = nbytes / 1e6
    print(f"files: {len(files)}, bytes: {nbytes}, lines: {nlines}")
    print(f"portalis parse : {best_us:8.3f} s  {mb / best_us:8.1f} MB/s  {nlines / best_us / 1e6:6.2f} M lines/s")
    print(f"ast.parse      : {best_py:8.3f} s  {mb / best_py:8.1f} MB/s  {nlines / best_py / 1e6:6.2f} M lines/s")
    print(f"ratio          : {best_py / best_us:.1f}x faster than ast.parse (CPU time)")
    print(f"wall clock     : portalis {wall_us:.3f} s, ast.parse {wall_py:.3f} s, ratio {wall_py / wall_us:.1f}x")
    print(f"portalis summary: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

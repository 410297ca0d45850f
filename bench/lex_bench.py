#!/usr/bin/env python3
"""Lexer throughput: our serial lexer (bench/lex_bench.cc, `portalis_lex_bench`)
against CPython's tokenize on the same files (the stdlib, site-packages
excluded), one core each, in the same run. Both sides exclude file reading
and use CPU time (thread CPU clock for ours, process_time for tokenize), so a
busy machine distorts the ratio less; wall-clock figures are printed too.
    python3 bench/lex_bench.py --bench build/bin/portalis_lex_bench [--every 1]
--every N times tokenize on every Nth file only (it is ~100x slower) and
compares the rates.
"""
import argparse
import io
import os
import re
import subprocess
import sysconfig
import time
import tokenize


def stdlib_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != "site-packages")
        out += [os.path.join(d, f) for f in files if f.endswith(".py")]
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True, help="path of portalis_lex_bench")
    ap.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--every", type=int, default=1)
    a = ap.parse_args()

    out = subprocess.run([a.bench, "--repeat", str(a.repeat), a.stdlib], capture_output=True, text=True,
                         check=True).stdout
    print(out, end="")
    ours_cpu = float(re.search(r"by CPU time: [\d.]+ s\s+([\d.]+) MB/s", out).group(1))
    ours_wall = float(re.search(r"best of \d+: [\d.]+ s\s+([\d.]+) MB/s", out).group(1))

    files = stdlib_files(a.stdlib)[:: a.every]
    sources = [open(f, "rb").read() for f in files]
    nbytes = sum(len(s) for s in sources)
    w0, t0 = time.perf_counter(), time.process_time()
    ntok = 0
    for s in sources:
        try:
            for _ in tokenize.tokenize(io.BytesIO(s).readline):
                ntok += 1
        except Exception:
            pass
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    py_cpu, py_wall = nbytes / cpu / 1e6, nbytes / wall / 1e6
    print("tokenize: %d files, %d bytes, %d tokens: CPU %.2f s  %.2f MB/s  (wall %.2f MB/s)" %
          (len(files), nbytes, ntok, cpu, py_cpu, py_wall))
    print("ratio (CPU time): %.0fx faster than tokenize; wall clock: %.0fx" % (ours_cpu / py_cpu, ours_wall / py_wall))


if __name__ == "__main__":
    main()

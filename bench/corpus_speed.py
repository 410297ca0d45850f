#!/usr/bin/env python3
"""Speed of the translated corpus programs against CPython running the same
program, measured in the same run: best-of-N wall time per program, the ratio
CPython / Rust, and the median ratio per tier. Only programs whose translation
prints exactly the expected bytes are timed (a wrong program has no speed).

    bench/corpus_speed.py --portalis build/bin/portalis --corpus ../shared/corpus \
        --work /tmp/portalis-speed [--repeat 5]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def best_time(cmd, repeat, env=None):
    best = None
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, env=env)
        dt = time.perf_counter() - t0
        out = (p.returncode, p.stdout)
        best = dt if best is None or dt < best else best
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", default="", help="prefix filter, e.g. t4")
    args = ap.parse_args()

    ws = os.path.join(args.work, "ws")
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    subprocess.run([args.portalis, "translate", args.corpus, "-o", ws], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    cenv = dict(env, CARGO_TARGET_DIR=os.path.join(args.work, "target"))
    # A crate that does not build must not hide the others: build each binary.
    progs = sorted(f[:-3] for f in os.listdir(args.corpus)
                   if f.endswith(".py") and f.startswith(args.only))
    rows = []
    for name in progs:
        b = subprocess.run(["cargo", "build", "--offline", "--release", "-q", "--manifest-path",
                            os.path.join(ws, "Cargo.toml"), "--bin", name], capture_output=True, env=cenv)
        if b.returncode != 0:
            rows.append((name, None, None, "build failed"))
            continue
        exe = os.path.join(args.work, "target", "release", name)
        want = open(os.path.join(args.corpus, name + ".out"), "rb").read()
        rt, (rc, out) = best_time([exe], args.repeat)
        if rc != 0 or out != want:
            rows.append((name, None, None, "output differs"))
            continue
        py, _ = best_time([sys.executable, os.path.join(args.corpus, name + ".py")], args.repeat)
        rows.append((name, py, rt, ""))

    print(f"{'program':<28}{'CPython ms':>12}{'Rust ms':>10}{'ratio':>9}")
    tiers = {}
    for name, py, rt, why in rows:
        if py is None:
            print(f"{name:<28}{'':>12}{'':>10}{'':>9}  {why}")
            continue
        ratio = py / rt
        tiers.setdefault(name[:2], []).append(ratio)
        print(f"{name:<28}{py * 1e3:>12.1f}{rt * 1e3:>10.1f}{ratio:>8.1f}x")
    for t in sorted(tiers):
        r = tiers[t]
        print(f"{t}: {len(r)} programs timed, median {statistics.median(r):.1f}x, "
              f"min {min(r):.1f}x, max {max(r):.1f}x")
    allr = [x for r in tiers.values() for x in r]
    if allr:
        print(f"all: {len(allr)} programs timed, median {statistics.median(allr):.1f}x")


if __name__ == "__main__":
    main()

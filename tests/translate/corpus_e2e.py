#!/usr/bin/env python3
"""End-to-end corpus test: translate every corpus program into ONE Cargo
workspace, build it with one `cargo build --offline --release`, run each
binary, compare stdout bytes with NAME.out and the exit status with 0.

Prints pass counts per tier (t1..t4) and the fraction of functions typed
statically; fails when a tier falls below the ratchet file's threshold.
    corpus_e2e.py --tool BIN --runtime DIR --corpus DIR --work DIR [--update-ratchet]
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RATCHET = os.path.join(HERE, "corpus_ratchet.txt")
TIERS = ["t1", "t2", "t3", "t4"]


def read_ratchet():
    # "t1 15": programs that must pass; "static_t1 74": functions that must be typed statically.
    r = {t: 0 for t in TIERS}
    r.update({"static_" + t: 0 for t in TIERS})
    if os.path.exists(RATCHET):
        for line in open(RATCHET):
            line = line.split("#")[0].strip()
            if line:
                k, v = line.split()
                r[k] = int(v)
    return r


def write_ratchet(counts, fn_static):
    with open(RATCHET, "w") as f:
        f.write("# Minimum passing corpus programs per tier, then minimum functions typed statically\n")
        f.write("# per tier (corpus_e2e.py --update-ratchet).\n")
        for t in TIERS:
            f.write(f"{t} {counts[t]}\n")
        for t in TIERS:
            f.write(f"static_{t} {fn_static[t]}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--only", default="", help="regex of program names")
    ap.add_argument("--update-ratchet", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()

    progs = sorted(f[:-3] for f in os.listdir(args.corpus) if f.endswith(".py") and f[:2] in TIERS)
    if args.only:
        progs = [p for p in progs if re.search(args.only, p)]
    ws = os.path.join(args.work, "ws")
    # Keep target/ between runs (incremental), rewrite the sources.
    for root, dirs, files in os.walk(ws):
        if "target" in dirs:
            dirs.remove("target")
        for f in files:
            if f.endswith(".rs") or f == "Cargo.toml":
                os.remove(os.path.join(root, f))
    os.makedirs(ws, exist_ok=True)
    t0 = time.time()
    tr = subprocess.run([args.tool, ws, os.path.abspath(args.runtime)] + [os.path.join(args.corpus, p + ".py") for p in progs],
                        capture_output=True, text=True)
    stat = {}
    bins = {}
    for line in tr.stdout.splitlines():
        m = re.match(r"(\S+) (\S+) static=(\d+) dynamic=(\d+) stubs=(\d+) bin=(\S*)", line)
        if m:
            stat[m.group(1)] = (m.group(2), int(m.group(3)), int(m.group(4)), int(m.group(5)))
            bins[m.group(1)] = m.group(6)
    if args.verbose:
        print(tr.stdout)
    print(f"translated {len(stat)}/{len(progs)} in {time.time() - t0:.1f}s")
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(args.work, "target"))
    t0 = time.time()
    # Build crate by crate inside one workspace invocation; a crate that fails
    # to build must not hide the others, so retry excluding failures.
    failed_build = set()
    members = [p for p in progs if p in stat]
    while True:
        cmd = ["cargo", "build", "--offline", "--release", "-q", "--manifest-path", os.path.join(ws, "Cargo.toml")]
        todo = [p for p in members if p not in failed_build]
        if not todo:
            break
        for p in todo:
            cmd += ["-p", p]
        b = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if b.returncode == 0:
            break
        bad = set(re.findall(r"could not compile `([^`]+)`", b.stderr))
        if not bad or bad <= failed_build:
            print(b.stderr[-4000:])
            failed_build |= set(todo)
            break
        if args.verbose:
            print(b.stderr[-6000:])
        failed_build |= bad
    print(f"built in {time.time() - t0:.1f}s; build failures: {sorted(failed_build)}")
    counts = {t: 0 for t in TIERS}
    totals = {t: 0 for t in TIERS}
    fn_static = {t: 0 for t in TIERS}
    fn_all = {t: 0 for t in TIERS}
    for p in progs:
        tier = p[:2]
        totals[tier] += 1
        if p in stat:
            fn_static[tier] += stat[p][1]
            fn_all[tier] += stat[p][1] + stat[p][2] + stat[p][3]
        ok = False
        why = "not translated"
        if p in stat and p not in failed_build and bins.get(p):
            exe = os.path.join(args.work, "target", "release", bins[p])
            try:
                r = subprocess.run([exe], capture_output=True, timeout=20)
                want = open(os.path.join(args.corpus, p + ".out"), "rb").read()
                ok = r.returncode == 0 and r.stdout == want
                why = f"exit {r.returncode}" if r.returncode else "output differs"
                if not ok and args.verbose:
                    print(f"--- {p}: {why}\n{r.stderr.decode(errors='replace')[-500:]}")
            except (OSError, subprocess.TimeoutExpired) as e:
                why = str(e)
        elif p in failed_build:
            why = "build failed"
        elif p in stat and not bins.get(p):
            why = "no binary"
        counts[tier] += ok
        print(f"{'PASS' if ok else 'FAIL'} {p}" + ("" if ok else f" ({why})"))
    for t in TIERS:
        frac = fn_static[t] / fn_all[t] if fn_all[t] else 0.0
        print(f"{t}: {counts[t]}/{totals[t]} pass; functions static {fn_static[t]}/{fn_all[t]} ({frac:.0%})")
    if args.update_ratchet:
        write_ratchet(counts, fn_static)
        print("ratchet updated")
        return 0
    need = read_ratchet()
    low = [t for t in TIERS if counts[t] < need[t]]
    low_static = [t for t in TIERS if fn_static[t] < need["static_" + t]]
    if low or low_static:
        print("below ratchet:", ", ".join([f"{t} {counts[t]} < {need[t]}" for t in low] +
                                          [f"static {t} {fn_static[t]} < {need['static_' + t]}" for t in low_static]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

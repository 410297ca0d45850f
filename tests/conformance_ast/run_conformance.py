#!/usr/bin/env python3
"""AST conformance: `portalis parse --dump-ast FILE` against CPython's
ast.dump(ast.parse(source), include_attributes=True) for every .py file of the
stdlib (site-packages excluded). A file CPython rejects must be rejected
(exit status 1). Fails only when the number of identical files drops below the
ratchet in ratchet.txt; --update-ratchet raises the ratchet to today's figure.
"""
import argparse
import ast
import multiprocessing
import os
import subprocess
import sys
import sysconfig
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def stdlib_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != "site-packages")
        for f in files:
            if f.endswith(".py"):
                out.append(os.path.join(d, f))
    return sorted(out)


def expected(path):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ast.dump(ast.parse(src), include_attributes=True) + "\n"
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None


def check(args):
    portalis, path, timeout = args
    exp = expected(path)
    try:
        p = subprocess.run([portalis, "parse", "--dump-ast", path], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return path, "timeout", f"no answer within {timeout}s"
    got = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode not in (0, 1):
        return path, "crash", f"exit status {p.returncode}: {err[:300]}"
    if exp is None:
        return (path, "ok", "") if p.returncode == 1 else (path, "accepted", "CPython rejects this file")
    if p.returncode != 0:
        return path, "rejected", err[:300]
    if got == exp:
        return path, "ok", ""
    i = 0
    n = min(len(got), len(exp))
    while i < n and got[i] == exp[i]:
        i += 1
    ctx = f"  expected: ...{exp[max(0, i - 120):i + 80]}\n  got:      ...{got[max(0, i - 120):i + 80]}"
    return path, "diff", ctx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--ratchet", default=os.path.join(HERE, "ratchet.txt"))
    ap.add_argument("--update-ratchet", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--show", type=int, default=10, help="how many differing files to print")
    ap.add_argument("--list", action="store_true", help="print every non-identical file")
    a = ap.parse_args()

    files = stdlib_files(a.stdlib)
    t0 = time.time()
    with multiprocessing.Pool(a.jobs) as pool:
        results = pool.map(check, [(a.portalis, f, a.timeout) for f in files], chunksize=8)
    bad = [r for r in results if r[1] != "ok"]
    identical = len(results) - len(bad)
    by_kind = {}
    for _, kind, _ in bad:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    print(f"conformance_ast: {identical}/{len(results)} identical in {time.time() - t0:.1f}s "
          + " ".join(f"{k}={v}" for k, v in sorted(by_kind.items())))
    for path, kind, detail in bad if a.list else bad[: a.show]:
        print(f"[{kind}] {os.path.relpath(path, a.stdlib)}")
        if detail and not a.list:
            print(detail)
    try:
        with open(a.ratchet) as f:
            ratchet = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        ratchet = 0
    if a.update_ratchet and identical > ratchet:
        with open(a.ratchet, "w") as f:
            f.write(f"{identical}\n")
        print(f"ratchet raised {ratchet} -> {identical}")
        ratchet = identical
    if identical < ratchet:
        print(f"FAIL: {identical} identical is below the ratchet {ratchet}")
        return 1
    print(f"ratchet {ratchet}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

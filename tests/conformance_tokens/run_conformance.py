#!/usr/bin/env python3
"""Token conformance: `portalis lex --dump-tokens F` against `python3 -m tokenize F`
for every .py file of the CPython stdlib (site-packages excluded).

tokenize's output is computed in-process (tokenize.tokenize on the file's
bytes, printed with the format of tokenize.main). A file counts as identical
when tokenize accepts it and our stdout is byte-identical, or when tokenize
rejects it (raises) and portalis exits non-zero. The test fails when the
identical count drops below the ratchet (tests/conformance_tokens/ratchet.txt);
--update-ratchet raises the ratchet to the count reached.
"""
import argparse
import io
import multiprocessing
import os
import subprocess
import sys
import sysconfig
import time
import tokenize
from token import tok_name


def expected_dump(data, exact=False):
    """What `python3 -m tokenize [-e] FILE` prints, or None when tokenize raises."""
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(data).readline))
    except Exception:
        return None
    out = []
    for tok in tokens:
        token_type = tok.exact_type if exact else tok.type
        token_range = "%d,%d-%d,%d:" % (tok.start + tok.end)
        out.append("%-20s%-15s%-15r\n" % (token_range, tok_name[token_type], tok.string))
    return "".join(out)


def check(args):
    portalis, path, timeout, exact_too = args
    with open(path, "rb") as f:
        data = f.read()
    modes = [False, True] if exact_too else [False]
    for exact in modes:
        same, why = check_mode(portalis, path, data, timeout, exact)
        if not same:
            return path, False, ("[-e] " if exact else "") + why
    return path, True, ""


def check_mode(portalis, path, data, timeout, exact):
    want = expected_dump(data, exact)
    cmd = [portalis, "lex", "--dump-tokens"] + (["-e"] if exact else []) + [path]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "timeout after %ss" % timeout
    if want is None:
        if p.returncode != 0:
            return True, ""
        return False, "tokenize rejects this file but portalis exited 0"
    got = p.stdout.decode("utf-8", "replace")
    if got == want:
        return True, ""
    gl, wl = got.splitlines(), want.splitlines()
    for i in range(max(len(gl), len(wl))):
        g = gl[i] if i < len(gl) else "<missing>"
        w = wl[i] if i < len(wl) else "<missing>"
        if g != w:
            return False, "line %d:\n      ours:     %s\n      tokenize: %s" % (i + 1, g, w)
    return False, "outputs differ (rc=%d)" % p.returncode


def stdlib_files(root):
    files = []
    for d, dirs, names in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != "site-packages")
        files.extend(os.path.join(d, n) for n in sorted(names) if n.endswith(".py"))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--portalis", required=True, help="path of the portalis executable")
    ap.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--ratchet", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "ratchet.txt"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per file")
    ap.add_argument("--show", type=int, default=5, help="how many differences to print")
    ap.add_argument("--exact-every", type=int, default=10,
                    help="also compare `-e` (exact token names) output on every Nth file (0: never)")
    ap.add_argument("--update-ratchet", action="store_true")
    args = ap.parse_args()

    files = stdlib_files(args.stdlib)
    start = time.time()
    with multiprocessing.Pool(args.jobs) as pool:
        results = pool.map(check, [(args.portalis, f, args.timeout, args.exact_every > 0 and i % args.exact_every == 0)
                                   for i, f in enumerate(files)], chunksize=8)
    ok = sum(1 for _, same, _ in results if same)
    failures = [(p, why) for p, same, why in results if not same]
    print("conformance_tokens: %d/%d identical (%.1f%%) in %.1fs" %
          (ok, len(files), 100.0 * ok / max(1, len(files)), time.time() - start))
    for p, why in failures[: args.show]:
        print("  DIFF %s: %s" % (os.path.relpath(p, args.stdlib), why))
    if len(failures) > args.show:
        print("  ... and %d more" % (len(failures) - args.show))

    ratchet = 0
    if os.path.exists(args.ratchet):
        with open(args.ratchet) as f:
            ratchet = int(f.read().split()[0])
    if args.update_ratchet and ok > ratchet:
        with open(args.ratchet, "w") as f:
            f.write("%d\n" % ok)
        print("ratchet raised from %d to %d" % (ratchet, ok))
        ratchet = ok
    if ok < ratchet:
        print("FAIL: %d identical is below the ratchet of %d" % (ok, ratchet))
        return 1
    print("ok (ratchet %d)" % ratchet)
    return 0


if __name__ == "__main__":
    sys.exit(main())

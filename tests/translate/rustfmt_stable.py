#!/usr/bin/env python3
"""The generated Rust is stable under rustfmt (issue 5): every .rs the
translator writes for the corpus programs and the goldens (modules, lib.rs,
the bin main files) must come back byte-identical from
`rustfmt --edition 2021` with the default configuration.
    rustfmt_stable.py --tool BIN --runtime DIR --work DIR [--corpus DIR] [--rustfmt PATH]... [--allow N]
Goldens must all be stable; --allow N tolerates up to N unstable corpus files
(a ratchet for layouts the printer does not reproduce yet; lower it as they go).
Each --rustfmt given that exists is checked (rustup's and Debian's may both be
there); with none present the test is skipped (exit 77). Each file is fed on
stdin so that rustfmt formats that file alone, not the modules it declares.
"""
import argparse
import difflib
import glob
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--corpus", default="")
    ap.add_argument("--rustfmt", action="append", default=[])
    ap.add_argument("--max-diff", type=int, default=20, help="diff lines shown per failing file")
    ap.add_argument("--allow", type=int, default=0, help="unstable corpus files tolerated")
    args = ap.parse_args()

    tools = []
    for r in args.rustfmt or ["rustfmt"]:
        p = shutil.which(r) if not os.path.isabs(r) else (r if os.path.exists(r) else None)
        if p and os.path.realpath(p) not in [os.path.realpath(t) for t in tools]:
            tools.append(p)
    if not tools:
        print("SKIP: no rustfmt found (install Debian's `rustfmt` or rustup's)")
        return SKIP

    inputs = sorted(glob.glob(os.path.join(HERE, "golden", "*.py")))
    if args.corpus and os.path.isdir(args.corpus):
        inputs += sorted(glob.glob(os.path.join(args.corpus, "t[0-9]_*.py")))
    out = os.path.join(args.work, "ws")
    shutil.rmtree(out, ignore_errors=True)
    # One module per input, translated separately so that one input's module
    # names cannot collide with another's.
    for py in inputs:
        name = os.path.basename(py)[:-3]
        subprocess.run([args.tool, os.path.join(out, name), os.path.abspath(args.runtime), py],
                       check=True, capture_output=True)
    files = sorted(glob.glob(os.path.join(out, "**", "*.rs"), recursive=True))
    golden_names = {os.path.basename(p)[:-3] for p in inputs if os.path.dirname(p).endswith("golden")}
    failures = 0
    for tool in tools:
        ver = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout.strip()
        bad = lines = golden_bad = 0
        for rs in files:
            src = open(rs, encoding="utf-8").read()
            r = subprocess.run([tool, "--edition", "2021", "--emit", "stdout"], input=src,
                               capture_output=True, text=True)
            is_golden = os.path.relpath(rs, out).split(os.sep)[0] in golden_names
            if r.returncode != 0:
                bad += 1
                golden_bad += is_golden
                print(f"FAIL {os.path.relpath(rs, out)}: {tool} exited {r.returncode}: {r.stderr[:500]}")
                continue
            if r.stdout == src:
                continue
            bad += 1
            golden_bad += is_golden
            diff = [d for d in difflib.unified_diff(src.splitlines(), r.stdout.splitlines(), "generated", "rustfmt",
                                                    lineterm="", n=1)]
            lines += sum(1 for d in diff if d.startswith("-") and not d.startswith("---"))
            print(f"FAIL {os.path.relpath(rs, out)}: differs from {ver}")
            print("\n".join(diff[:args.max_diff]))
        print(f"{ver}: {len(files) - bad}/{len(files)} files stable ({lines} lines differ); "
              f"goldens unstable: {golden_bad}, corpus unstable: {bad - golden_bad} (allowed {args.allow})")
        if golden_bad or bad - golden_bad > args.allow:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

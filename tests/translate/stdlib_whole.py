#!/usr/bin/env python3
"""The whole CPython stdlib goes through `portalis translate` without a crash:
exit 0, one record per file, and the only failed files are those CPython
itself rejects (failed in lex or parse, never in a translation stage).
    stdlib_whole.py --portalis BIN --stdlib DIR --work DIR
"""
import argparse
import ast
import json
import os
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--stdlib", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    out = os.path.join(args.work, "ws")
    shutil.rmtree(out, ignore_errors=True)
    p = subprocess.run([args.portalis, "translate", args.stdlib, "-o", out, "--progress", "off", "--device", "cpu"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stdout[-3000:], p.stderr[-3000:])
        sys.exit(f"FAIL: portalis translate exited {p.returncode} on the stdlib")
    with open(os.path.join(out, "portalis-report.json")) as f:
        rep = json.load(f)
    files = rep["files"]
    bad = []
    for rec in files:
        if rec["status"] != "failed":
            continue
        try:
            with open(rec["path"], "rb") as f:
                ast.parse(f.read())
            bad.append(f"{rec['path']}: failed in {rec['failed_stage']} but CPython parses it")
        except (SyntaxError, ValueError):
            if rec["failed_stage"] not in ("lex", "parse"):
                bad.append(f"{rec['path']}: failed in {rec['failed_stage']}")
    if bad:
        print("\n".join(bad[:30]))
        sys.exit(f"FAIL: {len(bad)} stdlib files failed where they should not")
    t = rep["totals"]
    print(f"ok: {t['files']} stdlib files: {t['ok']} ok, {t['partial']} partial, {t['failed']} failed "
          f"(each one CPython rejects too), no crash")


if __name__ == "__main__":
    main()

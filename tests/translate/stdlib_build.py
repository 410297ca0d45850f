#!/usr/bin/env python3
"""Stdlib modules given as the input codebase translate into a workspace that
`cargo build --offline` builds (stubs allowed, build failures not): textwrap,
heapq, bisect, colorsys and the json package, as the translation issue asks.
    stdlib_build.py --portalis BIN --runtime DIR --stdlib DIR --work DIR
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

INPUTS = ["textwrap.py", "heapq.py", "bisect.py", "colorsys.py", "json"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--stdlib", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    ws = os.path.join(args.work, "ws")
    shutil.rmtree(ws, ignore_errors=True)
    sources = [os.path.join(args.stdlib, x) for x in INPUTS]
    p = subprocess.run([args.portalis, "translate", *sources, "-o", ws, "--progress", "off",
                        "--runtime-path", os.path.abspath(args.runtime)], capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stdout[-3000:], p.stderr[-3000:])
        sys.exit(f"FAIL: portalis translate exited {p.returncode}")
    with open(os.path.join(ws, "portalis-report.json")) as f:
        totals = json.load(f)["totals"]
    print("translated:", json.dumps(totals))
    if totals.get("failed", 0) != 0:
        sys.exit("FAIL: a stdlib file failed to translate")
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(args.work, "target"))
    b = subprocess.run(["cargo", "build", "--offline", "-q", "--manifest-path", os.path.join(ws, "Cargo.toml")],
                       capture_output=True, text=True, env=env)
    if b.returncode != 0:
        print(b.stderr[-6000:])
        sys.exit("FAIL: the translated stdlib workspace does not build")
    crates = sorted(d for d in os.listdir(ws) if os.path.isfile(os.path.join(ws, d, "Cargo.toml")))
    # A package given as a source keeps its name: json/decoder.py is json.decoder.
    if "json" not in crates or not os.path.isfile(os.path.join(ws, "json", "src", "json", "decoder.rs")):
        sys.exit(f"FAIL: the json package was not laid out as crate json with json::decoder: crates {crates}")
    print(f"ok: {', '.join(INPUTS)} -> crates {', '.join(crates)}: cargo build --offline succeeded")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Golden tests: every golden/NAME.py is translated and its Rust compared
with golden/NAME.rs; every expected NAME.rs is also compiled by rustc (as a
library against the runtime rlib), so a golden can never hold Rust that does
not build.
    golden.py --tool BIN --runtime DIR --work DIR [--update] [--rustc RUSTC]
--update rewrites the expected .rs files from the current translator.
"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def build_runtime(rustc, runtime, out_dir, target=None):
    os.makedirs(out_dir, exist_ok=True)
    cmd = [rustc, "--edition", "2021", "--crate-type", "rlib", "--crate-name", "portalis_runtime", "-O",
           os.path.join(runtime, "src", "lib.rs"), "--out-dir", out_dir]
    if target:
        cmd += ["--target", target]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return os.path.join(out_dir, "libportalis_runtime.rlib")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--rustc", default="rustc")
    ap.add_argument("--update", action="store_true")
    args = ap.parse_args()
    rlib = build_runtime(args.rustc, args.runtime, os.path.join(args.work, "rt"))
    failures = 0
    for py in sorted(glob.glob(os.path.join(HERE, "golden", "*.py"))):
        name = os.path.basename(py)[:-3]
        out = os.path.join(args.work, "ws_" + name)
        subprocess.run([args.tool, out, os.path.abspath(args.runtime), py], check=True, capture_output=True)
        got = open(os.path.join(out, name, "src", name + ".rs")).read()
        exp_path = py[:-3] + ".rs"
        if args.update:
            open(exp_path, "w").write(got)
        exp = open(exp_path).read() if os.path.exists(exp_path) else ""
        ok = got == exp
        if not ok:
            print(f"FAIL {name}: translation differs from golden/{name}.rs")
            import difflib
            sys.stdout.writelines(difflib.unified_diff(exp.splitlines(True), got.splitlines(True), "expected", "got"))
        c = subprocess.run([args.rustc, "--edition", "2021", "--crate-type", "lib", "--crate-name", name, exp_path,
                            "--extern", f"portalis_runtime={rlib}", "--out-dir", args.work, "--emit", "metadata"],
                           capture_output=True, text=True)
        if c.returncode != 0:
            ok = False
            print(f"FAIL {name}: expected Rust does not compile\n{c.stderr[-3000:]}")
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'} {name}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

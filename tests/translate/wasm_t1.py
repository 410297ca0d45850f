#!/usr/bin/env python3
"""The generated t1 corpus programs build with Debian's rustc 1.63 for
wasm32-wasi (runtime built as an rlib for the same target), and, when node
is present, run under node:wasi with the expected output.
    wasm_t1.py --tool BIN --runtime DIR --corpus DIR --work DIR [--rustc /usr/bin/rustc]
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import build_runtime  # noqa: E402

NODE_RUNNER = r"""
const { WASI } = require('node:wasi');
const fs = require('node:fs');
const wasi = new WASI({ version: 'preview1', args: [], env: {} });
const mod = new WebAssembly.Module(fs.readFileSync(process.argv[2]));
const inst = new WebAssembly.Instance(mod, wasi.getImportObject());
process.exitCode = wasi.start(inst);
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--rustc", default="/usr/bin/rustc")
    args = ap.parse_args()
    target = "wasm32-wasi"
    rlib = build_runtime(args.rustc, args.runtime, os.path.join(args.work, "rt-wasm"), target)
    progs = sorted(glob.glob(os.path.join(args.corpus, "t1_*.py")))
    ws = os.path.join(args.work, "ws")
    subprocess.run([args.tool, ws, os.path.abspath(args.runtime)] + progs, check=True, capture_output=True)
    node = shutil.which("node")
    runner = os.path.join(args.work, "run_wasi.js")
    open(runner, "w").write(NODE_RUNNER)
    failures = 0
    for py in progs:
        name = os.path.basename(py)[:-3]
        lib = os.path.join(ws, name, "src", name + ".rs")
        # The crate root: the module plus the binary's main.
        root = os.path.join(args.work, name + "_main.rs")
        open(root, "w").write(f'#[path = "{lib}"]\npub mod {name};\n'
                              f"fn main() {{ portalis_runtime::exc::run_main({name}::main); }}\n")
        wasm = os.path.join(args.work, name + ".wasm")
        c = subprocess.run([args.rustc, "--edition", "2021", "--target", target, "-O", "-C", "overflow-checks=on",
                            root, "-o", wasm, "--extern", f"portalis_runtime={rlib}"], capture_output=True, text=True)
        ok = c.returncode == 0
        why = c.stderr[-2000:]
        if ok and node:
            r = subprocess.run([node, "--no-warnings", runner, wasm], capture_output=True, timeout=60)
            want = open(py[:-3] + ".out", "rb").read()
            ok = r.returncode == 0 and r.stdout == want
            why = f"exit {r.returncode}, output {'differs' if r.stdout != want else 'matches'}"
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'} {name}" + ("" if ok else f": {why}"))
    print(f"wasm32-wasi t1: {len(progs) - failures}/{len(progs)} pass" + ("" if node else " (built only: no node)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

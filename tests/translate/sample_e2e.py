#!/usr/bin/env python3
"""The bundled sample codebase end to end, across modules and crates: translated
under `mpirun -np 2` (a plain process without MPI), built with cargo offline,
and each program's output compared byte for byte with CPython's.
    sample_e2e.py --portalis BIN --runtime DIR --sample DIR --work DIR [--programs BIN=MODULE,...]
Each program is the binary BIN, compared with `python3 -m MODULE` run in DIR.
"""
import argparse
import os
import shutil
import subprocess
import sys

PROGRAMS = "receipt=receipt,primes=primes"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--sample", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--programs", default=PROGRAMS)
    args = ap.parse_args()
    programs = [p.split("=") for p in args.programs.split(",")]
    ws = os.path.join(args.work, "ws")
    shutil.rmtree(ws, ignore_errors=True)
    cmd = [args.portalis, "translate", args.sample, "-o", ws, "--progress", "off",
           "--runtime-path", os.path.abspath(args.runtime)]
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    if shutil.which("mpirun"):
        cmd = ["mpirun", "-np", "2", "--oversubscribe"] + cmd
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        print(p.stdout[-3000:], p.stderr[-3000:])
        sys.exit(f"FAIL: translate exited {p.returncode}")
    cenv = dict(os.environ, CARGO_TARGET_DIR=os.path.join(args.work, "target"))
    b = subprocess.run(["cargo", "build", "--offline", "--release", "-q", "--manifest-path", os.path.join(ws, "Cargo.toml")],
                       capture_output=True, text=True, env=cenv)
    if b.returncode != 0:
        print(b.stderr[-6000:])
        sys.exit("FAIL: the translated sample does not build")
    failed = 0
    for prog, module in programs:
        want = subprocess.run([sys.executable, "-B", "-m", module], cwd=args.sample, capture_output=True)
        got = subprocess.run([os.path.join(args.work, "target", "release", prog)], capture_output=True, timeout=60)
        same = got.returncode == want.returncode and got.stdout == want.stdout
        print(f"{'PASS' if same else 'FAIL'} {prog}")
        if not same:
            failed += 1
            print("  want:", want.stdout.decode(errors="replace")[:800])
            print("  got: ", got.stdout.decode(errors="replace")[:800], got.stderr.decode(errors="replace")[-800:])
    if failed:
        sys.exit(f"FAIL: {failed} sample program(s) differ from CPython")
    print(f"ok: {len(programs)} programs (imports across modules and crates) print CPython's bytes")


if __name__ == "__main__":
    main()

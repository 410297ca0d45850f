#!/usr/bin/env python3
"""The lowering reuses a function's lowering between the rounds of the
static/dynamic mix when nothing it read changed (src/lower/lower_cache.h).
That must never change the output: translate the corpus, the goldens and a
slice of the stdlib with and without reuse and compare every byte.
    reuse_identical.py --tool BIN --corpus DIR --golden DIR --work DIR [--stdlib N]
"""
import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import sysconfig


def translate(tool, out, files, reuse):
    shutil.rmtree(out, ignore_errors=True)
    cmd = [tool] + ([] if reuse else ["--no-reuse"]) + [out, "/runtime"] + files
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.stdout


def tree(root):
    out = {}
    for d, _, fs in os.walk(root):
        for f in fs:
            p = os.path.join(d, f)
            out[os.path.relpath(p, root)] = p
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--golden", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--stdlib", type=int, default=300, help="stdlib files (every k-th of the sorted list)")
    args = ap.parse_args()
    sets = {
        "corpus": sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus) if f.endswith(".py")),
        "golden": sorted(os.path.join(args.golden, f) for f in os.listdir(args.golden)
                         if f.endswith(".py") and not f.startswith("fail_")),
    }
    lib = sysconfig.get_paths()["stdlib"]
    std = sorted(os.path.join(d, f) for d, ds, fs in os.walk(lib) for f in fs
                 if f.endswith(".py") and "site-packages" not in d and "test" not in d.split(os.sep))
    step = max(1, len(std) // args.stdlib) if args.stdlib else 0
    if step:
        # One module per stem: the tool names modules by file stem.
        seen, pick = set(), []
        for f in std[::step]:
            stem = os.path.splitext(os.path.basename(f))[0]
            if stem not in seen and stem != "__init__":
                seen.add(stem)
                pick.append(f)
        sets["stdlib"] = pick
    bad = 0
    for name, files in sets.items():
        a_dir, b_dir = os.path.join(args.work, name + "-reuse"), os.path.join(args.work, name + "-fresh")
        a_out = translate(args.tool, a_dir, files, True)
        b_out = translate(args.tool, b_dir, files, False)
        diffs = []
        if a_out != b_out:
            diffs.append("(tool report)")
        ta, tb = tree(a_dir), tree(b_dir)
        for rel in sorted(set(ta) | set(tb)):
            if rel not in ta or rel not in tb or not filecmp.cmp(ta[rel], tb[rel], shallow=False):
                diffs.append(rel)
        print(f"{name}: {len(files)} modules, {len(ta)} files, {len(diffs)} differ" + (f": {diffs[:10]}" if diffs else ""))
        bad += len(diffs)
        if len(ta) == 0:
            sys.exit(f"FAIL: nothing translated for {name}")
    if bad:
        sys.exit("FAIL: reusing unit lowerings changed the output")
    print("ok: output identical with and without reuse")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Golden tests of `portalis lex --dump-tokens`.

golden/X.py       expects exit 0, no stderr, and stdout equal to golden/X.tokens
golden/fail_X.py  expects exit 1 and stderr equal to golden/fail_X.stderr, and
                  stdout equal to golden/fail_X.tokens where that exists (written
                  by --update only when tokenize accepts the file, as it does
                  for stray characters, and prints exactly our tokens)
Files are lexed from inside golden/ by their bare names, so paths in the
diagnostics are stable. --update rewrites the expectations; it also checks each
non-fail .tokens against CPython's tokenize (the oracle) and reports any
difference, so that an expectation is never a silent regression.
"""
import argparse
import io
import os
import subprocess
import sys
import tokenize
from token import tok_name


def tokenize_dump(path):
    with open(path, "rb") as f:
        data = f.read()
    out = []
    for tok in tokenize.tokenize(io.BytesIO(data).readline):
        out.append("%-20s%-15s%-15r\n" % ("%d,%d-%d,%d:" % (tok.start + tok.end), tok_name[tok.type], tok.string))
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
    ap.add_argument("--update", action="store_true")
    args = ap.parse_args()
    portalis = os.path.abspath(args.portalis)
    failures = 0
    names = sorted(n for n in os.listdir(args.dir) if n.endswith(".py"))
    for name in names:
        base = name[:-3]
        fail = name.startswith("fail_")
        p = subprocess.run([portalis, "lex", "--dump-tokens", name], cwd=args.dir, capture_output=True, timeout=60)
        stdout = p.stdout.decode("utf-8", "replace")
        stderr = p.stderr.decode("utf-8", "replace")
        expect_path = os.path.join(args.dir, base + (".stderr" if fail else ".tokens"))
        got = stderr if fail else stdout
        tokens_path = os.path.join(args.dir, base + ".tokens")
        if args.update:
            with open(expect_path, "w", encoding="utf-8", newline="") as f:
                f.write(got)
            if fail:
                try:
                    oracle = tokenize_dump(os.path.join(args.dir, name))
                except Exception:
                    oracle = None
                if oracle is not None and oracle == stdout:
                    with open(tokens_path, "w", encoding="utf-8", newline="") as f:
                        f.write(stdout)
                else:
                    if oracle is not None:
                        print("note %s: tokenize accepts it but prints other tokens; no .tokens kept" % name)
                    if os.path.exists(tokens_path):
                        os.remove(tokens_path)
            if not fail:
                try:
                    oracle = tokenize_dump(os.path.join(args.dir, name))
                    if oracle != stdout:
                        print("WARNING %s: differs from python3 -m tokenize" % name)
                except Exception as e:
                    print("WARNING %s: tokenize raises %r" % (name, e))
            continue
        problems = []
        want_rc = 1 if fail else 0
        if p.returncode != want_rc:
            problems.append("exit status %d, expected %d" % (p.returncode, want_rc))
        if not fail and stderr:
            problems.append("unexpected stderr: " + stderr.strip())
        if not os.path.exists(expect_path):
            problems.append("missing " + os.path.basename(expect_path) + " (run tests/lex/update_goldens.sh)")
        else:
            with open(expect_path, encoding="utf-8", newline="") as f:
                want = f.read()
            if want != got:
                gl, wl = got.splitlines(), want.splitlines()
                for i in range(max(len(gl), len(wl))):
                    g = gl[i] if i < len(gl) else "<missing>"
                    w = wl[i] if i < len(wl) else "<missing>"
                    if g != w:
                        problems.append("line %d:\n    got:      %s\n    expected: %s" % (i + 1, g, w))
                        break
        if fail and os.path.exists(tokens_path):
            with open(tokens_path, encoding="utf-8", newline="") as f:
                if f.read() != stdout:
                    problems.append("stdout differs from " + os.path.basename(tokens_path))
        if problems:
            failures += 1
            print("FAIL %s: %s" % (name, "; ".join(problems)))
    if args.update:
        print("updated %d golden expectations in %s" % (len(names), args.dir))
        return 0
    print("lex goldens: %d/%d pass" % (len(names) - failures, len(names)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

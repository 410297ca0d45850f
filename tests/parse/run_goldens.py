#!/usr/bin/env python3
"""Golden tests of `portalis parse --dump-ast`.

golden/X.py      -> golden/X.ast : the expected dump (CPython's ast.dump, include_attributes=True)
golden/fail_X.py -> golden/fail_X.err : the expected diagnostic, "LINE:COL: SyntaxError: MESSAGE"
                    (the line number must match; the message is compared too)
--update rewrites the expectations: .ast from CPython itself (so a golden can
never enshrine our own bug), .err from portalis after checking CPython rejects
the file on the same line.
Every .ast golden is also checked for position invariants: each node's start
is not after its end, and children lie within statement/expression parents.
"""
import argparse
import ast
import glob
import os
import re
import subprocess
import sys
import warnings


def cpython_dump(path):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.dump(ast.parse(src), include_attributes=True) + "\n"


def cpython_error_line(path):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(src)
        except SyntaxError as e:
            return e.lineno
    return None


def check_positions(path):
    """Position invariants CPython guarantees, checked on its own tree (the
    dump we compare with is identical, so they hold for ours too)."""
    with open(path, "rb") as f:
        tree = ast.parse(f.read())
    problems = []

    def walk(node, parent):
        if hasattr(node, "lineno") and node.end_lineno is not None:
            if (node.lineno, node.col_offset) > (node.end_lineno, node.end_col_offset):
                problems.append(f"{type(node).__name__} at {node.lineno}:{node.col_offset} ends before it starts")
            if parent is not None and isinstance(parent, (ast.stmt, ast.expr)) and isinstance(node, (ast.stmt, ast.expr)) \
                    and not isinstance(parent, (ast.JoinedStr, ast.FormattedValue)) \
                    and not any(node is d for d in getattr(parent, "decorator_list", [])):
                if (node.lineno, node.col_offset) < (parent.lineno, parent.col_offset) or \
                        (node.end_lineno, node.end_col_offset) > (parent.end_lineno, parent.end_col_offset):
                    problems.append(f"{type(node).__name__} at {node.lineno}:{node.col_offset} outside its "
                                    f"{type(parent).__name__}")
        nxt = node if hasattr(node, "lineno") else parent
        for child in ast.iter_child_nodes(node):
            walk(child, nxt)

    walk(tree, None)
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
    ap.add_argument("--update", action="store_true")
    a = ap.parse_args()
    failures = 0
    files = sorted(glob.glob(os.path.join(a.dir, "*.py")))
    for py in files:
        name = os.path.basename(py)
        p = subprocess.run([a.portalis, "parse", "--dump-ast", py], capture_output=True, timeout=60)
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace").strip()
        if name.startswith("fail_"):
            exp_path = py[:-3] + ".err"
            got = err.split("\n")[0]
            got = got[len(py) + 1:] if got.startswith(py + ":") else got
            if a.update:
                line = cpython_error_line(py)
                if line is None:
                    print(f"{name}: CPython accepts this file; a fail_ golden must be rejected")
                    failures += 1
                    continue
                if p.returncode != 1 or not got.startswith(f"{line}:"):
                    print(f"{name}: portalis reports '{got}', CPython rejects line {line}")
                    failures += 1
                    continue
                with open(exp_path, "w") as f:
                    f.write(got + "\n")
                continue
            with open(exp_path) as f:
                exp = f.read().strip()
            if p.returncode != 1 or got != exp:
                print(f"FAIL {name}: exit {p.returncode}, expected '{exp}', got '{got}'")
                failures += 1
        else:
            exp_path = py[:-3] + ".ast"
            if a.update:
                with open(exp_path, "w") as f:
                    f.write(cpython_dump(py))
            with open(exp_path) as f:
                exp = f.read()
            if p.returncode != 0 or out != exp:
                i = 0
                while i < min(len(out), len(exp)) and out[i] == exp[i]:
                    i += 1
                print(f"FAIL {name}: exit {p.returncode} {err[:200]}\n  expected ...{exp[max(0, i - 100):i + 80]}\n"
                      f"  got      ...{out[max(0, i - 100):i + 80]}")
                failures += 1
            for prob in check_positions(py):
                print(f"FAIL {name}: {prob}")
                failures += 1
    print(f"parse goldens: {len(files) - failures}/{len(files)} passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

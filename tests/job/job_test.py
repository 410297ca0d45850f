#!/usr/bin/env python3
"""MPI tests of `portalis translate` (issue 3), one case per ctest test.

determinism   -np 1 (no mpirun), 2 and 3 give the same files and records
resume        SIGKILL part-way, --resume (with another rank count) == clean run
faults        bad files are recorded and the job goes on; a rank's exception
              is reported by rank 0 and the job exits 1 without hanging
bad_input     missing path, empty input, unwritable output, more ranks than files
stdlib_slice  a slice of the installed stdlib under -np 2, read back from HDF5
lex_device    the lex stage's device/engine: /ranks lex columns read back from
              HDF5, --lex-engine scan == serial byte for byte, --device gpu
              without a GPU exits 2
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

ARGS = None
OUTPUT_SKIP = ("portalis-metrics.h5", "portalis-report.json", "logs", ".portalis")


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def make_tree(root, modules=40, seed=7):
    """A small deterministic codebase: packages importing each other, classes,
    functions of varied sizes, plus files that fail in different stages."""
    rng = random.Random(seed)
    files = {}
    for p in range(3):
        files[f"pkg{p}/__init__.py"] = f'"""Package {p}."""\nfrom .mod0 import helper0 as helper\n'
    for i in range(modules):
        pkg = i % 3
        body = [f'"""Module {i}."""', "import os", f"from pkg{(pkg + 1) % 3} import helper", ""]
        for f in range(rng.randint(1, 12)):
            body.append(f"def helper{f}(x: int, y: int = {f}) -> int:")
            body.append(f"    total = x * {f} + y")
            for k in range(rng.randint(0, 20)):
                body.append(f"    total += {k} * x  # step {k}")
            body.append("    return total")
            body.append("")
        body.append(f"class Thing{i}:")
        body.append("    def __init__(self, n):")
        body.append("        self.n = n")
        body.append("    def twice(self) -> int:")
        body.append("        return self.n * 2")
        body.append("")
        files[f"pkg{pkg}/mod{i}.py"] = "\n".join(body) + "\n"
    files["main_prog.py"] = "from pkg0 import helper\n\nif __name__ == '__main__':\n    print(helper(2, 3))\n"
    files["bad_syntax.py"] = "def broken(:\n    pass\n"
    files["bad_utf8.py"] = b"x = '\xff\xfe'\n"
    files["empty.py"] = ""
    files["notes.txt"] = "not python\n"
    files["__pycache__/cached.py"] = "x = 1\n"
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text if isinstance(text, bytes) else text.encode())
    return sum(1 for r in files if r.endswith(".py") and "__pycache__" not in r)


def command(np, sources, out, extra=()):
    cmd = [ARGS.portalis, "translate", *sources, "-o", out, "--progress", "plain", *extra]
    if np == 0:  # no mpirun at all: MPI's singleton mode
        return cmd
    launcher = [ARGS.mpirun, "-np", str(np)]
    if np > 2:
        launcher.append("--oversubscribe")
    return launcher + cmd


def run(np, sources, out, extra=(), expect=0, timeout=240):
    cmd = command(np, sources, out, extra)
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    print(f"$ {' '.join(cmd)}  -> {p.returncode} in {time.time() - t0:.1f}s")
    if expect is not None and p.returncode != expect:
        print(p.stdout[-4000:])
        print(p.stderr[-4000:])
        fail(f"exit status {p.returncode}, expected {expect}")
    return p


def report(out):
    with open(os.path.join(out, "portalis-report.json")) as f:
        return json.load(f)


def normalized(rep):
    """The report minus what legitimately differs: timings, ranks, resume marks."""
    files = []
    for f in rep["files"]:
        f = dict(f)
        for k in ("rank", "ns_total", "resumed"):
            f.pop(k)
        files.append(f)
    totals = dict(rep["totals"])
    totals.pop("resumed")
    return {"files": files, "totals": totals, "missing": rep["run"]["missing_stages"]}


def output_tree(out):
    digests = {}
    for dirpath, dirnames, filenames in os.walk(out):
        rel_dir = os.path.relpath(dirpath, out)
        if rel_dir.split(os.sep)[0] in OUTPUT_SKIP:
            continue
        for name in filenames:
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if rel in OUTPUT_SKIP:
                continue
            with open(os.path.join(dirpath, name), "rb") as f:
                digests[rel] = hashlib.sha256(f.read()).hexdigest()
    return digests


def h5(out):
    p = subprocess.run([ARGS.h5check, os.path.join(out, "portalis-metrics.h5")], capture_output=True, text=True)
    check(p.returncode == 0, f"h5 check failed: {p.stderr}")
    return json.loads(p.stdout)


def py_files(root):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("__pycache__", "site-packages", "build", ".git", ".venv")]
        found += [os.path.join(dirpath, n) for n in filenames if n.endswith(".py")]
    return sorted(found)


def case_determinism(tmp):
    src = os.path.join(tmp, "src")
    n = make_tree(src)
    sources = [src, ARGS.sample]
    total = n + len(py_files(ARGS.sample))
    results = {}
    for np in (0, 2, 3):
        out = os.path.join(tmp, f"out{np}")
        p = run(np, sources, out)
        ranks = max(np, 1)
        check(f"{ranks} rank" in p.stdout.splitlines()[0], "header names the rank count")
        check("[translate]" in p.stdout and "[front-end]" in p.stdout, "progress lines printed")
        check("stage " in p.stdout and "rank host" in p.stdout, "final tables printed")
        check(p.stdout.count("portalis 0") == 1, "only rank 0 prints the header")
        for r in range(ranks):
            log = os.path.join(out, "logs", f"rank-{r}.log")
            check(os.path.getsize(log) > 0, f"{log} written")
        rep = report(out)
        check(len(rep["files"]) == total, f"{len(rep['files'])} records for {total} files")
        check(rep["run"]["ranks"] == ranks, "ranks recorded")
        check(sorted({f["rank"] for f in rep["files"]}) == list(range(ranks)), "every rank did work")
        meta = h5(out)
        check(meta["files_rows"] == total and meta["ranks_rows"] == ranks, f"h5 rows {meta}")
        check(meta["bytes"] == rep["totals"]["bytes"], "h5 bytes == report bytes")
        results[np] = (normalized(rep), output_tree(out))
    for np in (2, 3):
        check(results[np][0] == results[0][0], f"records differ between -np 1 and -np {np}")
        check(results[np][1] == results[0][1], f"output files differ between -np 1 and -np {np}")
    print(f"ok: {total} files, identical records and {len(results[0][1])} output files for -np 1, 2, 3")


def journal_entries(out):
    count = 0
    jdir = os.path.join(out, ".portalis", "journal")
    if not os.path.isdir(jdir):
        return 0
    for name in os.listdir(jdir):
        with open(os.path.join(jdir, name), "rb") as f:
            data = f.read()
        p = 0
        while len(data) - p >= 12:
            (n,) = struct.unpack_from("<I", data, p)
            if len(data) - p - 12 < n:
                break
            count += 1
            p += 12 + n
    return count


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def kill_job(proc):
    """SIGKILL to the job: mpirun and every rank it started, at once (ranks
    may sit in their own process groups, so each is killed by its pid)."""
    pids = [proc.pid] + descendants(proc.pid)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()
    for pid in pids[1:]:
        for _ in range(100):
            if not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] == "Z":
                break
            time.sleep(0.02)


def case_resume(tmp):
    src = os.path.join(tmp, "src")
    n = make_tree(src, modules=90, seed=11)
    clean = os.path.join(tmp, "clean")
    run(2, [src], clean)
    killed = os.path.join(tmp, "killed")
    cmd = command(2, [src], killed, ["--delay-per-file-ms", "60"])
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while journal_entries(killed) < 15:
        check(proc.poll() is None, "the run ended before it could be killed")
        check(time.time() < deadline, "journal never grew")
        time.sleep(0.05)
    kill_job(proc)
    done = journal_entries(killed)
    check(done < n, f"killed part-way ({done} of {n} journaled)")
    check(not os.path.exists(os.path.join(killed, "portalis-report.json")), "no report from the killed run")
    p = run(3, [src], killed, ["--resume"])
    check("resume:" in p.stdout, "header mentions the journal")
    rep = report(killed)
    resumed = rep["totals"]["resumed"]
    check(resumed >= 15 and resumed < n, f"{resumed} files resumed of {n}")
    check(normalized(rep) == normalized(report(clean)), "resumed records differ from the clean run")
    check(output_tree(killed) == output_tree(clean), "resumed output differs from the clean run")
    check(h5(killed)["files_rows"] == n, "metrics cover all files")
    # A changed file is redone, the rest is taken from the journal.
    with open(os.path.join(src, "pkg1", "mod1.py"), "a") as f:
        f.write("\n# changed\n")
    run(2, [src], killed, ["--resume"])
    rep2 = report(killed)
    changed = [f for f in rep2["files"] if f["path"].endswith("pkg1/mod1.py")][0]
    check(not changed["resumed"], "a changed file is redone")
    # A comment changes no summary, so the index (and every other file) stands.
    check(rep2["totals"]["resumed"] == n - 1, f"unchanged files resumed: {rep2['totals']['resumed']} of {n - 1}")
    print(f"ok: killed after {done} of {n} files, resumed {resumed}, result identical to a clean run")


def case_faults(tmp):
    src = os.path.join(tmp, "src")
    n = make_tree(src, modules=12)
    os.symlink(os.path.join(src, "gone.py"), os.path.join(src, "dangling.py"))  # unreadable entry
    n += 1
    out = os.path.join(tmp, "out")
    run(2, [src], out)
    rep = report(out)
    dangling = [f for f in rep["files"] if f["path"].endswith("dangling.py")][0]
    check(dangling["status"] == "failed" and dangling["failed_stage"] == "read", f"unreadable entry recorded: {dangling}")
    by_path = {os.path.basename(f["path"]): f for f in rep["files"]}
    check(by_path["bad_syntax.py"]["status"] == "failed" and by_path["bad_syntax.py"]["diagnostics"], "syntax error recorded")
    check(by_path["bad_utf8.py"]["status"] == "failed", "bad encoding recorded")
    check(by_path["empty.py"]["status"] == "ok", "an empty file is fine")
    check(rep["totals"]["files"] == n, "the job went on past bad files")
    for fault, phase in (("1:front", "front-end"), ("1:translate", "translate"), ("0:exchange", "exchange"),
                         ("0:walk", None)):
        t0 = time.time()
        p = run(2, [src], os.path.join(tmp, "f" + fault.replace(":", "_")), ["--inject-fault", fault], expect=1,
                timeout=60)
        rank = fault.split(":")[0]
        check(f"rank {rank}" in p.stderr and "injected fault" in p.stderr, f"rank 0 reports the failure: {p.stderr}")
        if phase:
            check(f"{phase} failed" in p.stderr, f"names the phase {phase}")
        check(time.time() - t0 < 60, "no hang")
    # A rank that dies outright (not an exception): the launcher ends the job.
    t0 = time.time()
    p = run(2, [src], os.path.join(tmp, "fabort"), ["--inject-fault", "1:abort"], expect=None, timeout=90)
    check(p.returncode != 0, "a crashed rank fails the job")
    check(time.time() - t0 < 90, "no hang after a crash")
    print("ok: bad files recorded, rank failures reported, no hang")


def case_bad_input(tmp):
    p = run(2, [os.path.join(tmp, "does-not-exist")], os.path.join(tmp, "o1"), expect=2)
    check("no such file or directory" in p.stderr, p.stderr)
    check(p.stderr.count("no such file") == 1, "said once, by rank 0")
    empty = os.path.join(tmp, "empty")
    os.makedirs(os.path.join(empty, "sub"))
    p = run(0, [empty], os.path.join(tmp, "o2"), expect=2)
    check("no Python files found" in p.stderr, p.stderr)
    src = os.path.join(tmp, "two")
    os.makedirs(src)
    for name in ("a.py", "b.py"):
        with open(os.path.join(src, name), "w") as f:
            f.write("x = 1\n")
    blocker = os.path.join(tmp, "plainfile")
    open(blocker, "w").close()
    p = run(2, [src], os.path.join(blocker, "out"), expect=2)
    check("cannot create output directory" in p.stderr, p.stderr)
    p = run(3, [src], os.path.join(tmp, "o3"))
    check("more ranks (3) than files (2)" in p.stdout, p.stdout)
    check(report(os.path.join(tmp, "o3"))["totals"]["files"] == 2, "both files recorded")
    p = run(0, [src], os.path.join(tmp, "o4"), ["--exchange", "carrier-pigeon"], expect=2)
    check("--exchange must be" in p.stderr, p.stderr)
    print("ok: clear messages for bad input")


def case_stdlib_slice(tmp):
    parts = ["json", "email", "collections", "importlib", "textwrap.py", "heapq.py", "bisect.py", "colorsys.py"]
    sources = [os.path.join(ARGS.stdlib, x) for x in parts]
    expected = []
    for s in sources:
        expected += py_files(s) if os.path.isdir(s) else [s]
    out = os.path.join(tmp, "out")
    ci = os.path.join(os.path.dirname(os.path.abspath(ARGS.sample)), "configs", "ci.ini")
    run(2, sources, out, ["--config", ci])
    check("exchange = mpi" in report(out)["run"]["configuration"], "options from --config recorded")
    meta = h5(out)
    check(meta["files_rows"] == len(expected), f"{meta['files_rows']} rows for {len(expected)} files")
    check(sorted(meta["paths"]) == sorted(expected), "one row per input file")
    check(meta["bytes"] == sum(os.path.getsize(p) for p in expected), "bytes sum matches the input")
    lines = 0
    for p in expected:
        with open(p, "rb") as f:
            data = f.read()
        lines += data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    check(meta["lines"] == lines, f"lines {meta['lines']} vs {lines}")
    check(meta["rank_files"] == len(expected) and meta["attr_ranks"] == 2, "per-rank rows add up")
    check(meta["attr_start_time"] and meta["attr_end_time"] and "translate" in meta["attr_command_line"], "run attributes")
    check(len(meta["stages"]) == meta["stages_rows"] >= 8, "stage rows")
    check(meta["errors"] == 0, f"stdlib files failed: {report(out)['totals']}")
    # ci.ini picks the host scan engine: it lexed the stdlib under MPI.
    check(meta["lex_engine"] == ["scan-host"] * 2 or all(d.startswith("gpu: ") for d in meta["lex_device"]),
          f"engine from ci.ini: {meta['lex_engine']}")
    check(sum(meta["ranks_lex_scan_files"]) + sum(meta["ranks_lex_fallback_files"]) == len(expected), "every file lexed")
    print(f"ok: {len(expected)} stdlib files, {meta['bytes']} bytes, {lines} lines read back from HDF5")

LEX_COLUMNS = ("lex_device", "lex_gpu", "lex_engine", "lex_note", "lex_files", "lex_scan_files", "lex_fallback_files",
               "lex_bytes", "lex_batches", "ns_lex_batch", "ns_lex_h2d", "ns_lex_kernel", "ns_lex_d2h")


def case_lex_device(tmp):
    src = os.path.join(tmp, "src")
    make_tree(src)
    sources = [src, ARGS.sample]
    auto = os.path.join(tmp, "auto")
    p = run(2, sources, auto)
    check("lex device" in p.stdout, "per-rank lex table printed")
    rep = report(auto)
    meta = h5(auto)
    missing = [c for c in LEX_COLUMNS if c not in meta["rank_columns"]]
    check(not missing, f"/ranks lacks {missing}")
    # Files that were read are lexed; their bytes, as read, are what the serial lexer saw.
    lexed = [f for f in rep["files"] if f["failed_stage"] != "read"]
    check(sum(meta["ranks_lex_files"]) == len(lexed), f"lex_files {meta['ranks_lex_files']} vs {len(lexed)} read files")
    used_gpu = any(meta["ranks_lex_gpu"])
    for r in range(2):
        where = f"rank {r}: " + json.dumps({c: meta.get(c, meta.get("ranks_" + c, [None, None]))[r] for c in LEX_COLUMNS})
        dev = meta["lex_device"][r]
        check(meta["ranks_lex_files"][r] > 0 and meta["ranks_lex_batches"][r] >= 1, where)
        # Per-file lex times are the batch's time shared by bytes, so they add up to at most it.
        check(0 < meta["ranks_ns_lex"][r] <= meta["ranks_ns_lex_batch"][r], where)
        if dev == "cpu":  # auto on a machine without a usable GPU: says why, runs the serial lexer
            check(meta["ranks_lex_gpu"][r] == 0 and meta["lex_engine"][r] == "serial", where)
            check(meta["lex_note"][r].startswith("auto chose the CPU: ") and len(meta["lex_note"][r]) > 20, where)
            check(meta["ranks_ns_lex_h2d"][r] == meta["ranks_ns_lex_kernel"][r] == meta["ranks_ns_lex_d2h"][r] == 0, where)
            check(meta["ranks_lex_scan_files"][r] == meta["ranks_lex_fallback_files"][r] == 0, where)
        else:
            check(dev.startswith("gpu: ") and meta["ranks_lex_gpu"][r] == 1 and meta["lex_engine"][r] == "scan-gpu", where)
            check(meta["ranks_lex_scan_files"][r] + meta["ranks_lex_fallback_files"][r] == meta["ranks_lex_files"][r], where)
            check(meta["ranks_ns_lex_kernel"][r] > 0, where)
        lex = rep["ranks"][r]["lex"]
        check(lex["device"] == dev and lex["files"] == meta["ranks_lex_files"][r] and lex["gpu"] == bool(meta["ranks_lex_gpu"][r]),
              f"report.json lex of rank {r}: {lex}")
        with open(os.path.join(auto, "logs", f"rank-{r}.log")) as f:
            log = f.read()
        check(f"lex: device {dev}, gpu {'yes' if meta['ranks_lex_gpu'][r] else 'no'}" in log, f"rank {r} log line")
    if not used_gpu:
        check(sum(meta["ranks_lex_bytes"]) == sum(f["bytes"] for f in lexed), "lex_bytes == bytes of the lexed files")

    # The host scan engine, in small batches, must change nothing but timings.
    scan = os.path.join(tmp, "scan")
    run(2, sources, scan, ["--device", "cpu", "--lex-engine", "scan", "--lex-batch-mb", "1"])
    smeta = h5(scan)
    check(smeta["lex_engine"] == ["scan-host", "scan-host"] and smeta["lex_device"] == ["cpu", "cpu"], str(smeta["lex_engine"]))
    check(smeta["lex_note"] == ["", ""], "--device cpu needs no reason")
    check(sum(smeta["ranks_lex_scan_files"]) > 0, "the scan lexed files")
    check([a + b for a, b in zip(smeta["ranks_lex_scan_files"], smeta["ranks_lex_fallback_files"])] == smeta["ranks_lex_files"],
          "scan + fallback == files")
    check(normalized(report(scan)) == normalized(rep), "scan engine: records differ from the serial lexer's")
    check(output_tree(scan) == output_tree(auto), "scan engine: output files differ from the serial lexer's")

    if used_gpu:
        run(0, sources, os.path.join(tmp, "gpu"), ["--device", "gpu"])
    else:
        p = run(2, sources, os.path.join(tmp, "gpu"), ["--device", "gpu"], expect=2)
        check("--device gpu: no usable GPU" in p.stderr, p.stderr)
        check(not os.path.exists(os.path.join(tmp, "gpu", "portalis-metrics.h5")), "no metrics after the refusal")
    p = run(0, sources, os.path.join(tmp, "bad"), ["--device", "tpu"], expect=2)
    check("--device must be auto, cpu or gpu" in p.stderr, p.stderr)
    p = run(0, sources, os.path.join(tmp, "bad2"), ["--lex-engine", "regex"], expect=2)
    check("--lex-engine must be serial or scan" in p.stderr, p.stderr)
    print(f"ok: lex columns for {len(lexed)} files ({'gpu' if used_gpu else 'cpu: ' + meta['lex_note'][0]}), "
          f"scan == serial on {len(output_tree(auto))} output files")


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("case")
    ap.add_argument("--portalis", required=True)
    ap.add_argument("--mpirun", required=True)
    ap.add_argument("--h5check", required=True)
    ap.add_argument("--sample", required=True)
    ap.add_argument("--stdlib", required=True)
    ARGS = ap.parse_args()
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    tmp = tempfile.mkdtemp(prefix=f"portalis-job-{ARGS.case}-")
    try:
        globals()["case_" + ARGS.case](tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

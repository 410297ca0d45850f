#!/usr/bin/env python3
"""Strong scaling of `portalis translate` on the stdlib: -np 1 vs -np 2 (not
oversubscribed), per-stage time (slowest rank), load imbalance (max/mean per
rank), and the summary exchange's time against its size. Prints a markdown
section for bench/RESULTS.md.

  bench/scaling/run.py --build build [--stdlib DIR] [--repeat 1]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_job(args, np, out):
    shutil.rmtree(out, ignore_errors=True)
    cmd = ["mpirun", "-np", str(np), os.path.join(args.build, "bin", "portalis"), "translate", args.stdlib, "-o", out,
           "--progress", "off", "--exchange", "mpi"]
    t0 = time.time()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.time() - t0
    with open(os.path.join(out, "portalis-report.json")) as f:
        return wall, json.load(f)


def loadavg():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--stdlib", default=subprocess.run(
        [sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
        capture_output=True, text=True).stdout.strip())
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    tmp = tempfile.mkdtemp(prefix="portalis-scaling-")
    results = {}
    loads = []
    try:
        for np in (1, 2):
            runs = []
            for _ in range(args.repeat):
                loads.append(loadavg())
                runs.append(run_job(args, np, os.path.join(tmp, f"np{np}")))
            runs.sort(key=lambda r: r[0])
            results[np] = runs[len(runs) // 2]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    exch = subprocess.run(["mpirun", "-np", "2", os.path.join(args.build, "bin", "portalis_exchange_bench")],
                          capture_output=True, text=True, check=True).stdout

    cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
    rep1 = results[1][1]
    print(f"## Distributed job: strong scaling on the stdlib (bench/scaling/run.py)\n")
    print(f"{rep1['totals']['files']} files, {rep1['totals']['bytes'] / 1e6:.1f} MB, {rep1['totals']['lines']} lines; "
          f"CPU: {cpu}, {os.cpu_count()} cores; 1-minute load average at the runs' starts: {', '.join(loads)} "
          f"(the machine is shared: timings are inflated by other processes). Median of {args.repeat} run(s).\n")
    print("| | -np 1 | -np 2 | speed-up |")
    print("|---|---:|---:|---:|")
    w1, w2 = results[1][0], results[2][0]
    print(f"| wall, whole job incl. MPI start (s) | {w1:.2f} | {w2:.2f} | {w1 / w2:.2f}x |")
    j1, j2 = results[1][1]["run"]["wall_seconds"], results[2][1]["run"]["wall_seconds"]
    print(f"| wall, rank 0 inside the job (s) | {j1:.2f} | {j2:.2f} | {j1 / j2:.2f}x |")
    st1 = {s["stage"]: s for s in results[1][1]["stages"]}
    st2 = {s["stage"]: s for s in results[2][1]["stages"]}
    for name in st1:
        a, b = st1[name]["max_rank_ns"] / 1e9, st2[name]["max_rank_ns"] / 1e9
        if a == 0 and b == 0:
            continue
        print(f"| {name}: slowest rank (s); imbalance at -np 2 {st2[name]['imbalance']:.2f} | {a:.3f} | {b:.3f} | "
              f"{(a / b if b else 0):.2f}x |")
    for np in (1, 2):
        rep = results[np][1]
        ex_ms = max(r["ns_exchange"] for r in rep["ranks"]) / 1e6
        ex_b = rep["run"]["exchange_total_bytes"]
        print(f"| summary exchange at -np {np}: {ex_b / 1e6:.2f} MB received in all, slowest rank (ms) | "
              f"{ex_ms:.1f} | | |" if np == 1 else
              f"| summary exchange at -np {np}: {ex_b / 1e6:.2f} MB received in all, slowest rank (ms) | | {ex_ms:.1f} | |")
    walls = [r["ns_wall"] / 1e9 for r in results[2][1]["ranks"]]
    files = [r["files"] for r in results[2][1]["ranks"]]
    cpus = [r["ns_cpu"] / 1e9 for r in results[2][1]["ranks"]]
    cpu1 = results[1][1]["ranks"][0]["ns_cpu"] / 1e9
    print(f"\nPer rank at -np 2: files {files}, wall {', '.join(f'{w:.2f}' for w in walls)} s, "
          f"CPU {', '.join(f'{c:.2f}' for c in cpus)} s (at -np 1: {cpu1:.2f} s CPU in {results[1][1]['ranks'][0]['ns_wall'] / 1e9:.2f} s wall), "
          f"peak RSS {', '.join(str(r['peak_rss_bytes'] >> 20) for r in results[2][1]['ranks'])} MB.\n")
    print("Summary exchange against its size (`mpirun -np 2 portalis_exchange_bench`, MPI_Allgatherv, "
          "blobs of 2,400 bytes, slowest rank, includes packing and unpacking):\n")
    print("| bytes per rank | received per rank | median µs | min µs | GB/s |")
    print("|---:|---:|---:|---:|---:|")
    for line in exch.splitlines():
        if line.startswith("#"):
            continue
        a = line.split()
        print(f"| {int(a[0]):,} | {int(a[1]):,} | {a[2]} | {a[3]} | {a[4]} |")


if __name__ == "__main__":
    main()

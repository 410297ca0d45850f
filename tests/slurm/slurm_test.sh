#!/usr/bin/env bash
# Runs scripts/slurm/translate-node.sbatch under a real single-node Slurm:
# munged, slurmctld and slurmd are started here (as root, minimal slurm.conf,
# state under a temporary folder) and stopped afterwards. Where they cannot
# start, the test says why and exits 77 (ctest: skipped). Never faked.
#   slurm_test.sh REPO_ROOT PORTALIS_BIN SOURCE_DIR
set -uo pipefail
repo="$1"; bin="$2"; src="$3"
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root to start munged/slurmctld/slurmd"
for t in munged slurmctld slurmd sbatch sinfo squeue scontrol; do
  command -v "$t" >/dev/null 2>&1 || [ -x "/usr/sbin/$t" ] || skip "$t not installed (apt-get install slurm-wlm munge)"
done
export PATH="$PATH:/usr/sbin"

tmp="$(mktemp -d /tmp/portalis-slurm-XXXXXX)"
pids=()
cleanup() {
  [ -n "${job:-}" ] && scancel "$job" >/dev/null 2>&1
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null
  done
  [ -n "${keep:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
diagnose() {
  echo "--- slurmctld.log"; tail -20 "$tmp/slurmctld.log" 2>/dev/null
  echo "--- slurmd.log"; tail -20 "$tmp/slurmd.log" 2>/dev/null
  echo "--- munged.log"; tail -5 "$tmp/munged.log" 2>/dev/null
}

# Ports away from the defaults, so a system Slurm (if any) is not disturbed.
base=$((20000 + $$ % 20000))
host="$(hostname -s)"
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/munge"
chmod 700 "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
sock="$tmp/munge/munge.socket"
munged --force --key-file="$tmp/munge/munge.key" --socket="$sock" --pid-file="$tmp/munge/munged.pid" \
  --log-file="$tmp/munged.log" --seed-file="$tmp/munge/munged.seed" >"$tmp/munged.out" 2>&1 \
  || { cat "$tmp/munged.out"; skip "munged does not start here"; }
pids+=("$(cat "$tmp/munge/munged.pid")")

cpus="$(nproc)"
mem="$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)"
cat >"$tmp/slurm.conf" <<CONF
ClusterName=portalis-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
SlurmctldPort=$base
SlurmdPort=$((base + 1))
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$tmp/slurm.conf"

slurmctld -D -i -f "$SLURM_CONF" >"$tmp/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$tmp/slurmd.out" 2>&1 &
pids+=($!)

ready=""
for _ in $(seq 60); do
  state="$(sinfo -h -N -o '%T' 2>/dev/null | head -1)"
  case "$state" in idle*|mix*|alloc*) ready=1; break ;; esac
  kill -0 "${pids[1]}" 2>/dev/null || break
  kill -0 "${pids[2]}" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  diagnose; cat "$tmp/slurmctld.out" "$tmp/slurmd.out" 2>/dev/null | tail -5
  skip "slurmctld/slurmd did not bring the node up (state '${state:-none}')"
fi
echo "slurm up: node $host ($cpus CPUs), ports $base/$((base + 1)), mpi plugins: $(srun --mpi=list 2>&1 | tr '\n' ' ')"

out="$tmp/out"
# The DGX script asks for 8 GPUs per node; this node has none and 2 tasks.
job="$(cd "$repo" && PORTALIS_BIN="$bin" PORTALIS_CONFIG="$repo/configs/ci.ini" sbatch --parsable \
  --ntasks=2 --ntasks-per-node=2 --cpus-per-task=1 --gpus-per-node=0 --time=5 --output="$tmp/job.out" \
  scripts/slurm/translate-node.sbatch "$src" "$out" 2>"$tmp/sbatch.err")"
if [ -z "$job" ]; then
  cat "$tmp/sbatch.err"; diagnose
  echo "FAIL: sbatch refused the job"; exit 1
fi
echo "submitted job $job"
for _ in $(seq 240); do
  st="$(scontrol show job "$job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')"
  case "$st" in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY) break ;; esac
  sleep 0.5
done
echo "job $job: ${st:-unknown}"
echo "--- job output"; cat "$tmp/job.out"
fail() { echo "FAIL: $*"; keep=""; diagnose; exit 1; }
[ "$st" = COMPLETED ] || fail "job state ${st:-unknown}"
grep -q "2 ranks" "$tmp/job.out" || fail "header does not show 2 ranks"
grep -q "^\[translate\]" "$tmp/job.out" || fail "no progress lines"
[ -f "$out/portalis-metrics.h5" ] || fail "no metrics file"
[ -f "$out/logs/rank-1.log" ] || fail "no rank-1 log"
python3 - "$out/portalis-report.json" "$src" <<'PY' || fail "report does not match the input"
import json, os, sys
rep = json.load(open(sys.argv[1]))
n = sum(1 for d, _, fs in os.walk(sys.argv[2]) for f in fs if f.endswith(".py") and "__pycache__" not in d)
assert rep["run"]["ranks"] == 2, rep["run"]
assert rep["totals"]["files"] == n, (rep["totals"], n)
assert sorted({f["rank"] for f in rep["files"]}) == [0, 1]
print(f"report: {n} files over 2 ranks, exchange {rep['run']['exchange']}")
PY
echo "ok: sbatch ran portalis translate under Slurm"

#!/usr/bin/env bash
# Started by the sbatch scripts inside the allocation: checks the arguments,
# finds the binary, and starts one portalis rank per task with srun (PMIx) or
# Open MPI's mpirun where srun has no PMIx.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: sbatch $(basename "${0}") SOURCE OUT [portalis translate options]" >&2
  exit 2
fi
src="$1"
out="$2"
shift 2
submit="${PORTALIS_ROOT:-${SLURM_SUBMIT_DIR:-$PWD}}"
bin="${PORTALIS_BIN:-}"
if [ -z "$bin" ]; then
  if command -v portalis >/dev/null 2>&1; then bin="$(command -v portalis)"; else bin="$submit/build/bin/portalis"; fi
fi
[ -x "$bin" ] || { echo "portalis binary not found: $bin (set PORTALIS_BIN)" >&2; exit 2; }
config=()
cfg="${PORTALIS_CONFIG:-$submit/configs/dgx-h100.ini}"
[ -f "$cfg" ] && config=(--config "$cfg")

launcher="${PORTALIS_LAUNCHER:-}"
if [ -z "$launcher" ]; then
  if srun --mpi=list 2>&1 | grep pmix >/dev/null; then launcher=srun; else launcher=mpirun; fi
fi
echo "portalis: job ${SLURM_JOB_ID:-?} on ${SLURM_JOB_NODELIST:-?}, ${SLURM_NTASKS:-?} tasks, launcher $launcher"
# Rank 0's console is the job's output file: plain progress lines.
if [ "$launcher" = srun ]; then
  exec srun --mpi=pmix --kill-on-bad-exit=1 "$bin" translate "$src" -o "$out" --progress plain "${config[@]}" "$@"
else
  export OMPI_ALLOW_RUN_AS_ROOT="${OMPI_ALLOW_RUN_AS_ROOT:-1}" OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="${OMPI_ALLOW_RUN_AS_ROOT_CONFIRM:-1}"
  exec mpirun -np "${SLURM_NTASKS:-1}" "$bin" translate "$src" -o "$out" --progress plain "${config[@]}" "$@"
fi

#!/usr/bin/env bash
# The prepared GPU check for the scan lexer (issue 4). On a machine with an
# NVIDIA GPU, the CUDA toolkit, CMake and a C++ compiler (nothing else):
#   bench/gpu-check.sh [STDLIB_DIR]
# configures the dependency-free core with CUDA, builds the driver, checks the
# GPU tokens against the serial CPU lexer on every stdlib file, runs the
# throughput benchmark (1 MB .. 1 GB) and writes everything to $OUT (or
# out/gpu-check-<time>/). Meant to finish in under 8 minutes; every step has a
# timeout and a failed step does not stop the later ones.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/out/gpu-check-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
exec > >(tee -a "$out/log.txt") 2>&1
set -x
start=$(date +%s)
status=0
step() {  # step NAME TIMEOUT CMD...: runs CMD, records its status
  local name=$1 limit=$2
  shift 2
  local t0=$(date +%s)
  timeout --kill-after=10 "$limit" "$@" > "$out/$name.txt" 2>&1
  local rc=$?
  echo "$name: exit $rc in $(( $(date +%s) - t0 )) s" | tee -a "$out/summary.txt"
  tail -n 30 "$out/$name.txt"
  [ $rc -eq 0 ] || status=1
  return $rc
}

stdlib="${1:-}"
if [ -z "$stdlib" ] && command -v python3 >/dev/null; then
  stdlib="$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])' 2>/dev/null)"
fi
if [ -z "$stdlib" ] || [ ! -d "$stdlib" ]; then
  # No Python here: the repo's own .py files still exercise the kernel.
  echo "no stdlib found (no python3, no argument): using the repo's .py files" | tee -a "$out/summary.txt"
  stdlib="$root"
fi
echo "stdlib: $stdlib" | tee -a "$out/summary.txt"

{ date -u; uname -a; nvidia-smi || true; nvcc --version || /usr/local/cuda/bin/nvcc --version || true;
  cmake --version; } > "$out/machine.txt" 2>&1
gpu="$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -1)"
echo "gpu: ${gpu:-none}" | tee -a "$out/summary.txt"

# Only the GPU's own architecture: nvcc is the slow part of the build.
cap="$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader 2>/dev/null | head -1 | tr -d ' .')"
archs="${cap:-80;90}"
gen=(); command -v ninja >/dev/null && gen=(-G Ninja)
build="${BUILD_DIR:-$root/build-gpu-check}"
jobs="$(nproc 2>/dev/null || echo 4)"
[ -x /usr/local/cuda/bin/nvcc ] && export PATH="/usr/local/cuda/bin:$PATH"

step configure 180 cmake -S "$root" -B "$build" "${gen[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DPORTALIS_CORE_ONLY=ON -DPORTALIS_BUILD_TESTS=OFF "-DPORTALIS_CUDA_ARCHITECTURES=$archs"
grep -q "PORTALIS_HAVE_CUDA" "$build/CMakeCache.txt" 2>/dev/null || true
step build 300 cmake --build "$build" --target portalis_lex_scaling -j "$jobs"
bin="$build/bin/portalis_lex_scaling"
if [ -x "$bin" ]; then
  # Correctness: GPU vs serial lexer on every stdlib file; host scan likewise.
  step check_gpu 180 "$bin" check --engine gpu --list-fallback "$stdlib"
  step check_host 180 "$bin" check --engine host "$stdlib"
  # Throughput: serial, host scan (small sizes), GPU kernel-only and end to end.
  step bench 300 "$bin" bench --max-mb "${MAX_MB:-1024}" --host-max-mb 16 "$stdlib"
  # Out-of-bounds and uninitialised reads in the kernels, on a small slice
  # (the sanitizer slows kernels down a hundredfold).
  san="$(command -v compute-sanitizer || echo /usr/local/cuda/bin/compute-sanitizer)"
  if [ -x "$san" ]; then
    slice=()
    for d in json email http; do [ -d "$stdlib/$d" ] && slice+=("$stdlib/$d"); done
    [ ${#slice[@]} -gt 0 ] || slice=("$stdlib")
    step memcheck 150 "$san" --tool memcheck --error-exitcode 3 "$bin" check --engine gpu --quiet "${slice[@]}"
    step initcheck 150 "$san" --tool initcheck --error-exitcode 3 "$bin" check --engine gpu --quiet "${slice[@]}"
  else
    echo "no compute-sanitizer: memcheck skipped" | tee -a "$out/summary.txt"
  fi
else
  echo "no driver binary: see build.txt" | tee -a "$out/summary.txt"
  status=1
fi
echo "total: $(( $(date +%s) - start )) s, status $status" | tee -a "$out/summary.txt"
exit $status

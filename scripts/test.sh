#!/usr/bin/env bash
# Runs every test: unit, golden, conformance (stdlib vs CPython), MPI, Slurm,
# runtime crate and the end-to-end corpus. One runner: CTest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
build_dir="${PORTALIS_BUILD_DIR:-$root/build}"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export PATH="$HOME/.cargo/bin:$PATH"
cd "$build_dir"
ctest --output-on-failure -j "${PORTALIS_TEST_JOBS:-2}" --timeout 1500 "$@"

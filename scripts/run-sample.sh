#!/usr/bin/env bash
# The main job on the bundled sample codebase (sample/), after set-up.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
bin="${PORTALIS_BUILD_DIR:-$root/build}/bin/portalis"
out="${1:-$root/out/sample}"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
"$bin" parse "$root/sample"

#!/usr/bin/env bash
# Check that the runtime crate builds with Debian's old rustc (1.63), both
# natively and for wasm32-wasi, as generated code must. With --test, also
# build and run the crate's unit tests with that compiler.
#
#   runtime/check-old-rustc.sh [--test] [OUT_DIR]
#
# OUT_DIR (default: a temporary directory) receives the build products, so
# the source tree stays clean. RUSTC_OLD overrides the compiler path.
set -euo pipefail

run_tests=0
if [[ "${1:-}" == "--test" ]]; then
  run_tests=1
  shift
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rustc_old="${RUSTC_OLD:-/usr/bin/rustc}"
out="${1:-}"
if [[ -z "$out" ]]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"

if [[ ! -x "$rustc_old" ]]; then
  echo "check-old-rustc: $rustc_old not found" >&2
  exit 1
fi
echo "check-old-rustc: $("$rustc_old" --version)"

common=(--edition 2021 --crate-name portalis_runtime -D warnings)

"$rustc_old" "${common[@]}" --crate-type rlib "$here/src/lib.rs" -o "$out/libportalis_runtime.rlib"
echo "check-old-rustc: native rlib ok"

"$rustc_old" "${common[@]}" --crate-type rlib --target wasm32-wasi "$here/src/lib.rs" \
  -o "$out/libportalis_runtime-wasm32-wasi.rlib"
echo "check-old-rustc: wasm32-wasi rlib ok"

if [[ "$run_tests" == 1 ]]; then
  "$rustc_old" "${common[@]}" --test "$here/src/lib.rs" -o "$out/portalis_runtime_tests"
  "$out/portalis_runtime_tests" -q
  echo "check-old-rustc: unit tests ok"
fi

#!/usr/bin/env bash
# The main job on the bundled sample codebase (sample/): set-up, then
# `portalis translate` under mpirun with 2 ranks (1 when MPI is unusable),
# then the Cargo workspace it wrote is built offline and its programs run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
export PATH="$HOME/.cargo/bin:$PATH"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
bin="${PORTALIS_BUILD_DIR:-$root/build}/bin/portalis"
out="${1:-$root/out/sample}"
ranks="${PORTALIS_RANKS:-2}"
rm -rf "$out"
if command -v mpirun >/dev/null 2>&1; then
  mpirun -np "$ranks" --oversubscribe "$bin" translate "$root/sample" -o "$out" --config "$root/configs/default.ini"
else
  "$bin" translate "$root/sample" -o "$out" --config "$root/configs/default.ini"
fi
echo
echo "== cargo build --offline --release (the translated workspace)"
cargo build --offline --release -q --manifest-path "$out/Cargo.toml"
for prog in primes receipt; do
  echo "== $prog: translated Rust, then CPython"
  cargo run --offline --release -q --manifest-path "$out/Cargo.toml" --bin "$prog" || echo "($prog exited with $?)"
  (cd "$root/sample" && python3 "$prog.py")
done

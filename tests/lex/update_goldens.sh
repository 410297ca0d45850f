#!/usr/bin/env bash
# Rewrites tests/lex/golden expectations from the current `portalis lex`.
# Usage: tests/lex/update_goldens.sh [PATH/TO/portalis]   (default: build/bin/portalis)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
exec python3 "$here/run_goldens.py" --update --portalis "${1:-$root/build/bin/portalis}" --dir "$here/golden"

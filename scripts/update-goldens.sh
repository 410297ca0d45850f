#!/usr/bin/env bash
# Rewrites every golden expectation (lexer tokens, parser ASTs, translated
# Rust) from the current build after an intended change. Review the diff.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PORTALIS_BUILD_DIR:-$root/build}"
export PATH="$HOME/.cargo/bin:$PATH"
python3 "$root/tests/lex/run_goldens.py" --update --portalis "$build/bin/portalis" --dir "$root/tests/lex/golden"
python3 "$root/tests/parse/run_goldens.py" --update --portalis "$build/bin/portalis" --dir "$root/tests/parse/golden"
python3 "$root/tests/translate/golden.py" --update --tool "$build/bin/translate_tool" \
  --runtime "$root/runtime" --work "$build/tests/translate/golden"
git -C "$root" status --short -- tests/lex/golden tests/parse/golden tests/translate/golden

#!/usr/bin/env bash
# Regenerates the committed fixture contracts from their marked-up sources:
#   fixtures/src/NAME.txt        -> fixtures/NAME.{txt,docx,pdf}
#   fixtures/corpus/src/NAME.txt -> fixtures/corpus/NAME.<format given in gold.toml>
# A source with a line "%% encoding: cp1252" is written as Windows-1252 text.
# Output is deterministic: running it again changes no committed file.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --example gen_fixtures
gen="${CARGO_TARGET_DIR:-target}/release/examples/gen_fixtures"

convert() { # SOURCE OUT...
  local src=$1; shift
  if grep -q '^%% encoding: cp1252' "$src"; then "$gen" --cp1252 "$src" "$@"; else "$gen" "$src" "$@"; fi
}

for src in fixtures/src/*.txt; do
  stem=$(basename "$src" .txt)
  convert "$src" "fixtures/$stem.txt" "fixtures/$stem.docx" "fixtures/$stem.pdf"
done

python3 - <<'PY' | while read -r src format; do
import tomllib
for d in tomllib.load(open("fixtures/corpus/gold.toml", "rb"))["doc"]:
    print(d["src"], d["format"])
PY
  convert "fixtures/corpus/src/$src" "fixtures/corpus/${src%.txt}.$format"
done

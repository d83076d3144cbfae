#!/usr/bin/env bash
# Regenerates the committed fixture contracts from their marked-up sources:
#   fixtures/src/NAME.txt        -> fixtures/NAME.{txt,docx,pdf}
#   fixtures/{corpus,heldout,fresh,fresh5,fresh6,fresh7,fresh10,fresh11,fresh12,fresh13,fresh14,fresh15,fresh16,fresh17,fresh18,fresh19,fresh20,fresh21,fresh22,fresh23,fresh24,fresh25,heldout3,heldout4}/src/NAME.txt -> fixtures/SET/NAME.<format in gold.toml>
# A source with a line "%% encoding: cp1252" is written as Windows-1252 text.
# Output is deterministic: running it again changes no committed file.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p kontrakt-devtools --bin gen_fixtures
gen="${CARGO_TARGET_DIR:-target}/release/gen_fixtures"

convert() { # SOURCE OUT...
  local src=$1; shift
  if grep -q '^%% encoding: cp1252' "$src"; then "$gen" --cp1252 "$src" "$@"; else "$gen" "$src" "$@"; fi
}

for src in fixtures/src/*.txt; do
  stem=$(basename "$src" .txt)
  convert "$src" "fixtures/$stem.txt" "fixtures/$stem.docx" "fixtures/$stem.pdf"
done

# The labelled sets: fixtures/corpus (patterns are tuned on it) and fixtures/heldout
# (written separately, never used for tuning).
for set in corpus heldout fresh fresh5 fresh6 fresh7 fresh10 fresh11 fresh12 fresh13 fresh14 fresh15 fresh16 fresh17 fresh18 fresh19 fresh20 fresh21 fresh22 fresh23 fresh24 fresh25 heldout3 heldout4; do
  python3 - "$set" <<'PY' | while read -r src format; do
import sys, tomllib
for d in tomllib.load(open(f"fixtures/{sys.argv[1]}/gold.toml", "rb"))["doc"]:
    print(d["src"], d["format"])
PY
    convert "fixtures/$set/src/$src" "fixtures/$set/${src%.txt}.$format"
  done
done

# fresh25 contracts (fixtures/fresh25, 6 sources x 3 formats), each in the words of its own trade:
#   nb-01-flyselskap   regional airline, first officer: type rating bond, medical/licence conditions,
#                      notice from signing until the course, start at the course date
#   nb-02-helseforetak health trust, nurse in an intensive care "utdanningsstilling": HPR and police
#                      certificate as conditions, binding time after the education, turnus
#   nn-01-brann        municipal fire and rescue, smoke diver: health requirement and licence class C
#                      as conditions, course paid with "plikttenest", probation extended for absence
#   nn-02-itkonsulent  small IT consultancy in plain nynorsk: customer clause and no-hire, sign-on
#                      bonus repaid within a year, a sum owed for not starting
#   en-01-drilling     offshore drilling contractor: health certificate and GSK/BOSIET as conditions,
#                      2-4 rotation, notice before the commencement date, relocation clawback
#   en-02-bank         bank compliance officer: fit-and-proper and screening with a right to withdraw,
#                      retention award clawback, non-dealing/non-solicitation, no probation

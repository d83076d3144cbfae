#!/usr/bin/env bash
# Regenerates the committed hostile fixtures that need an outside tool. Every other hostile
# input is built by tests/hostile.rs at test time.
#   fixtures/hostile/encrypted-userpw.pdf: fixtures/avtale-bokmal.pdf, AES-256 with the user
#   password "hemmelig" (qpdf; the random salt makes each run differ, any run will do).
set -euo pipefail
cd "$(dirname "$0")/.."
qpdf --encrypt hemmelig eier 256 -- fixtures/avtale-bokmal.pdf fixtures/hostile/encrypted-userpw.pdf

#!/usr/bin/env bash
# Renders the HTML report of two fixtures in headless Chromium, fails on any console or
# JavaScript error, and saves a screenshot (default docs/html-report.png, or the path in $1).
set -euo pipefail

cd "$(dirname "$0")/.."
out=${1:-docs/html-report.png}

if ! command -v chromium >/dev/null; then
    apt-get update && apt-get install -y chromium
fi

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/kontrakt

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page=$work/rapport.html
# Exit code 2 means "found something to act on"; only a missing page is a failure here.
"$bin" sjekk --format html fixtures/avtale-bokmal.pdf fixtures/contract-english.docx >"$page" || [ -s "$page" ]

mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
    --window-size=1200,1800 --screenshot="$(realpath -m "$out")" "file://$page" 2>"$work/chromium.log" || {
    cat "$work/chromium.log" >&2
    exit 1
}

# Chromium logs the page's console messages and uncaught JavaScript errors as CONSOLE lines;
# the page has no scripts, so any of them is a fault.
if grep -E 'CONSOLE|Uncaught' "$work/chromium.log" >&2; then
    echo "check-html: the page logged errors in Chromium" >&2
    exit 1
fi
[ -s "$out" ] || { echo "check-html: no screenshot written" >&2; exit 1; }
echo "check-html: no console errors; screenshot in $out ($(stat -c %s "$out") bytes)"

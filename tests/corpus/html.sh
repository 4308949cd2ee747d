#!/bin/sh
# The HTML report as a person sees it: headless Chromium renders the page
# (no network), the CA table has one row per CA of the stats JSON, and a
# screenshot is kept as a test artifact (build/report.png).
# Usage: CTSCAN=path/to/ctscan sh tests/corpus/html.sh
set -u
SUITE=html
. tests/corpus/lib.sh

BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
  echo "html: chromium not installed (apt-get install chromium)"
  echo "html: 0 passed, 1 failed"
  exit 1
fi

"$CTSCAN" scan --quiet --json "$T/s.json" --html "$T/r.html" \
  corpus/navigli2025h2 corpus/rfc6962/get-entries-2013-pilot.json corpus/zlint >/dev/null 2>&1
[ -s "$T/r.html" ] && ok "report written" || bad "report written"
grep -Eq 'src=|href="http(s)?://[^c]|<script|<link' "$T/r.html" \
  && bad "self-contained: no scripts, no external resources" \
  || ok "self-contained: no scripts, no external resources"

# --dump-dom prints the DOM after the page has been parsed and laid out.
B="$BROWSER --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
$B --dump-dom "file://$T/r.html" >"$T/dom.html" 2>/dev/null
rows=$(grep -o '<tr class="ca">' "$T/dom.html" | wc -l)
cas=$(jq '.cas | length' "$T/s.json")
[ "$rows" -gt 0 ] && [ "$rows" = "$cas" ] && ok "table: one row per CA ($rows)" \
  || bad "table: one row per CA (rows $rows, CAs $cas)"
grep -q '<svg' "$T/dom.html" && ok "charts are inline SVG" || bad "charts are inline SVG"

mkdir -p build
$B --screenshot="$PWD/build/report.png" --window-size=1400,2000 "file://$T/r.html" >/dev/null 2>&1
[ -s build/report.png ] && ok "screenshot kept: build/report.png" || bad "screenshot kept"

echo
echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

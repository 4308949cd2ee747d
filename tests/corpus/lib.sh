# What the command-line test scripts share, sourced from the project root
# after setting SUITE (the name of their temporary folder): CTSCAN, a
# temporary folder T removed on exit, pass/fail counts and
#   ok NAME / bad NAME      count and print one result
#   check NAME COMMAND...   ok when COMMAND exits 0, else bad and its output
#   jqt FILE EXPR           EXPR, run by jq on FILE, prints true
#   scan JSON [OPTION...] INPUT...   a quiet scan writing JSON, exit 0
#   $accounted              the jq test entries == clean + flagged + unparseable
CTSCAN=${CTSCAN:-./ctscan}
T=$(mktemp -d "/tmp/ctscan-$SUITE.XXXXXX")
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() {
  name=$1; shift
  if "$@" >"$T/out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/     /' "$T/out" | head -20; fi
}
jqt() { [ "$(jq -r "$2" "$1" 2>&1)" = "true" ]; }
scan() {
  out=$1; shift
  "$CTSCAN" scan --quiet --json "$out" "$@" >"$T/table" 2>"$T/err"
}
accounted='.totals.entries == .totals.clean + .totals.flagged + .totals.unparseable'

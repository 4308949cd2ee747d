#!/bin/sh
# Command-line tests over the real corpus: what a user runs and reads.
# Usage: CTSCAN=path/to/ctscan sh tests/corpus/run.sh
set -u
SUITE=corpus
. tests/corpus/lib.sh

# usage and unreadable input: exit 1
"$CTSCAN" >/dev/null 2>&1; [ $? -eq 1 ] && ok "no arguments: exit 1" || bad "no arguments: exit 1"
"$CTSCAN" scan --bogus x >/dev/null 2>&1; [ $? -eq 1 ] && ok "unknown option: exit 1" || bad "unknown option: exit 1"
"$CTSCAN" scan "$T/missing" >/dev/null 2>&1; [ $? -eq 1 ] && ok "missing input: exit 1" || bad "missing input: exit 1"

# the navigli2025h2 log tree: 1024 precerts from Let's Encrypt staging CAs
check "log tree scans" scan "$T/navigli.json" corpus/navigli2025h2
check "log tree: 1024 entries, all precerts" jqt "$T/navigli.json" \
  '.totals.entries == 1024 and .totals.precert == 1024 and .totals.unparseable == 0'
check "log tree: every CA is a staging CA" jqt "$T/navigli.json" \
  '[.cas[].issuer_dn | test("\\(STAGING\\) Let.s Encrypt")] | all'
check "log tree: per-CA entries add up" jqt "$T/navigli.json" '([.cas[].entries] | add) == 1024'
check "log tree: table printed" grep -q "STAGING" "$T/table"

# the same tiles gzip'd, zstd'd as one frame, zstd'd as many frames
mkdir -p "$T/gz/tile/data" "$T/zst"
for n in 000 001 002 003; do gzip -c corpus/navigli2025h2/tile/data/$n >"$T/gz/tile/data/$n"; done
cat corpus/navigli2025h2/tile/data/00[0-3] | zstd -q -c >"$T/zst/one-frame.zst"
for n in 000 001 002 003; do zstd -q -c corpus/navigli2025h2/tile/data/$n; done >"$T/zst/frames.zst"
check "gzip tiles scan" scan "$T/gz.json" "$T/gz"
check "gzip tiles: same CAs as raw" sh -c "jq -c .cas '$T/gz.json' >'$T/a'; jq -c .cas '$T/navigli.json' | cmp -s - '$T/a'"
check "zstd one frame scans" scan "$T/z1.json" "$T/zst/one-frame.zst"
check "zstd one frame: same CAs as raw" sh -c "jq -c .cas '$T/z1.json' >'$T/b'; jq -c .cas '$T/navigli.json' | cmp -s - '$T/b'"
check "zstd many frames scans" scan "$T/zn.json" "$T/zst/frames.zst"
check "zstd many frames: same CAs as raw" sh -c "jq -c .cas '$T/zn.json' >'$T/c'; jq -c .cas '$T/navigli.json' | cmp -s - '$T/c'"

# RFC 6962 get-entries: 4 x509 entries
check "get-entries scans" scan "$T/ge.json" corpus/rfc6962/get-entries-2013-pilot.json
check "get-entries: 4 x509" jqt "$T/ge.json" '.totals.entries == 4 and .totals.x509 == 4'

# damaged copies: reported with their location, scanned on, never a crash
head -c 200000 corpus/navigli2025h2/tile/data/001 >"$T/truncated-tile"
check "truncated tile scans" scan "$T/tr.json" "$T/truncated-tile"
check "truncated tile: reported with offset" jqt "$T/tr.json" \
  '.totals.unparseable > 0 and (.totals.errors[0].offset > 0) and (.totals.errors[0].input | endswith("truncated-tile"))'
check "truncated tile: accounted" jqt "$T/tr.json" "$accounted"
head -c 150000 "$T/zst/frames.zst" >"$T/truncated.zst"
check "truncated zstd scans" scan "$T/tz.json" "$T/truncated.zst"
check "truncated zstd: entries before the cut kept" jqt "$T/tz.json" \
  '.totals.precert > 0 and .totals.unparseable > 0'
cp "$T/zst/frames.zst" "$T/flipped.zst"
printf '\377\377\377\377' | dd of="$T/flipped.zst" bs=1 seek=300000 conv=notrunc 2>/dev/null
check "corrupt zstd frame scans" scan "$T/fz.json" "$T/flipped.zst"
check "corrupt zstd: accounted" jqt "$T/fz.json" "$accounted and .totals.unparseable > 0"
head -c 9000 corpus/rfc6962/get-entries-2013-pilot.json >"$T/truncated.json"
check "truncated get-entries scans" scan "$T/tj.json" "$T/truncated.json"
check "truncated get-entries: reported" jqt "$T/tj.json" ".totals.unparseable > 0 and $accounted"
cp corpus/navigli2025h2/tile/data/002 "$T/flipped-tile"
printf '\377' | dd of="$T/flipped-tile" bs=1 seek=5000 conv=notrunc 2>/dev/null
check "bit-flipped tile scans" scan "$T/ft.json" "$T/flipped-tile"
check "bit-flipped tile: accounted" jqt "$T/ft.json" "$accounted"

# every zlint test certificate is read (PEM)
check "PEM corpus scans" scan "$T/pem.json" corpus/zlint
check "PEM corpus: 1073 certificates in 1068 files" jqt "$T/pem.json" '.totals.x509 == 1073'

# the sieve contract: the gated fast path and --full (OpenSSL parses every
# certificate, every lint runs) report identical findings on every corpus
for c in corpus/navigli2025h2 corpus/rfc6962/get-entries-2013-pilot.json corpus/zlint; do
  cn=$(basename "$c")

  "$CTSCAN" scan --quiet --json "$T/fast-$cn.json" --findings "$T/fast-$cn.jsonl" "$c" >/dev/null 2>&1
  "$CTSCAN" scan --quiet --full --json "$T/full-$cn.json" --findings "$T/full-$cn.jsonl" "$c" >/dev/null 2>&1
  check "sieve contract on $cn: stats equal" sh -c "jq -S 'del(.totals.fully_parsed)' '$T/fast-$cn.json' >'$T/a-$cn'; jq -S 'del(.totals.fully_parsed)' '$T/full-$cn.json' | cmp -s - '$T/a-$cn'"
  # workers write findings as they go: compare them in a fixed order
  check "sieve contract on $cn: findings equal" sh -c "sort '$T/fast-$cn.jsonl' >'$T/s1'; sort '$T/full-$cn.jsonl' | cmp -s - '$T/s1'"
done
check "the fast path parses few certificates with OpenSSL (navigli)" jqt "$T/fast-navigli2025h2.json" '.totals.fully_parsed * 10 < .totals.entries'

# findings, CSV and the merge of shards
check "findings and CSV written" sh -c "'$CTSCAN' scan --quiet --json '$T/all.json' --findings '$T/f.jsonl' --csv '$T/r.csv' corpus/zlint corpus/navigli2025h2 >/dev/null"
check "findings: one JSON line per flagged certificate" sh -c "[ \$(wc -l <'$T/f.jsonl') = \$(jq .totals.flagged '$T/all.json') ]"
check "findings: every line names index, sha256, CA and its lints" sh -c "jq -e 'select((.sha256|length)!=64 or (.ca|length)!=32 or (.lints|length)==0)' '$T/f.jsonl' | grep -q . && exit 1 || exit 0"
check "CSV: a header and one row per CA and lint" sh -c "[ \$(( \$(wc -l <'$T/r.csv') - 1 )) = \$(jq '[.cas[].lints|length]|add' '$T/all.json') ]"
mkdir -p "$T/half1/tile/data" "$T/half2/tile/data"
cp corpus/navigli2025h2/tile/data/000 corpus/navigli2025h2/tile/data/001 "$T/half1/tile/data/"
cp corpus/navigli2025h2/tile/data/002 corpus/navigli2025h2/tile/data/003 "$T/half2/tile/data/"
scan "$T/h1.json" "$T/half1" corpus/zlint
scan "$T/h2.json" "$T/half2" corpus/rfc6962/get-entries-2013-pilot.json
scan "$T/whole.json" "$T/half1" corpus/zlint "$T/half2" corpus/rfc6962/get-entries-2013-pilot.json
check "merge of two shards runs" "$CTSCAN" merge -o "$T/merged.json" "$T/h1.json" "$T/h2.json"
check "merge of two shards equals the scan of the whole, byte for byte" cmp "$T/merged.json" "$T/whole.json"
echo '{"schema":1}' >"$T/bogus.json"
"$CTSCAN" merge -o "$T/x.json" "$T/bogus.json" >/dev/null 2>&1; [ $? -eq 1 ] && ok "merge refuses a file that is not ctscan stats" || bad "merge refuses a file that is not ctscan stats"

echo
echo "corpus: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

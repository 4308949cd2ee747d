#!/bin/sh
# Command-line tests of the pipeline: ctscan pack, dumps read frame by
# frame, ct-archive style zips, threads, progress, damaged inputs.
# Usage: CTSCAN=path/to/ctscan sh tests/corpus/pipeline.sh
set -u
SUITE=pipeline
. tests/corpus/lib.sh
same() { cmp -s "$1" "$2"; }
TREE=corpus/navigli2025h2

# pack: a dump that zstd -d turns back into the TileLeaf stream
check "pack a log tree" "$CTSCAN" pack -q -o "$T/n16.tiles.zst" "$TREE"
check "pack -K 1" "$CTSCAN" pack -q -K 1 -o "$T/n1.tiles.zst" "$TREE"
cat $TREE/tile/data/000 $TREE/tile/data/001 $TREE/tile/data/002 $TREE/tile/data/003 >"$T/raw"
check "pack: zstd -d gives the TileLeaf stream" sh -c \
  "zstd -d -q -c '$T/n16.tiles.zst' | cmp -s - '$T/raw' && zstd -d -q -c '$T/n1.tiles.zst' | cmp -s - '$T/raw'"
"$CTSCAN" pack -K 0 -o "$T/x.tiles.zst" "$TREE" >/dev/null 2>&1; [ $? -eq 1 ] && ok "pack -K 0: exit 1" || bad "pack -K 0: exit 1"
"$CTSCAN" pack "$TREE" >/dev/null 2>&1; [ $? -eq 1 ] && ok "pack without -o: exit 1" || bad "pack without -o: exit 1"

# the same stats JSON for the source, any K, any thread count
check "scan the log tree, 1 thread" scan "$T/ref.json" --threads 1 "$TREE"
check "reference: 1024 entries accounted" jqt "$T/ref.json" ".totals.entries == 1024 and $accounted"
for k in 1 16; do
  for t in 1 2 3; do
    check "dump K=$k, $t threads scans" scan "$T/d$k-$t.json" --threads $t "$T/n$k.tiles.zst"
    check "dump K=$k, $t threads: same stats JSON" same "$T/ref.json" "$T/d$k-$t.json"
  done
done
check "log tree, 2 threads: same stats JSON" sh -c \
  "'$CTSCAN' scan --quiet --threads 2 --json '$T/t2.json' '$TREE' >/dev/null && cmp -s '$T/ref.json' '$T/t2.json'"
check "get-entries packed: same stats JSON" sh -c \
  "'$CTSCAN' pack -q -o '$T/ge.tiles.zst' corpus/rfc6962/get-entries-2013-pilot.json &&
   '$CTSCAN' scan --quiet --json '$T/ge1.json' corpus/rfc6962/get-entries-2013-pilot.json >/dev/null &&
   '$CTSCAN' scan --quiet --json '$T/ge2.json' '$T/ge.tiles.zst' >/dev/null &&
   jq -c '.cas, (.totals | del(.errors))' '$T/ge1.json' >'$T/ge1' && jq -c '.cas, (.totals | del(.errors))' '$T/ge2.json' | cmp -s - '$T/ge1'"

# a single-frame zstd file through the decompressing thread and batches
cat "$T/raw" | zstd -q -c >"$T/one.zst"
check "single frame, batches, 2 threads" sh -c \
  "CTSCAN_STREAM_THRESHOLD=1 '$CTSCAN' scan --quiet --threads 2 --json '$T/st.json' '$T/one.zst' >/dev/null && cmp -s '$T/ref.json' '$T/st.json'"

# ct-archive style zips: deflated and stored members, a directory prefix
if command -v zip >/dev/null 2>&1; then
  (cd "$TREE" && zip -q -r "$T/a.zip" tile/data && zip -q -0 -r "$T/s.zip" tile/data)
  check "deflated zip: same stats JSON" sh -c "'$CTSCAN' scan --quiet --threads 2 --json '$T/z.json' '$T/a.zip' >/dev/null && cmp -s '$T/ref.json' '$T/z.json'"
  check "stored zip: same stats JSON" sh -c "'$CTSCAN' scan --quiet --json '$T/zs.json' '$T/s.zip' >/dev/null && cmp -s '$T/ref.json' '$T/zs.json'"
  check "pack a zip" sh -c "'$CTSCAN' pack -q -o '$T/z.tiles.zst' '$T/a.zip' && '$CTSCAN' scan --quiet --json '$T/zd.json' '$T/z.tiles.zst' >/dev/null && cmp -s '$T/ref.json' '$T/zd.json'"
  # a member whose compressed size in the directory lies (too small)
  cp "$T/a.zip" "$T/lie.zip"
  # the member tile/data/001 claims 1 byte of compressed data (APPNOTE 4.3.12)
  if python3 - "$T/lie.zip" <<'EOF'
import struct, sys, zipfile
path = sys.argv[1]
z = zipfile.ZipFile(path)
d = bytearray(open(path, 'rb').read())
pos = z.start_dir
while d[pos:pos + 4] == b'PK\x01\x02':
    n, e, c = struct.unpack('<HHH', d[pos + 28:pos + 34])
    if d[pos + 46:pos + 46 + n] == b'tile/data/001':
        d[pos + 20:pos + 24] = struct.pack('<I', 1)
    pos += 46 + n + e + c
open(path, 'wb').write(d)
EOF
  then
    check "zip with a lying size scans" scan "$T/lie.json" "$T/lie.zip"
    check "zip with a lying size: reported with the member, accounted" jqt "$T/lie.json" \
      "$accounted and .totals.entries == 1024 and .totals.unparseable > 0 and (.totals.errors[0].input | test(\"lie.zip:tile/data/001\"))"
  fi
  head -c 100000 "$T/a.zip" >"$T/cut.zip"
  check "truncated zip scans" scan "$T/cut.json" "$T/cut.zip"
  check "truncated zip: reported" jqt "$T/cut.json" ".totals.unparseable > 0 and $accounted"
fi

# damaged dumps: reported with their location, the rest scanned
python3 - "$T/n1.tiles.zst" "$T/bad.tiles.zst" <<'EOF'
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
mid = len(d) // 2
d[mid:mid + 64] = b'\xa5' * 64
open(sys.argv[2], 'wb').write(d)
EOF
check "corrupt frame scans" scan "$T/bad.json" --threads 2 "$T/bad.tiles.zst"
check "corrupt frame: one frame lost at most, accounted" jqt "$T/bad.json" \
  "$accounted and .totals.entries == 1024 and .totals.unparseable > 0 and .totals.unparseable <= 256 and .totals.errors[0].offset > 0"
check "corrupt frame: same JSON with 1 thread" sh -c \
  "'$CTSCAN' scan --quiet --threads 1 --json '$T/bad1.json' '$T/bad.tiles.zst' >/dev/null && cmp -s '$T/bad.json' '$T/bad1.json'"
head -c $(($(wc -c <"$T/n1.tiles.zst") - 5)) "$T/n1.tiles.zst" >"$T/noseek.tiles.zst"
check "dump without seek table scans" scan "$T/ns.json" "$T/noseek.tiles.zst"
check "dump without seek table: reported, every entry read" jqt "$T/ns.json" \
  "$accounted and .totals.entries == 1024 and (.totals.errors | map(.reason | test(\"seek table\")) | any)"
head -c 300000 "$T/n1.tiles.zst" >"$T/trunc.tiles.zst"
check "truncated dump scans" scan "$T/tr.json" --threads 2 "$T/trunc.tiles.zst"
check "truncated dump: metadata count kept, accounted" jqt "$T/tr.json" \
  "$accounted and .totals.entries == 1024 and .totals.precert > 0 and .totals.unparseable > 0"

# threads and progress
"$CTSCAN" scan --threads 0 "$TREE" >/dev/null 2>&1; [ $? -eq 1 ] && ok "--threads 0: exit 1" || bad "--threads 0: exit 1"
check "--progress draws a line on stderr" sh -c \
  "'$CTSCAN' scan --progress --threads 2 '$T/n1.tiles.zst' 2>'$T/p' >/dev/null; grep -q 'entries/s' '$T/p'"
check "no progress when stderr is not a terminal" sh -c \
  "'$CTSCAN' scan --threads 2 '$T/n1.tiles.zst' 2>'$T/p' >/dev/null; ! grep -q 'entries/s' '$T/p'"
check "--quiet silences --progress" sh -c \
  "'$CTSCAN' scan --quiet --progress '$T/n1.tiles.zst' 2>'$T/p' >/dev/null; ! grep -q 'entries/s' '$T/p'"
check "findings lines from 3 threads do not interleave" sh -c \
  "'$CTSCAN' scan --quiet --threads 3 --findings '$T/f.jsonl' '$T/n1.tiles.zst' >/dev/null &&
   [ \$(jq -c . '$T/f.jsonl' | wc -l) -eq \$(wc -l <'$T/f.jsonl') ] && [ \$(wc -l <'$T/f.jsonl') -gt 0 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

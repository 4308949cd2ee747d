#!/bin/sh
# End-to-end benchmark: entries/s and MB/s (decompressed TileLeaf bytes) of
# each stage on the same data, with ratios to the floor (`zstd -d` of the
# same data to /dev/null) measured in this run. Prints one table and writes
# it to bench/results.md.
#
# Usage: sh bench/run.sh CTSCAN OPENSSL_BASELINE [REPEAT]
# Environment:
#   CTGEN       the generator (default build/ctgen); without it the generated
#               rows are left out
#   GEN_N       entries of the generated dump (default 1000000)
#   GEN_FULL_N  entries of the smaller generated dump used for the slow rows
#               (--full, OpenSSL), so that `make bench` stays near 10 minutes
#               on 2 cores (default 100000)
#   GEN_SEED    generator seed (default 1)
#   BENCH_CACHE where generated dumps are kept between runs, by seed and size
#               (default /tmp/ctscan-bench-cache)
#   RESULTS     the Markdown file written (default bench/results.md)
#   SCALING_REPEAT  runs per thread count of the scaling table (default 2)
set -eu
CTSCAN=$1
BASELINE=$2
REPEAT=${3:-16}
CTGEN=${CTGEN:-build/ctgen}
GEN_N=${GEN_N:-1000000}
GEN_FULL_N=${GEN_FULL_N:-100000}
GEN_SEED=${GEN_SEED:-1}
BENCH_CACHE=${BENCH_CACHE:-/tmp/ctscan-bench-cache}
RESULTS=${RESULTS:-bench/results.md}
T=$(mktemp -d /tmp/ctscan-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT

now() { date +%s.%N; }
# secs RUNS COMMAND...: seconds for the command, best of RUNS
secs() {
  runs=$1
  shift
  b=""
  k=0
  while [ $k -lt "$runs" ]; do
    t0=$(now)
    "$@" >/dev/null 2>&1
    t1=$(now)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
    if [ -z "$b" ] || awk -v s="$s" -v b="$b" 'BEGIN { exit !(s < b) }'; then b=$s; fi
    k=$((k + 1))
  done
  echo "$b"
}

# --- the machine ------------------------------------------------------------
cpu=$(grep -m1 -E "model name|^Model|^Hardware" /proc/cpuinfo 2>/dev/null | sed 's/.*: //')
[ -n "$cpu" ] || cpu=$(uname -p)
isa=$(uname -m)
if grep -q -w avx2 /proc/cpuinfo 2>/dev/null; then isa="$isa, AVX2"; fi
if grep -q -w -E "asimd|neon" /proc/cpuinfo 2>/dev/null; then isa="$isa, NEON"; fi
kernel=$("$CTSCAN" --version 2>/dev/null | sed -n 's/.*kernel \([a-z0-9]*\).*/\1/p')
[ -n "$kernel" ] || kernel=default
machine="$cpu, $(nproc) cores, $isa"

rows="$T/rows"
: >"$rows"
# row DATASET LABEL SECONDS ENTRIES BYTES FLOOR_SECONDS
row() {
  awk -v d="$1" -v label="$2" -v t="$3" -v n="$4" -v bytes="$5" -v floor="$6" \
    'BEGIN { printf "%s\t%s\t%.0f\t%.1f\t%.3f\n", d, label, n / t, bytes / t / 1e6, floor / t }' >>"$rows"
}

# --- the real corpus: 1,024 precertificates, as one zstd stream, REPEAT times
cat corpus/navigli2025h2/tile/data/00[0-3] | zstd -q -3 -c >"$T/real.zst"
raw_bytes=$(cat corpus/navigli2025h2/tile/data/00[0-3] | wc -c)
real_n=$((1024 * REPEAT))
real_bytes=$((raw_bytes * REPEAT))
set --
i=0
while [ $i -lt "$REPEAT" ]; do set -- "$@" "$T/real.zst"; i=$((i + 1)); done
d="real x$REPEAT"
floor=$(secs 3 zstd -d -q -c "$@")
row "$d" "zstd -d (floor)" "$floor" "$real_n" "$real_bytes" "$floor"
row "$d" "ctscan scan ($kernel kernel)" "$(secs 3 "$CTSCAN" scan --quiet --threads 1 "$@")" "$real_n" "$real_bytes" "$floor"
row "$d" "ctscan scan (scalar kernel)" "$(secs 3 env CTSCAN_KERNEL=scalar "$CTSCAN" scan --quiet --threads 1 "$@")" "$real_n" "$real_bytes" "$floor"
row "$d" "ctscan scan --full" "$(secs 3 "$CTSCAN" scan --quiet --threads 1 --full "$@")" "$real_n" "$real_bytes" "$floor"
row "$d" "OpenSSL d2i_X509 every cert" "$(secs 3 "$BASELINE" "$@")" "$real_n" "$real_bytes" "$floor"

# --- generated dumps (ctgen), cached by seed and size -----------------------
# gen N: prints the path of the cached dump of N entries
gen() {
  f="$BENCH_CACHE/ctgen-s$GEN_SEED-n$1.tiles.zst"
  if [ ! -s "$f" ] || [ ! -s "$f.bytes" ]; then
    mkdir -p "$BENCH_CACHE"
    "$CTGEN" -q -n "$1" -s "$GEN_SEED" -o "$f.tmp" --truth "$f.truth.tsv" >&2
    zstd -d -q -c "$f.tmp" | wc -c | tr -d ' ' >"$f.bytes"
    mv "$f.tmp" "$f"
  fi
  echo "$f"
}
gen_note=""
if [ -x "$CTGEN" ]; then
  big=$(gen "$GEN_N")
  big_bytes=$(cat "$big.bytes")
  d="generated $GEN_N"
  floor=$(secs 3 zstd -d -q -c "$big")
  row "$d" "zstd -d (floor)" "$floor" "$GEN_N" "$big_bytes" "$floor"
  row "$d" "ctscan scan ($kernel kernel)" "$(secs 1 "$CTSCAN" scan --quiet --threads 1 "$big")" "$GEN_N" "$big_bytes" "$floor"
  row "$d" "ctscan scan (scalar kernel)" "$(secs 1 env CTSCAN_KERNEL=scalar "$CTSCAN" scan --quiet --threads 1 "$big")" "$GEN_N" "$big_bytes" "$floor"
  small=$(gen "$GEN_FULL_N")
  small_bytes=$(cat "$small.bytes")
  d="generated $GEN_FULL_N"
  floor=$(secs 3 zstd -d -q -c "$small")
  row "$d" "zstd -d (floor)" "$floor" "$GEN_FULL_N" "$small_bytes" "$floor"
  row "$d" "ctscan scan --full" "$(secs 1 "$CTSCAN" scan --quiet --threads 1 --full "$small")" "$GEN_FULL_N" "$small_bytes" "$floor"
  row "$d" "OpenSSL d2i_X509 every cert" "$(secs 1 "$BASELINE" "$small")" "$GEN_FULL_N" "$small_bytes" "$floor"
  gen_note="generated: ctgen -s $GEN_SEED (corpus/gen), $(awk -v b="$big_bytes" -v n="$GEN_N" 'BEGIN { printf "%.0f", b / n }') bytes/entry decompressed, $(($(wc -c <"$big") / 1000000)) MB compressed for $GEN_N entries"
else
  gen_note="generated rows left out: $CTGEN not built"
fi

# --- the table ---------------------------------------------------------------
when=$(date -u +%Y-%m-%dT%H:%M:%SZ)
{
  echo "machine: $machine; one thread; $when"
  echo "real: $REPEAT x 1,024 real precertificates (corpus/navigli2025h2), $((real_bytes / 1000000)) MB decompressed"
  echo "$gen_note"
  echo "ratio: the floor's time / the row's time, floor = zstd -d of the same dataset in this run"
  printf '%-18s %-32s %12s %10s %8s\n' dataset stage entries/s MB/s ratio
  awk -F'\t' '{ printf "%-18s %-32s %12s %10s %8s\n", $1, $2, $3, $4, $5 }' "$rows"
} | tee "$T/table"

{
  echo "# ctscan benchmark results"
  echo
  echo "Written by \`make bench\` (bench/run.sh) on $when."
  echo
  echo "- machine: $machine; one thread"
  echo "- real: $REPEAT x 1,024 real precertificates (corpus/navigli2025h2)"
  echo "- $gen_note"
  echo "- ratio: the floor's time divided by the row's time; the floor is"
  echo "  \`zstd -d\` of the same dataset to /dev/null, measured in the same run"
  echo
  echo "| dataset | stage | entries/s | MB/s | ratio to floor |"
  echo "|---|---|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$rows"
} >"$RESULTS"

# --- thread scaling on the large generated dump -------------------------------
if [ -n "${big:-}" ]; then
  scaling=$(DUMP="$big" REPEAT="${SCALING_REPEAT:-2}" sh bench/scaling.sh "$CTSCAN" "$(nproc)")
  echo "$scaling"
  {
    echo
    echo "## Thread scaling"
    echo
    echo "bench/scaling.sh on the generated $GEN_N-entry dump, best of ${SCALING_REPEAT:-2} runs per"
    echo "thread count; speedup and efficiency against one thread, vs_floor against"
    echo "\`zstd -d -T1\` of the same dump, peak RSS from \`/usr/bin/time -v\`:"
    echo
    echo '```'
    echo "$scaling"
    echo '```'
  } >>"$RESULTS"
fi
echo "written: $RESULTS"

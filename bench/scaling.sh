#!/bin/sh
# Thread scaling of `ctscan scan` on one ctscan dump: entries/s for 1..N
# threads, speedup and parallel efficiency against one thread, the ratio
# to the decompression floor (`zstd -d -T1` of the same dump), CPU time
# and peak RSS (/usr/bin/time -v, when present).
#
# Usage: sh bench/scaling.sh [CTSCAN] [MAX_THREADS] [ENTRIES]
#   CTGEN=path/to/ctgen   generator to use (default: build/ctgen or
#                         build/*/ctgen); without one, the corpus log tree
#                         is packed ENTRIES/1024 times.
#   DUMP=path.tiles.zst   scan this dump instead of making one.
#   REPEAT=n              runs per thread count, best kept (default 1).
# The dump is cached under ${TMPDIR:-/tmp}/ctscan-scaling/.
set -eu
CTSCAN=${1:-./ctscan}
MAX=${2:-$(nproc)}
ENTRIES=${3:-1048576}
REPEAT=${REPEAT:-1}
CACHE=${TMPDIR:-/tmp}/ctscan-scaling
mkdir -p "$CACHE"

if [ -z "${DUMP:-}" ]; then
  gen=${CTGEN:-}
  if [ -z "$gen" ]; then
    for g in build/ctgen build/*/ctgen; do
      if [ -x "$g" ]; then gen=$g; break; fi
    done
  fi
  if [ -n "$gen" ]; then
    DUMP=$CACHE/ctgen-n$ENTRIES.tiles.zst
    [ -s "$DUMP" ] || "$gen" -q -n "$ENTRIES" -s 1 -o "$DUMP" --truth "$CACHE/ctgen-n$ENTRIES.truth.tsv"
  else
    DUMP=$CACHE/corpus-n$ENTRIES.tiles.zst
    if [ ! -s "$DUMP" ]; then
      copies=$(( (ENTRIES + 1023) / 1024 ))
      set --
      i=0
      while [ $i -lt $copies ]; do set -- "$@" corpus/navigli2025h2; i=$((i + 1)); done
      "$CTSCAN" pack -q -o "$DUMP" "$@"
    fi
  fi
fi

# The entry count from the dump's metadata frame (design.md: "entries":N).
entries=$(head -c 4096 "$DUMP" | tr -c '[:print:]' '\n' | grep -o '"entries":[0-9]*' | head -1 | cut -d: -f2)
[ -n "$entries" ] || entries=$ENTRIES
bytes=$(wc -c <"$DUMP")

now() { date +%s.%N; }
TIMEV=""
[ -x /usr/bin/time ] && TIMEV=/usr/bin/time

# run_best COMMAND...: sets secs (wall, best of REPEAT), cpu (user+sys of
# that run) and rss (peak KiB)
run_best() {
  secs=""; cpu="-"; rss="-"
  k=0
  while [ $k -lt "$REPEAT" ]; do
    t0=$(now)
    if [ -n "$TIMEV" ]; then
      $TIMEV -v "$@" >/dev/null 2>"$CACHE/timev" || true
    else
      "$@" >/dev/null 2>&1 || true
    fi
    t1=$(now)
    s=$(awk "BEGIN { print $t1 - $t0 }")
    if [ -z "$secs" ] || awk "BEGIN { exit !($s < $secs) }"; then
      secs=$s
      if [ -n "$TIMEV" ]; then
        cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$CACHE/timev")
        rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$CACHE/timev")
      fi
    fi
    k=$((k + 1))
  done
}

run_best zstd -d -T1 -q -f -c "$DUMP"
floor=$(awk "BEGIN { printf \"%.0f\", $entries / $secs }")

cpu_model=$(grep -m1 "model name" /proc/cpuinfo | sed 's/.*: //')
echo "machine: $cpu_model, $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dump: $DUMP ($entries entries, $bytes bytes)"
echo "floor: zstd -d -T1: ${secs}s, $floor entries/s"
printf "%7s %9s %12s %8s %10s %9s %8s %10s\n" threads seconds entries/s speedup efficiency vs_floor cpu_s peak_rss_KiB
one=""
t=1
while [ $t -le "$MAX" ]; do
  run_best "$CTSCAN" scan --quiet --threads $t "$DUMP"
  rate=$(awk "BEGIN { printf \"%.0f\", $entries / $secs }")
  [ -n "$one" ] || one=$rate
  awk -v t=$t -v s="$secs" -v r="$rate" -v one="$one" -v f="$floor" -v c="$cpu" -v m="$rss" \
    'BEGIN { printf "%7d %9.2f %12.0f %7.2fx %9.0f%% %9.3f %8s %10s\n", t, s, r, r / one, 100 * r / one / t, r / f, c, m }'
  t=$((t + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

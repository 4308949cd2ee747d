#!/bin/sh
# End-to-end benchmark: entries/s and MB/s of each stage on the same data,
# with ratios to the floor (zstd -d of the same dump) measured in this run.
# Usage: sh bench/run.sh CTSCAN OPENSSL_BASELINE [REPEAT]
set -eu
CTSCAN=$1
BASELINE=$2
REPEAT=${3:-64}
T=$(mktemp -d /tmp/ctscan-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT

# The dump: the real tiles (1,024 precertificates) as one zstd stream,
# read REPEAT times.
cat corpus/navigli2025h2/tile/data/00[0-3] | zstd -q -3 -c >"$T/dump.zst"
raw_bytes=$(cat corpus/navigli2025h2/tile/data/00[0-3] | wc -c)
entries=$((1024 * REPEAT))
set --
i=0
while [ $i -lt "$REPEAT" ]; do set -- "$@" "$T/dump.zst"; i=$((i + 1)); done

now() { date +%s.%N; }
# time_cmd LABEL COMMAND...: seconds for the command (best of 3)
best() {
  b=""
  for k in 1 2 3; do
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    s=$(awk "BEGIN { print $t1 - $t0 }")
    if [ -z "$b" ] || awk "BEGIN { exit !($s < $b) }"; then b=$s; fi
  done
  echo "$b"
}

floor=$(best zstd -d -q -c "$@")
scan=$(best "$CTSCAN" scan --quiet "$@")
scalar=$(CTSCAN_KERNEL=scalar best "$CTSCAN" scan --quiet "$@")
full=$(best "$CTSCAN" scan --quiet --full "$@")
openssl=$(best "$BASELINE" "$@")

cpu=$(grep -m1 "model name" /proc/cpuinfo | sed 's/.*: //')
echo "machine: $cpu, $(nproc) cores, $(uname -m); one thread"
echo "data: $entries entries ($REPEAT x 1,024 real precertificates), $((raw_bytes * REPEAT / 1000000)) MB decompressed"
printf '%-34s %12s %10s %10s\n' stage entries/s MB/s ratio
row() {
  awk -v label="$1" -v t="$2" -v n="$entries" -v bytes="$((raw_bytes * REPEAT))" \
      -v floor="$floor" \
      'BEGIN { printf "%-34s %12.0f %10.1f %10.3f\n", label, n / t, bytes / t / 1e6, floor / t }'
}
row "zstd -d (floor)" "$floor"
row "ctscan scan ($("$CTSCAN" --version | sed 's/.*kernel //; s/)//') kernel)" "$scan"
row "ctscan scan (scalar kernel)" "$scalar"
row "ctscan scan --full" "$full"
row "OpenSSL d2i_X509 every cert" "$openssl"

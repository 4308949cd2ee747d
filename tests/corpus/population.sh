#!/bin/sh
# Population lints over the real corpus: the per-CA "population" object is
# written for every CA, does not depend on the number of threads, and
# survives `ctscan merge` of shards.
# Usage: CTSCAN=path/to/ctscan sh tests/corpus/population.sh
set -u
SUITE=pop
. tests/corpus/lib.sh

inputs="corpus/navigli2025h2 corpus/zlint corpus/rfc6962/get-entries-2013-pilot.json"
for n in 1 2 5; do
  # shellcheck disable=SC2086
  "$CTSCAN" scan --quiet --threads $n --json "$T/t$n.json" $inputs >/dev/null 2>&1
done
check "population: one object per CA with the five counts" jqt "$T/t1.json" \
  '[.cas[].population | has("serial_entropy_bits") and has("sequential_serial_runs") and has("duplicate_serials") and has("typo_reissues") and has("profiles")] | all'
check "population: the same for 1, 2 and 5 threads" sh -c "cmp '$T/t1.json' '$T/t2.json' && cmp '$T/t1.json' '$T/t5.json'"
check "population: entropy null below 16 serials" jqt "$T/t1.json" \
  '[.cas[] | select(.population.serials_counted < 16) | .population.serial_entropy_bits == null] | all'
check "population: Let's Encrypt staging serials are random (over 64 bits)" jqt "$T/t1.json" \
  '[.cas[] | select(.issuer_dn | test("STAGING")) | select(.entries >= 100) | .population.serial_entropy_bits > 64 and .population.sequential_serial_runs == 0 and .population.duplicate_serials == 0] | all'
check "population: the zlint test CAs reuse serials" jqt "$T/t1.json" \
  '([.cas[].population.duplicate_serials] | add) > 0'
printf 'thresholds:\n  serial_entropy_bits: 150\n' >"$T/c.yaml"
"$CTSCAN" scan --quiet --config "$T/c.yaml" --json "$T/c.json" corpus/navigli2025h2 >/dev/null 2>&1
check "population: serial_entropy_bits threshold from the config" jqt "$T/c.json" \
  '[.cas[] | select(.population.serial_entropy_bits != null) | .population.serial_entropy_low] | all'

echo
echo "population: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# Accuracy test: scan a generated dump and compare ctscan's findings with the
# generator's ground truth, entry for entry and CA for CA, for every lint
# that ctscan implements and the generator models (corpus/gen/README.md).
# Lints ctscan reports that the generator does not model are listed for
# information only.
# Usage: CTSCAN=./ctscan CTGEN=build/ctgen sh tests/corpus/gen.sh [ENTRIES] [SEED]
set -u
CTSCAN=${CTSCAN:-./ctscan}
CTGEN=${CTGEN:-build/ctgen}
N=${1:-20000}
SEED=${2:-20250101}
T=$(mktemp -d /tmp/ctscan-gen.XXXXXX)
trap 'rm -rf "$T"' EXIT

for tool in "$CTSCAN" "$CTGEN"; do
  [ -x "$tool" ] || { echo "gen.sh: $tool not built" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "gen.sh: jq is needed" >&2; exit 2; }

t0=$(date +%s.%N)
# The generator is a test tool that leaves its tables to exit (no leak
# report for it under ASan); ctscan itself keeps leak detection.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 "$CTGEN" -q -n "$N" -s "$SEED" -o "$T/dump.tiles.zst" --truth "$T/truth.tsv" || exit 2
t1=$(date +%s.%N)
"$CTSCAN" scan --quiet --json "$T/stats.json" --findings "$T/findings.jsonl" \
  "$T/dump.tiles.zst" >/dev/null 2>"$T/err" || { cat "$T/err"; exit 2; }
t2=$(date +%s.%N)

"$CTSCAN" list-lints | jq -r .name | sort >"$T/implemented"
"$CTGEN" --list-lints | sort >"$T/modelled"
comm -12 "$T/implemented" "$T/modelled" >"$T/compared"

# lint <TAB> index <TAB> ca, from both sides
grep -v '^#' "$T/truth.tsv" | grep -v $'\tpopulation:' |
  awk -F'\t' '{ print $2 "\t" $1 "\t" $3 }' | sort -u >"$T/want"
jq -r '. as $f | .lints | keys[] | "\(.)\t\($f.index)\t\($f.ca)"' \
  "$T/findings.jsonl" | sort -u >"$T/got"

pass=0
fail=0
printf '%-66s %7s %7s %7s %7s  %s\n' lint truth found missing extra result
while read -r lint; do
  grep -F "$lint	" "$T/want" | awk -F'\t' -v l="$lint" '$1 == l' >"$T/w"
  grep -F "$lint	" "$T/got" | awk -F'\t' -v l="$lint" '$1 == l' >"$T/g"
  nw=$(wc -l <"$T/w")
  ng=$(wc -l <"$T/g")
  miss=$(comm -23 "$T/w" "$T/g" | wc -l)
  extra=$(comm -13 "$T/w" "$T/g" | wc -l)
  if [ "$miss" -eq 0 ] && [ "$extra" -eq 0 ]; then
    r=ok
    pass=$((pass + 1))
  else
    r=FAIL
    fail=$((fail + 1))
  fi
  printf '%-66s %7d %7d %7d %7d  %s\n' "$lint" "$nw" "$ng" "$miss" "$extra" "$r"
  if [ "$r" = FAIL ]; then
    comm -23 "$T/w" "$T/g" | head -3 | awk -F'\t' '{ print "      missing: index " $2 " ca " $3 }'
    comm -13 "$T/w" "$T/g" | head -3 | awk -F'\t' '{ print "      extra:   index " $2 " ca " $3 }'
  fi
done <"$T/compared"

# Population lints: compared when ctscan reports any population figure.
if jq -e '[.cas[].population // {} | .[]? | select(. != 0)] | length > 0' \
     "$T/stats.json" >/dev/null 2>&1; then
  m=duplicate_serials
  grep -v '^#' "$T/truth.tsv" | awk -F'\t' -v m="population:$m" '$2 == m { n[$3]++ }
    END { for (c in n) print c "\t" n[c] }' | sort >"$T/pw"
  jq -r --arg m "$m" '.cas[] | select((.population[$m] // 0) > 0) |
    "\(.id)\t\(.population[$m])"' "$T/stats.json" | sort >"$T/pg"
  if cmp -s "$T/pw" "$T/pg"; then r=ok; pass=$((pass + 1)); else r=FAIL; fail=$((fail + 1)); fi
  printf '%-66s %7d %7d %7s %7s  %s\n' "population:$m (per CA)" \
    "$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$T/pw")" \
    "$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$T/pg")" - - "$r"

  # Typo reissues: the truth lists each reissue once, at the first entry
  # of its issuance (corpus/gen/README.md), so its lines per CA are the
  # issuances ctscan counts. ctscan keeps whole organizations with
  # probability 2^-level (the sketch's "levels"[2]) and scales what it
  # finds in them; above level 0 the figure to expect is the truth's
  # reissues in the kept organizations, whose issuances the sketch lists
  # by that same first index, times 2^level.
  grep -v '^#' "$T/truth.tsv" | awk -F'\t' '$2 == "population:typo_reissues" {
    print $3 "\t" $1 }' | sort -u >"$T/tw"
  jq -r '.cas[] | "\(.id)\t\(.sketch.population.levels[2] // 0)"' \
    "$T/stats.json" >"$T/tl"
  jq -r '.cas[] | .id as $c | (.sketch.population.organization_certs // [])[] |
    "\($c)\t\(.[3])"' "$T/stats.json" >"$T/tk"
  awk -F'\t' -v out="$T/tn" '
    FILENAME == ARGV[1] { level[$1] = $2; next }
    FILENAME == ARGV[2] { kept[$1 "\t" $2] = 1; next }
    { n[$1]++; if (($1 "\t" $2) in kept) k[$1]++ }
    END {
      for (c in n) {
        e = level[c] > 0 ? (k[c] + 0) * 2 ^ level[c] : n[c]
        if (e > 0) print c "\t" e
        if (level[c] > 0)
          printf "      sampled: ca %s keeps 1/%d of organizations: %d of %d reissues, x%d = %d\n",
            c, 2 ^ level[c], k[c], n[c], 2 ^ level[c], e >out
      }
    }' "$T/tl" "$T/tk" "$T/tw" | sort >"$T/pw"
  jq -r '.cas[] | select((.population.typo_reissues // 0) > 0) |
    "\(.id)\t\(.population.typo_reissues)"' "$T/stats.json" | sort >"$T/pg"
  if cmp -s "$T/pw" "$T/pg"; then r=ok; pass=$((pass + 1)); else r=FAIL; fail=$((fail + 1)); fi
  printf '%-66s %7d %7d %7s %7s  %s\n' "population:typo_reissues (per CA)" \
    "$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$T/pw")" \
    "$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$T/pg")" - - "$r"
  [ -s "$T/tn" ] && sort "$T/tn"
  [ "$r" = FAIL ] && join -a1 -a2 -e0 -o0,1.2,2.2 -t "$(printf '\t')" "$T/pw" "$T/pg" |
    awk -F'\t' '$2 != $3 { print "      ca " $1 ": truth " $2 ", ctscan " $3 }' | head -5
  grep -v '^#' "$T/truth.tsv" | awk -F'\t' '$2 == "population:sequential_serials" { print $3 }' |
    sort -u >"$T/sw"
  jq -r '.cas[] | select((.population.sequential_serial_runs // 0) > 0) | .id' \
    "$T/stats.json" | sort -u >"$T/sg"
  if cmp -s "$T/sw" "$T/sg"; then r=ok; pass=$((pass + 1)); else r=FAIL; fail=$((fail + 1)); fi
  printf '%-66s %7d %7d %7s %7s  %s\n' "population:sequential_serial_runs (CAs)" \
    "$(wc -l <"$T/sw")" "$(wc -l <"$T/sg")" - - "$r"
else
  echo "population lints: not reported by this ctscan (skipped)"
fi

echo
echo "modelled, not yet in ctscan: $(comm -13 "$T/implemented" "$T/modelled" | tr '\n' ' ')"
echo "reported by ctscan, not modelled (entries):"
cut -f1,2 "$T/got" | sort -u | cut -f1 | sort | uniq -c | sort -rn |
  while read -r n lint; do
    grep -qx "$lint" "$T/modelled" || printf '    %-64s %7d\n' "$lint" "$n"
  done
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$N" 'BEGIN {
  printf "\n%d entries: generate %.1f s, scan %.1f s\n", n, b - a, c - b }'
echo "gen: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

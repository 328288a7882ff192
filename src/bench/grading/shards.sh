#!/usr/bin/env bash
# A cohort graded whole and in shards: wall and CPU time of each run, graded submissions per
# core-minute (CPU time, the grader and its children together), and whether the merged shards give
# the whole run's gradebook. Not a test: figures. The shards run one after the other here; on a CI
# engine each is a machine of its own, so the cohort's wall time there is the slowest shard's.
#   src/bench/grading/shards.sh [LEARNERS] [SHARDS]      (default: 40 4)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$here"
n="${1:-40}"; shards="${2:-4}"
work="$(mktemp -d)"
chmod 700 "$work"
trap 'rm -rf "$work"' EXIT
./optikata --version >/dev/null
exercises=$(ls exercises | grep -E '^[0-9][0-9]-')
./optikata grade --submission solutions --out "$work/warm" >/dev/null 2>&1 || true   # the oracle is built once

make_submission() { # $1 folder, $2 seed: each exercise solved, left as the stub, or one benchmark mistake
  local to="$1" k=0
  cp -r exercises "$to"
  for ex in $exercises; do
    k=$((k + 1))
    case $(( ($2 + k) % 3 )) in
      0) cp -r "solutions/$ex/src/." "$to/$ex/src/" ;;
      1) local m=$(ls -d src/kata/benchmark/$ex/*/ 2>/dev/null | sed -n "$(( ($2 * 7 + k) % 15 + 1 ))p")
         [ -n "$m" ] && cp -r "solutions/$ex/src/." "$to/$ex/src/" && cp -r "$m." "$to/$ex/src/" ;;
      *) ;;
    esac
  done
}
mkdir -p "$work/cohort"
for i in $(seq 1 "$n"); do make_submission "$work/cohort/learner-$(printf %04d "$i")" "$i"; done

# run LABEL ARGS...: prints "LABEL: wall W s, cpu C s, G graded, X per core-minute"
run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" ./optikata grade "$@" >/dev/null 2>&1
  read -r wall user sys < "$work/time"
  local out="${@: -1}"
  local graded=$(( $(wc -l < "$out/gradebook.csv") - 1 ))
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v g="$graded" \
    'BEGIN { printf "%s: wall %.1f s, cpu %.1f s, %d graded, %.1f per core-minute\n", l, w, u + s, g, g / ((u + s) / 60) }'
}
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $n learners"
run "whole cohort, --jobs 2" --cohort "$work/cohort" --jobs 2 --out "$work/whole"
dirs=()
for i in $(seq 1 "$shards"); do
  run "shard $i/$shards, --jobs 2" --cohort "$work/cohort" --shard "$i/$shards" --jobs 2 --out "$work/shard-$i"
  dirs+=("$work/shard-$i")
done
./optikata grade merge "${dirs[@]}" --out "$work/merged" >/dev/null
if cmp -s "$work/merged/gradebook.csv" "$work/whole/gradebook.csv"; then
  echo "merged shards: the whole run's gradebook, byte for byte"
else
  echo "merged shards: gradebook DIFFERS from the whole run's"; exit 1
fi

#!/usr/bin/env bash
# Grading at scale: wall time of a perfect and an untouched submission, and of cohorts of
# synthetic submissions (a mix of solved, untouched and mistaken exercises from the mistake
# benchmark), graded with the sandbox on. Prints one line per measurement. Not a test: figures.
#   src/bench/grading/scale.sh [SIZES...]      (default sizes: 10 40)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$here"
sizes=("${@:-10 40}")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./optikata --version >/dev/null
exercises=$(ls exercises | grep -E '^[0-9][0-9]-')

secs() { local s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
./optikata grade --submission solutions --out "$work/warm" >/dev/null 2>&1 || true   # the oracle is built once
echo "perfect submission: $(secs ./optikata grade --submission solutions --out "$work/perfect") s"
echo "untouched stubs:    $(secs ./optikata grade --submission exercises --out "$work/stubs") s"

make_submission() { # $1 folder, $2 seed
  local to="$1" k=0
  cp -r exercises "$to"
  for ex in $exercises; do
    k=$((k + 1))
    case $(( ($2 + k) % 3 )) in
      0) cp -r "solutions/$ex/src/." "$to/$ex/src/" ;;
      1) local m=$(ls -d src/kata/benchmark/$ex/*/ 2>/dev/null | sed -n "$(( ($2 * 7 + k) % 15 + 1 ))p")
         [ -n "$m" ] && cp -r "solutions/$ex/src/." "$to/$ex/src/" && cp -r "$m." "$to/$ex/src/" ;;
      *) ;;  # left as the stub
    esac
  done
}

for n in ${sizes[@]}; do
  cohort="$work/cohort-$n"
  mkdir -p "$cohort"
  for i in $(seq 1 "$n"); do make_submission "$cohort/learner-$(printf %03d "$i")" "$i"; done
  t=$(secs ./optikata grade --cohort "$cohort" --jobs 2 --out "$work/out-$n")
  echo "cohort of $n, --jobs 2: $t s ($(awk -v t="$t" -v n="$n" 'BEGIN { printf "%.2f", t / n }') s per submission)"
done

#!/usr/bin/env bash
# A cohort graded whole and in shards: wall and CPU time of each run, graded submissions per
# core-minute (CPU time, the grader and its children together: counted in a cpuacct cgroup of its
# own where one can be made, since a sandboxed child killed with its namespace is reaped by no
# process that /usr/bin/time waits for; else by /usr/bin/time), and whether the merged shards give
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

make_submission() { # $1 folder, $2 seed: every 10th perfect, every 10th not started; else each exercise
  local to="$1" k=0     # solved, left as the stub, one benchmark mistake, or a source that does not compile
  cp -r exercises "$to"
  [ $(( $2 % 10 )) = 5 ] && return 0
  for ex in $exercises; do
    k=$((k + 1))
    local kind=$(( ($2 + k) % 4 ))
    [ $(( $2 % 10 )) = 0 ] && kind=0
    case $kind in
      0) cp -r "solutions/$ex/src/." "$to/$ex/src/" ;;
      1) local m=$(ls -d src/kata/benchmark/$ex/*/ 2>/dev/null | sed -n "$(( ($2 * 7 + k) % 15 + 1 ))p")
         [ -n "$m" ] && cp -r "solutions/$ex/src/." "$to/$ex/src/" && cp -r "$m." "$to/$ex/src/" ;;
      2) if [ $(( $2 % 7 )) = 3 ]; then for f in $(find "$to/$ex/src" -name '*.java'); do echo "class {" >> "$f"; done; fi ;;
      *) ;;
    esac
  done
}
mkdir -p "$work/cohort"
for i in $(seq 1 "$n"); do make_submission "$work/cohort/learner-$(printf %04d "$i")" "$i"; done

# run LABEL ARGS...: prints "LABEL: wall W s, cpu C s, G graded, X per core-minute"
run() {
  local label="$1"; shift
  local cg=/sys/fs/cgroup/cpuacct/optikata-bench-$$
  if mkdir "$cg" 2>/dev/null; then
    local s=$(date +%s.%N)
    bash -c 'echo $$ > "$1/cgroup.procs"; shift; exec ./optikata grade "$@"' _ "$cg" "$@" >/dev/null 2>&1
    local wall=$(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    sleep 0.5
    local user=$(awk '{ printf "%.2f", $1 / 1e9 }' "$cg/cpuacct.usage") sys=0
    rmdir "$cg" 2>/dev/null || true
  else
    /usr/bin/time -f "%e %U %S" -o "$work/time" ./optikata grade "$@" >/dev/null 2>&1
    read -r wall user sys < "$work/time"
  fi
  local out="${@: -1}"
  local graded=1
  [ -f "$out/gradebook.csv" ] && graded=$(( $(wc -l < "$out/gradebook.csv") - 1 ))
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v g="$graded" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%s: wall %.1f s, cpu %.1f s, %d graded, %.1f per core-minute (load %s)\n", l, w, u + s, g, g / ((u + s) / 60), load }'
}
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $n learners"
run "perfect submission" --submission solutions --out "$work/perfect-out"
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

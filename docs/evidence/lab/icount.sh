#!/usr/bin/env bash
# Noise-free runtime proxy: instructions retired (valgrind cachegrind, no cache sim)
# for every binary that run-matrix.sh kept in $WORK/<program>/bins/. Wall-clock
# runtime on the lab's 2-vCPU VM jittered +-30% per run and perf HW counters are
# not available there, so this is the metric to compare profiles' codegen.
# Usage: [PROGRAMS="hexyl logscan bat"] [OUT=icount.csv] bash icount.sh   (after run-matrix.sh)
set -euo pipefail
LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/profile-lab}
PROGRAMS=${PROGRAMS:-hexyl logscan bat}
OUT=${OUT:-$LAB_DIR/icount.csv}
dpkg -s valgrind >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }

# Same workloads as run-matrix.sh (logscan data is generated there).
workload_args() {
  case $1 in
    hexyl) echo "$WORK/hexyl/input.bin" ;;
    logscan) echo "scan $WORK/logscan/data" ;;
    bat) echo "--color=always --paging=never --style=full --theme=ansi $WORK/bat/input.rs" ;;
  esac
}
echo "program,binary,instructions" >"$OUT"
for prog in $PROGRAMS; do
  [[ -d $WORK/$prog/bins ]] || { echo "skip $prog (no bins)"; continue; }
  read -r -a args <<<"$(workload_args "$prog")"
  for b in "$WORK/$prog/bins"/*; do
    HOME=$WORK/$prog XDG_CONFIG_HOME=$WORK/$prog/home XDG_CACHE_HOME=$WORK/$prog/home \
      valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$b" "${args[@]}" \
      >/dev/null 2>"$WORK/vg.log"
    ir=$(grep -E 'I\s+refs:' "$WORK/vg.log" | awk '{gsub(",","",$NF); print $NF}')
    echo "$prog,${b##*/},$ir" >>"$OUT"
    echo "$prog ${b##*/} $ir"
  done
done
echo "wrote $OUT"

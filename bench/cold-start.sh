#!/usr/bin/env bash
# Cold start of the launcher: `recommend` and `audit` of a small manifest against `--version`, as a ratio
# (absolute times drift on shared machines). Runs are interleaved round by round; medians are reported, with the
# peak RSS of each command. Usage: bench/cold-start.sh [ROUNDS]   (default 7; CPA_NO_CDS=1 measures without the
# start-up cache).
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
launcher="$home/bin/cargo-profile-advisor"
rounds=${1:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/demo/src"
printf '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n\n[profile.release]\nlto = true\ncodegen-units = 1\nstrip = true\n' >"$tmp/demo/Cargo.toml"
echo 'fn main() {}' >"$tmp/demo/src/main.rs"

CPA_QUIET_BUILD=1 "$launcher" recommend --goal small-binary >/dev/null   # build the jar and the start-up cache once

names=(version recommend audit)
cmds=("--version" "recommend --goal small-binary" "audit --manifest-path $tmp/demo/Cargo.toml --fail-on never")
declare -A times rss
for ((r = 0; r < rounds; r++)); do
  for i in 0 1 2; do
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %M' -o "$tmp/t" "$launcher" ${cmds[$i]} >/dev/null 2>&1
    read -r wall kb <"$tmp/t"
    times[${names[$i]}]+="$wall "
    rss[${names[$i]}]+="$kb "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
v=$(median <<<"${times[version]}")
printf '%-10s %10s %8s %12s\n' command "median s" ratio "peak RSS MB"
for n in "${names[@]}"; do
  m=$(median <<<"${times[$n]}")
  k=$(median <<<"${rss[$n]}")
  printf '%-10s %10s %8s %12s\n' "$n" "$m" "$(awk -v a="$m" -v b="$v" 'BEGIN{printf "%.2f", a/b}')" "$(awk -v k="$k" 'BEGIN{printf "%.0f", k/1024}')"
done
echo "($rounds interleaved rounds; $(nproc) cores; $(java -version 2>&1 | head -1); start-up cache: $([[ ${CPA_NO_CDS:-} == 1 ]] && echo off || echo on); load average $(cut -d' ' -f1-3 /proc/loadavg))"

#!/usr/bin/env bash
# Grounds knowledge/effects.toml in measurements: `measure` on the four real programs of bench/programs (built
# offline from Debian's crate sources), one setting changed at a time against cargo's default release profile,
# each workload run in interleaved rounds and its instructions counted by valgrind; then `measure --goal
# small-binary` with every candidate on hexyl (the benchmark of docs/performance.md). Writes the raw JSON to
# docs/evidence/measure/ and prints the summary tables (bench/summarize-measure.py).
#
# Usage: bash bench/measure-programs.sh                 # all four programs; ~40 min on 2 idle cores
#        PROGRAMS="hexyl" RUNS=5 bash bench/measure-programs.sh
# Env: WORK (scratch, default /tmp/cpa-programs), OUT (default docs/evidence/measure), RUNS (default 3),
#      PROGRAMS (default: logscan jsonagg squeeze hexyl), SMALL=0 skips the hexyl small-binary run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
WORK=${WORK:-/tmp/cpa-programs}
OUT=${OUT:-docs/evidence/measure}
RUNS=${RUNS:-3}
SMALL=${SMALL:-1}
export PROGRAMS=${PROGRAMS:-logscan jsonagg squeeze hexyl}
mkdir -p "$OUT" "$WORK"
bash bench/programs/prepare.sh "$WORK" > "$WORK/programs.tsv"

# one setting at a time, the values the knowledge scores for release (the same list for every program)
TRIES=(--try 'opt-level="s"' --try 'opt-level="z"' --try 'lto="thin"' --try 'lto="fat"' --try 'codegen-units=1'
       --try 'panic="abort"' --try 'strip=true')

measure() { # exit 1 (a candidate failed) still leaves a report worth keeping
    bin/cargo-profile-advisor measure "$@" || { rc=$?; [[ $rc == 1 ]] || exit "$rc"; }
}

while IFS=$'\t' read -r name dir cmd; do
    echo "== $name: one setting at a time ($(date -u +%H:%M))" >&2
    measure --goal fast-runtime --manifest-path "$dir" --candidates default "${TRIES[@]}" \
        --run "$cmd" --runs "$RUNS" --instructions valgrind --jobs 2 --format json --out "$WORK/out-$name" \
        > "$OUT/$name-one-setting.json"
    if [[ $name == hexyl && $SMALL == 1 ]]; then
        echo "== hexyl: small-binary, every candidate ($(date -u +%H:%M))" >&2
        /usr/bin/time -f '%e s wall for the whole measure command' -o "$OUT/hexyl-small-binary.time" \
            bin/cargo-profile-advisor measure --goal small-binary --manifest-path "$dir" --jobs 2 --format json \
            --out "$WORK/out-hexyl-small" > "$OUT/hexyl-small-binary.json" || [[ $? == 1 ]]
    fi
done < "$WORK/programs.tsv"
python3 bench/summarize-measure.py "$OUT"

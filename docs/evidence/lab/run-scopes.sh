#!/usr/bin/env bash
# Scoped dev settings on logscan: the edit-compile-run loop under 8 dev-profile variants,
# among them per-package overrides (`[profile.dev.package."*"]`). Every variant is a set of
# `cargo build --config 'profile.dev....'` options; the manifest is never edited.
#
# Per variant and repetition, in its own target dir (--target-dir): a timed clean build
# (/usr/bin/time: wall, user+system CPU, peak RSS of the largest process), the binary's size,
# then `touch src/main.rs` and a timed rebuild. Repetitions are interleaved (round-robin over
# the variants) so that the drift of a busy machine spreads over all of them. After the builds,
# the binary of repetition 1 of each variant runs the lab workload once under valgrind
# (cachegrind, no cache simulation) for instructions retired, and once natively for the
# output checksum. Writes results-scopes.csv and flags-scopes.txt (the -C flags cargo passed
# for logscan, regex, serde_json and serde_derive in each variant, from `cargo build -v`).
#
# Usage: bash run-scopes.sh            (about 20-25 min on 2 vCPUs; overwrites the CSV)
# Env:   VARIANTS (names below), REPS (default 3), OUT (CSV), FLAGS_OUT, WORK (build dir,
#        default ${TMPDIR:-/tmp}/profile-lab-scopes), LINES (workload lines per file, default 50000)
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/profile-lab-scopes}
OUT=${OUT:-$LAB_DIR/results-scopes.csv}
FLAGS_OUT=${FLAGS_OUT:-$LAB_DIR/flags-scopes.txt}
REPS=${REPS:-3}
LINES=${LINES:-50000}
REG=/usr/share/cargo/registry
export PATH="$HOME/.cargo/bin:$PATH" CARGO_TERM_COLOR=never CARGO_TERM_PROGRESS_WHEN=never
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_INCREMENTAL CARGO_TARGET_DIR RUSTC_WRAPPER || true
for v in $(env | sed -n 's/^\(CARGO_PROFILE_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done

# name -> --config values (separated by spaces), all on top of Cargo's default dev profile
declare -A P=(
  [dev]=""
  [dev-o1]="profile.dev.opt-level=1"
  [dev-o3]="profile.dev.opt-level=3"
  [dev-o1-deps3]="profile.dev.opt-level=1 profile.dev.package.\"*\".opt-level=3"
  [dev-deps3]="profile.dev.package.\"*\".opt-level=3"
  [dev-thin]="profile.dev.opt-level=3 profile.dev.lto=\"thin\""
  [dev-lines-depsnodebug]="profile.dev.debug=\"line-tables-only\" profile.dev.package.\"*\".debug=false"
  [dev-nodebug]="profile.dev.debug=false"
)
VARIANTS=${VARIANTS:-dev dev-o1 dev-o3 dev-o1-deps3 dev-deps3 dev-thin dev-lines-depsnodebug dev-nodebug}

for p in time valgrind librust-serde-dev librust-serde-derive-dev librust-serde-json-dev librust-regex-dev \
         librust-memchr-dev librust-walkdir-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || { echo "missing Debian package $p (apt-get install $p)" >&2; exit 2; }
done

# ---------------------------------------------------------------- the program
SRC=$WORK/src
rm -rf "$WORK"; mkdir -p "$SRC/.cargo"
cp -r "$LAB_DIR/logscan/Cargo.toml" "$LAB_DIR/logscan/src" "$SRC/"
printf '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "%s"\n' "$REG" >"$SRC/.cargo/config.toml"
(cd "$SRC" && cargo generate-lockfile --offline -q)
mkdir -p "$WORK/bins"

timed_build() { # target-dir log flags... -> prints "wall cpu rss"
  local td=$1 log=$2; shift 2
  local args=(build -v --offline --bin logscan --target-dir "$td")
  for f in "$@"; do args+=(--config "$f"); done
  (cd "$SRC" && /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.out" cargo "${args[@]}" >"$log" 2>&1) ||
    { echo "BUILD FAILED: cargo ${args[*]}" >&2; tail -30 "$log" >&2; return 1; }
  awk '{printf "%s %.2f %s\n", $1, $2+$3, $4}' "$WORK/time.out"
}
unit_flags() { # log: the -C flags of a few units, from the Running lines
  python3 - "$1" <<'EOF'
import re, shlex, sys
want = {"logscan": "bin", "regex": "lib", "serde_json": "lib", "serde_derive": "proc-macro"}
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"\s*Running `(.*)`\s*$", line)
    if not m or "--crate-name" not in line:
        continue
    a = shlex.split(m.group(1))
    name = a[a.index("--crate-name") + 1]
    kind = a[a.index("--crate-type") + 1] if "--crate-type" in a else "?"
    if want.get(name) != kind:
        continue
    fl = [a[k + 1] for k, x in enumerate(a) if x == "-C" and not a[k + 1].startswith(("metadata=", "extra-filename="))]
    fl = ["incremental=<target>/debug/incremental" if f.startswith("incremental=") else f for f in fl]
    print("  %-24s %s" % (name + " " + kind, " ".join("-C " + f for f in fl)))
EOF
}

RUSTC_V=$(rustc --version | awk '{print $2}')
T0=$EPOCHREALTIME
elapsed() { awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%d", b-a}'; }
declare -A ROW=()
: >"$FLAGS_OUT.tmp"
for ((rep = 1; rep <= REPS; rep++)); do
  for v in $VARIANTS; do
    [[ -n ${P[$v]+x} ]] || { echo "unknown variant $v" >&2; exit 2; }
    read -r -a flagv <<<"${P[$v]}"
    td=$WORK/target-$v-$rep
    read -r cw cc crss < <(timed_build "$td" "$WORK/clean.log" "${flagv[@]}")
    [[ -n ${crss:-} ]] || exit 1
    exe=$td/debug/logscan
    size=$(stat -c %s "$exe")
    touch "$SRC/src/main.rs"
    read -r iw ic irss < <(timed_build "$td" "$WORK/rebuild.log" "${flagv[@]}")
    [[ -n ${irss:-} ]] || exit 1
    if ((rep == 1)); then
      cp "$exe" "$WORK/bins/$v"
      cmd="cargo build --offline"; for f in "${flagv[@]}"; do cmd+=" --config '$f'"; done
      { echo "$v: $cmd"; unit_flags "$WORK/clean.log"; } >>"$FLAGS_OUT.tmp"
    fi
    rm -rf "$td"
    settings=$([[ -z ${P[$v]} ]] && echo "cargo default dev" || echo "${P[$v]//profile.dev./}")
    ROW[$v.$rep]="$v,$rep,\"${settings//\"/}\",$cw,$cc,$crss,$iw,$ic,$irss,$size"
    printf '%-22s rep %d  clean %6ss cpu %6ss rss %7sKB  rebuild %6ss  size %9s  [t+%ss]\n' \
      "$v" "$rep" "$cw" "$cc" "$crss" "$iw" "$size" "$(elapsed)"
  done
done
mv "$FLAGS_OUT.tmp" "$FLAGS_OUT"

# ---------------------------------------------------------------- workload
first=$(awk '{print $1}' <<<"$VARIANTS")
"$WORK/bins/$first" gen "$WORK/data" --files 4 --lines "$LINES" --seed 42 >/dev/null
echo "variant,rep,settings,clean_build_s,clean_cpu_s,clean_peak_rss_kb,rebuild_s,rebuild_cpu_s,rebuild_peak_rss_kb,bin_bytes,instructions,output_md5,workload_lines_per_file,rustc" >"$OUT"
for v in $VARIANTS; do
  b=$WORK/bins/$v
  md5=$("$b" scan "$WORK/data" | md5sum | cut -c1-12)
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$b" scan "$WORK/data" >/dev/null 2>"$WORK/vg.log"
  ir=$(grep -E 'I\s+refs:' "$WORK/vg.log" | awk '{gsub(",","",$NF); print $NF}')
  for ((rep = 1; rep <= REPS; rep++)); do
    echo "${ROW[$v.$rep]},$([[ $rep == 1 ]] && echo "$ir"),$md5,$LINES,$RUSTC_V" >>"$OUT"
  done
  printf '%-22s instructions %14s  output %s  [t+%ss]\n' "$v" "$ir" "$md5" "$(elapsed)"
done
echo "wrote $OUT and $FLAGS_OUT"

# ---------------------------------------------------------------- medians
python3 - "$OUT" <<'EOF'
import csv, statistics as st, sys
rows = list(csv.DictReader(open(sys.argv[1])))
order = list(dict.fromkeys(r["variant"] for r in rows))
med = lambda v, k: st.median(float(r[k]) for r in rows if r["variant"] == v)
ins = {r["variant"]: int(r["instructions"]) for r in rows if r["instructions"]}
base = "dev" if "dev" in order else order[0]
print("| variant | clean build s | clean CPU s | peak RSS MB | rebuild s | × | bytes | × | instructions (G) | × |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for v in order:
    print("| `%s` | %.1f | %.1f | %.0f | %.2f | %.2f | %s | %.2f | %.3f | %.2f |" % (
        v, med(v, "clean_build_s"), med(v, "clean_cpu_s"), med(v, "clean_peak_rss_kb") / 1024,
        med(v, "rebuild_s"), med(v, "rebuild_s") / med(base, "rebuild_s"),
        format(int(med(v, "bin_bytes")), ","), med(v, "bin_bytes") / med(base, "bin_bytes"),
        ins[v] / 1e9, ins[v] / ins[base]))
print("output checksums:", sorted(set(r["output_md5"] for r in rows)))
EOF

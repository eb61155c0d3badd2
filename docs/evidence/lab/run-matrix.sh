#!/usr/bin/env bash
# Cargo build-profile lab: builds real Rust programs under a matrix of profiles
# and records binary size, clean/incremental build time, peak build RSS and
# workload runtime. Offline: crates come from Debian's librust-*-dev packages
# (/usr/share/cargo/registry) through cargo source replacement.
#
# Usage:
#   bash run-matrix.sh                          # hexyl + logscan, 16 builds each (21-26 min measured on 2 vCPU)
#   PROGRAMS=hexyl bash run-matrix.sh           # real third-party CLI only (~11 min)
#   PROGRAMS=bat PROFILES="release fat-cgu1 min-size" OUT=results-bat.csv bash run-matrix.sh   # ~7 min
#   then: bash icount.sh   (instruction counts of the kept binaries; the low-noise runtime metric)
#         python3 summarize.py --rt results.csv --icount icount.csv results.csv   (markdown tables)
# Runtime: every built binary is kept and, after all builds of a program, the workload is run
# in RUNS interleaved rounds (round-robin over binaries, after one warm-up round); the CSV holds
# median/min/max per binary. Interleaving cancels the slow drift of a busy 2-core machine.
# Env: PROGRAMS, PROFILES (names below; a repeated name is a repeat run), RUNS (default 7),
#      OUT (CSV, default ./results.csv next to this script, overwritten), WORK (default $TMPDIR or /tmp, subfolder profile-lab)
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/profile-lab}
OUT=${OUT:-$LAB_DIR/results.csv}
PROGRAMS=${PROGRAMS:-hexyl logscan}
RUNS=${RUNS:-7}
REG=/usr/share/cargo/registry
export PATH="$HOME/.cargo/bin:$PATH" CARGO_TERM_COLOR=never CARGO_TERM_PROGRESS_WHEN=never
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_INCREMENTAL CARGO_TARGET_DIR RUSTC_WRAPPER || true

# ---------------------------------------------------------------- profiles
# name -> "base|--config flags". base: release or dev. Cargo's own defaults otherwise.
declare -A P=(
  [release]="release|"
  [release-nostrip]="release|profile.release.strip=\"none\""
  [opt-s]="release|profile.release.opt-level=\"s\""
  [opt-z]="release|profile.release.opt-level=\"z\""
  [lto-thin]="release|profile.release.lto=\"thin\""
  [lto-fat]="release|profile.release.lto=\"fat\""
  [cgu1]="release|profile.release.codegen-units=1"
  [fat-cgu1]="release|profile.release.lto=\"fat\" profile.release.codegen-units=1"
  [strip]="release|profile.release.strip=true"
  [panic-abort]="release|profile.release.panic=\"abort\""
  [all-in]="release|profile.release.lto=true profile.release.strip=true profile.release.opt-level=3 profile.release.panic=\"abort\" profile.release.codegen-units=1"
  [min-size]="release|profile.release.opt-level=\"z\" profile.release.lto=\"fat\" profile.release.codegen-units=1 profile.release.panic=\"abort\" profile.release.strip=true"
  [min-size-s]="release|profile.release.opt-level=\"s\" profile.release.lto=\"fat\" profile.release.codegen-units=1 profile.release.panic=\"abort\" profile.release.strip=true"   # not in the default list
  [dev]="dev|"
  [dev-lines]="dev|profile.dev.debug=\"line-tables-only\""
  [dev-nodebug]="dev|profile.dev.debug=0"
)
DEFAULT_PROFILES="release release-nostrip opt-s opt-z lto-thin lto-fat cgu1 fat-cgu1 strip panic-abort all-in min-size dev dev-lines dev-nodebug release"
PROFILES=${PROFILES:-$DEFAULT_PROFILES}

# ---------------------------------------------------------------- packages
need_pkgs=(time binutils file gzip librust-serde-dev librust-serde-derive-dev librust-serde-json-dev
           librust-regex-dev librust-memchr-dev librust-walkdir-dev librust-hexyl-dev)
[[ " $PROGRAMS " == *" bat "* ]] && need_pkgs+=(librust-bat-dev)
missing=()
for p in "${need_pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------- program setup
mkdir -p "$WORK"
write_cargo_config() {
  mkdir -p "$1/.cargo"
  cat >"$1/.cargo/config.toml" <<EOF
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "$REG"
EOF
}
# Copy a Debian crate source, drop its checksum file, its [profile.*] (upstream
# hexyl/bat ship lto=true+cgu=1, which would skew "default release") and its
# dev-dependencies (not packaged => the resolver would fail offline).
import_crate() { # src dst
  rm -rf "$2"; cp -r "$1" "$2"; rm -f "$2/.cargo-checksum.json"
  awk '/^\[/{skip=($0 ~ /dev-dependencies/ || $0 ~ /^\[profile\./)} !skip' "$1/Cargo.toml" >"$2/Cargo.toml"
  write_cargo_config "$2"
}

setup_program() { # sets SRC BIN MAIN_RS and defines workload()
  local prog=$1 d="$WORK/$1"
  mkdir -p "$d"
  case $prog in
    hexyl)
      import_crate "$REG/$(basename "$(ls -d $REG/hexyl-* | sort -V | tail -1)")" "$d/src"
      BIN=hexyl MAIN_RS=src/bin/hexyl.rs
      local t=$REG/$(basename "$(ls -d $REG/regex-syntax-0.6* | sort -V | tail -1)")/src/unicode_tables
      if [[ ! -s $d/input.bin ]]; then
        { cat "$t"/*.rs; cat "$t"/*.rs | gzip -n -9; head -c 524288 /dev/zero; cat "$t"/*.rs "$t"/*.rs; } >"$d/input.bin"  # ~2.9 MB
      fi
      workload() { "$1" "$WORK/hexyl/input.bin"; } ;;
    logscan)
      rm -rf "$d/src"; mkdir -p "$d/src"
      cp -r "$LAB_DIR/logscan/Cargo.toml" "$LAB_DIR/logscan/src" "$d/src/"
      write_cargo_config "$d/src"
      BIN=logscan MAIN_RS=src/main.rs
      workload() {
        [[ -f $WORK/logscan/data/.done ]] || { rm -rf "$WORK/logscan/data"; "$1" gen "$WORK/logscan/data" --files 4 --lines 50000 --seed 42 && touch "$WORK/logscan/data/.done"; }
        "$1" scan "$WORK/logscan/data"; } ;;
    bat)
      import_crate "$REG/$(basename "$(ls -d $REG/bat-* | sort -V | tail -1)")" "$d/src"
      BIN=bat MAIN_RS=src/bin/bat/main.rs
      [[ -s $d/input.rs ]] || cat "$REG"/regex-1.7*/src/*.rs "$REG"/syntect-5*/src/parsing/*.rs >"$d/input.rs"
      mkdir -p "$d/home"
      workload() { HOME=$WORK/bat/home XDG_CONFIG_HOME=$WORK/bat/home XDG_CACHE_HOME=$WORK/bat/home \
        "$1" --color=always --paging=never --style=full --theme=ansi "$WORK/bat/input.rs"; } ;;
    *) echo "unknown program $prog" >&2; exit 2 ;;
  esac
  SRC=$d/src
  (cd "$SRC" && cargo generate-lockfile --offline -q)
}

# ---------------------------------------------------------------- measurement
now() { echo "$EPOCHREALTIME"; }
median() { sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

timed_build() { # base flags... -> prints "wall cpu rss"
  local base=$1; shift
  local args=(build --offline --bin "$BIN")
  [[ $base == release ]] && args+=(--release)
  for f in "$@"; do args+=(--config "$f"); done
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.out" cargo "${args[@]}" >"$WORK/build.log" 2>&1 ||
    { echo "BUILD FAILED: cargo ${args[*]}" >&2; tail -30 "$WORK/build.log" >&2; return 1; }
  awk '{printf "%s %.2f %s\n", $1, $2+$3, $4}' "$WORK/time.out"
}

echo "program,profile,rep,settings,bin_bytes,debug_sections,has_symtab,clean_build_s,clean_cpu_s,clean_peak_rss_kb,incr_build_s,incr_peak_rss_kb,run_median_s,run_min_s,run_max_s,output_md5,rustc" >"$OUT"
RUSTC_V=$(rustc --version | awk '{print $2}')
T0=$(now)
elapsed() { awk -v a="$T0" -v b="$(now)" 'BEGIN{printf "%d", b-a}'; }
for prog in $PROGRAMS; do
  setup_program "$prog"
  declare -A seen=()
  rows=() bins=()
  rm -rf "$WORK/$prog/bins"; mkdir -p "$WORK/$prog/bins"
  # ---- build phase
  for prof in $PROFILES; do
    [[ -n ${P[$prof]+x} ]] || { echo "unknown profile $prof" >&2; exit 2; }
    seen[$prof]=$(( ${seen[$prof]:-0} + 1 ))
    base=${P[$prof]%%|*}; flags=${P[$prof]#*|}
    read -r -a flagv <<<"$flags"
    outdir=$([[ $base == release ]] && echo release || echo debug)
    cd "$SRC"
    cargo clean -q
    read -r cw cc crss < <(timed_build "$base" "${flagv[@]}")
    exe="$SRC/target/$outdir/$BIN"
    size=$(stat -c %s "$exe")
    sections=$(readelf -S -W "$exe")   # captured first: `readelf | grep -q` + pipefail races on SIGPIPE
    ndebug=$(grep -c ' \.debug_' <<<"$sections" || true)
    symtab=$(grep -q ' \.symtab ' <<<"$sections" && echo yes || echo no)
    touch "$MAIN_RS"
    read -r iw _ irss < <(timed_build "$base" "${flagv[@]}")
    keep="$WORK/$prog/bins/$prof.${seen[$prof]}"
    cp "$exe" "$keep"
    settings=$([[ -z $flags ]] && echo "cargo default $base" || echo "${flags//profile.$base./}")
    rows+=("$prog,$prof,${seen[$prof]},\"${settings//\"/}\",$size,$ndebug,$symtab,$cw,$cc,$crss,$iw,$irss")
    bins+=("$keep")
    printf '%-8s %-18s size=%-9s clean=%6ss rss=%7sKB incr=%6ss  [t+%ss]\n' \
      "$prog" "$prof#${seen[$prof]}" "$size" "$cw" "$crss" "$iw" "$(elapsed)"
  done
  # ---- runtime phase: warm-up round + RUNS interleaved rounds (rotating start)
  n=${#bins[@]}
  declare -A tm=()
  for ((r = -1; r < RUNS; r++)); do
    for ((k = 0; k < n; k++)); do
      j=$(( (k + (r < 0 ? 0 : r)) % n )); b=${bins[$j]}
      t1=$(now); workload "$b" >/dev/null; t2=$(now)
      ((r >= 0)) && tm[$j]+="$(awk -v a="$t1" -v b="$t2" 'BEGIN{printf "%.4f", b-a}') "
    done
  done
  for ((j = 0; j < n; j++)); do
    ts=$(tr ' ' '\n' <<<"${tm[$j]}" | grep . | sort -g)
    med=$(median <<<"$ts"); mn=$(head -1 <<<"$ts"); mx=$(tail -1 <<<"$ts")
    md5=$(workload "${bins[$j]}" | md5sum | cut -c1-12)
    echo "${rows[$j]},$med,$mn,$mx,$md5,$RUSTC_V" >>"$OUT"
    printf '%-8s %-28s run median=%ss (min %s max %s) out=%s\n' "$prog" "${bins[$j]##*/}" "$med" "$mn" "$mx" "$md5"
  done
  echo "[t+$(elapsed)s] $prog done"
  unset seen tm
done
echo "wrote $OUT"

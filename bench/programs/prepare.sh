#!/usr/bin/env bash
# Prepare the benchmark programs for `cargo-profile-advisor measure`, fully offline.
#
# usage: bash bench/programs/prepare.sh OUTDIR
#
# For each program (jsonagg, squeeze: sources next to this script; logscan: the profile lab's, in
# docs/evidence/lab/logscan; hexyl: Debian's
# crate source with its [profile.*] tables and dev-dependencies removed) this
#   - copies the sources into OUTDIR/<name>/ (an existing target/ there is kept, all else replaced),
#   - writes OUTDIR/<name>/.cargo/config.toml (crates-io replaced by Debian's crate directory,
#     /usr/share/cargo/registry, and [net] offline = true),
#   - generates Cargo.lock with `cargo generate-lockfile --offline`,
#   - generates the workload input (seeded, workloads.py) into OUTDIR/<name>/workload/
#     (reused when its stamp matches workloads.py),
# and prints one line per program on stdout:  name<TAB>dir<TAB>run-command
# ({bin} stands for the built binary; paths are relative to dir). Progress goes to stderr.
# Env: PROGRAMS (default "logscan jsonagg squeeze hexyl"), CPA_DEBIAN_REGISTRY (default
# /usr/share/cargo/registry).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REG=${CPA_DEBIAN_REGISTRY:-/usr/share/cargo/registry}
PROGRAMS=${PROGRAMS:-logscan jsonagg squeeze hexyl}
export PATH="$HOME/.cargo/bin:$PATH" CARGO_TERM_COLOR=never

die() { echo "prepare.sh: error: $*" >&2; exit 1; }
log() { echo "prepare.sh: $*" >&2; }

(($# == 1)) || die "usage: $0 OUTDIR"
command -v cargo >/dev/null || die "cargo not found (looked in PATH and ~/.cargo/bin)"
command -v python3 >/dev/null || die "python3 not found (apt-get install python3)"
[[ -d $REG ]] || die "Debian crate registry $REG is missing: apt-get install the librust-*-dev packages" \
  "(librust-serde-dev librust-serde-derive-dev librust-serde-json-dev librust-regex-dev librust-memchr-dev" \
  "librust-walkdir-dev librust-flate2-dev librust-miniz-oxide-dev librust-hexyl-dev)"
mkdir -p "$1"
OUT=$(cd "$1" && pwd)

# Crates each program needs directly (name:debian-package); the rest of each tree comes with them.
declare -A NEEDS=(
  [logscan]="serde:librust-serde-dev serde_derive:librust-serde-derive-dev serde_json:librust-serde-json-dev regex:librust-regex-dev memchr:librust-memchr-dev walkdir:librust-walkdir-dev"
  [jsonagg]="serde:librust-serde-dev serde_derive:librust-serde-derive-dev serde_json:librust-serde-json-dev"
  [squeeze]="flate2:librust-flate2-dev miniz_oxide:librust-miniz-oxide-dev regex:librust-regex-dev"
  [hexyl]="hexyl:librust-hexyl-dev"
)
declare -A RUN=(
  [logscan]='{bin} scan workload/logs > /dev/null'
  [jsonagg]='{bin} workload/orders.jsonl > /dev/null'
  [squeeze]='{bin} workload/corpus.txt > /dev/null'
  [hexyl]='{bin} workload/input.bin > /dev/null'
)

pkgs_of() { # prog -> its Debian packages
  local spec out=()
  for spec in ${NEEDS[$1]}; do out+=("${spec#*:}"); done
  echo "${out[*]}"
}

check_crates() { # prog
  local spec crate pkg missing=()
  for spec in ${NEEDS[$1]}; do
    crate=${spec%%:*} pkg=${spec#*:}
    compgen -G "$REG/$crate-[0-9]*" >/dev/null || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) || die "$1 needs crates missing from $REG: apt-get install ${missing[*]}"
}

write_cargo_config() { # dir
  mkdir -p "$1/.cargo"
  cat >"$1/.cargo/config.toml" <<EOF
# Written by bench/programs/prepare.sh: build offline from Debian's packaged crate sources.
[source.crates-io]
replace-with = "debian"

[source.debian]
directory = "$REG"

[net]
offline = true
EOF
}

# Replace everything in dir except a previous build's target/ (keeps re-runs cheap).
reset_dir() { # dir
  mkdir -p "$1"
  find "$1" -mindepth 1 -maxdepth 1 ! -name target ! -name workload -exec rm -rf {} +
}

copy_sources() { # prog dir
  local src
  if [[ $1 == hexyl ]]; then
    src=$(ls -d "$REG"/hexyl-[0-9]* | sort -V | tail -1)
    cp -rp "$src"/. "$2"/
    rm -f "$2/.cargo-checksum.json" "$2/Cargo.toml.orig"
    # Drop upstream's [profile.*] (lto = true, codegen-units = 1: "release" must mean cargo's
    # default) and [dev-dependencies] (not packaged, would not resolve offline).
    awk '/^\[/{skip=($0 ~ /dev-dependencies/ || $0 ~ /^\[profile\./)} !skip' "$src/Cargo.toml" >"$2/Cargo.toml"
    touch -r "$src/Cargo.toml" "$2/Cargo.toml"
  else # -p keeps mtimes, so re-preparing does not force a rebuild; logscan is the profile lab's, kept with its evidence
    local from="$HERE/$1"
    [[ $1 == logscan ]] && from="$HERE/../../docs/evidence/lab/logscan"
    cp -rp "$from/Cargo.toml" "$from/src" "$2"/
  fi
}

gen_workload() { # prog dir
  local stamp want
  want="$(sha256sum "$HERE/workloads.py" | cut -c1-16) $1"
  stamp="$2/workload/.stamp"
  if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
    log "$1: workload up to date"
    return
  fi
  log "$1: generating workload"
  python3 "$HERE/workloads.py" "$1" "$2/workload"
  echo "$want" >"$stamp"
}

for prog in $PROGRAMS; do
  [[ -n ${NEEDS[$prog]+x} ]] || die "unknown program '$prog' (known: ${!NEEDS[*]})"
  check_crates "$prog"
  dir=$OUT/$prog
  log "$prog: preparing $dir"
  reset_dir "$dir"
  copy_sources "$prog" "$dir"
  write_cargo_config "$dir"
  (cd "$dir" && cargo generate-lockfile --offline -q 2>"$dir/.lockfile.err") || {
    cat "$dir/.lockfile.err" >&2
    # Debian names a crate's source package librust-<crate, '_' -> '-'>-dev.
    crate=$(sed -n 's/.*\(searched package name\|no matching package named\): *`\([^`]*\)`.*/\2/p' \
      "$dir/.lockfile.err" | head -1)
    [[ -n $crate ]] && die "$prog: crate '$crate' is missing from $REG: apt-get install librust-${crate//_/-}-dev"
    die "$prog: cannot resolve its dependencies offline from $REG (see cargo's message above);" \
      "install the librust-<crate>-dev package it names (direct ones: $(pkgs_of "$prog"))"
  }
  rm -f "$dir/.lockfile.err"
  gen_workload "$prog" "$dir"
done

for prog in $PROGRAMS; do
  printf '%s\t%s\t%s\n' "$prog" "$OUT/$prog" "${RUN[$prog]}"
done

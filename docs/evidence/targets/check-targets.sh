#!/usr/bin/env bash
# Target-settings checks for cargo/rustc 1.95: where extra rustc flags (rustflags) come from and which source
# wins, where they land on the rustc line, linkers, CPU levels, frame pointers and build.incremental.
# Builds a small crate in a fresh temp dir, offline (no registry needed), runs `cargo build -v` once per case and
# prints, for the binary `probe` and its build script, the rustc arguments that settings control: every `-C` flag
# but metadata and extra-filename, `--target`, and everything cargo appends after `-L dependency=` (the rustflags).
# Results are recorded in docs/evidence/cargo-1.95.md, section 11.
#
# Usage: bash check-targets.sh [CHECK...]    CHECK = 1 2 3 4 5 6 7 8 9 10 (default: all)
#        KEEP=1 keeps the temp dir. About 1 minute on 2 vCPUs, one build at a time.
#        check-targets.out next to this script is the output of a full run.
#
# The crate (paths relative to the temp dir):
#   p/Cargo.toml          package `probe` (bin) with a build.rs and a path dependency on the proc-macro `pm`
#   p/.cargo/config.toml  the config of each case; ./.cargo/config.toml the parent directory's, for check 2
#   pm/                   proc-macro, not a member
set -euo pipefail

export PATH="$HOME/.cargo/bin:$PATH" CARGO_TERM_COLOR=never CARGO_TERM_PROGRESS_WHEN=never
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_INCREMENTAL CARGO_BUILD_INCREMENTAL CARGO_TARGET_DIR \
      RUSTC_WRAPPER CARGO_BUILD_TARGET || true
for v in $(env | sed -n 's/^\(CARGO_PROFILE_[A-Za-z0-9_]*\|CARGO_TARGET_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
CHECKS=${*:-1 2 3 4 5 6 7 8 9 10}
W=$(mktemp -d "${TMPDIR:-/tmp}/check-targets.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$W"' EXIT
HOST=$(rustc -vV | sed -n 's/^host: //p')
echo "# $(cargo -V); $(rustc -V); host $HOST; temp dir $W"

# ------------------------------------------------------------------ the harness
mkdir -p "$W/p/src" "$W/p/.cargo" "$W/pm/src" "$W/.cargo"
manifest() { # [extra manifest text]
  printf '[package]\nname = "probe"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\npm = { path = "../pm" }\n%s\n' "${1:-}" >"$W/p/Cargo.toml"
}
manifest
printf '[package]\nname = "pm"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\nproc-macro = true\n' >"$W/pm/Cargo.toml"
cat >"$W/pm/src/lib.rs" <<'EOF'
use proc_macro::TokenStream;
#[proc_macro]
pub fn nothing(_: TokenStream) -> TokenStream { TokenStream::new() }
EOF
echo 'fn main() { println!("cargo:rerun-if-changed=build.rs"); }' >"$W/p/build.rs"
MAIN='pm::nothing!();
fn main() { println!("debug_assertions={}", cfg!(debug_assertions)); }'
echo "$MAIN" >"$W/p/src/main.rs"
config() { printf '%s\n' "$1" >"$W/p/.cargo/config.toml"; }     # the crate's config file
parent() { printf '%s\n' "$1" >"$W/.cargo/config.toml"; }       # the parent directory's
noconfig() { rm -f "$W/p/.cargo/config.toml" "$W/.cargo/config.toml"; }

# args LOG: for the bin and the build script, the arguments settings decide, in cargo's order
args() {
  python3 - "$1" <<'EOF'
import re, shlex, sys
rows = []
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"\s*Running `(.*)`\s*$", line)
    if not m or "--crate-name" not in m.group(1):
        continue
    argv = shlex.split(m.group(1))
    name = argv[argv.index("--crate-name") + 1]
    if name not in ("probe", "build_script_build", "pm"):
        continue
    kind = {"probe": "bin", "build_script_build": "build.rs", "pm": "proc-macro"}[name]
    out, i = [], 0
    while i < len(argv):
        a = argv[i]
        if a == "-C" and i + 1 < len(argv):
            v = argv[i + 1]; i += 2
            if v.startswith(("metadata=", "extra-filename=")): continue
            if v.startswith("incremental="): v = "incremental=<dir>"
            out.append("-C " + v); continue
        if a == "--target":
            out.append("--target " + argv[i + 1]); i += 2; continue
        if a == "-L" or a == "--extern":
            i += 2
            while i < len(argv) and argv[i] in ("-L", "--extern"): i += 2
            out.append("|")                       # what follows is what cargo appends: the rustflags
            out.extend(shlex.quote(x) for x in argv[i:]); break
        i += 1
    rows.append("  %-11s %s" % (kind, " ".join(out)))
print("\n".join(sorted(set(rows), key=lambda r: ["  bin", "  build.rs", "  proc-macro"].index(r[:r.index(" ", 2)]))))
EOF
}
# run LABEL ENV... -- CARGO-ARGS...: clean, build, print cargo's warnings and errors and the arguments
run() {
  local label=$1; shift
  local envs=()
  while [[ $# -gt 0 && $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  (cd "$W/p" && cargo clean -q 2>/dev/null || true)
  local shown="${envs[*]:+${envs[*]} }"
  echo "\$ ${shown//$'\x1f'/\\x1f}cargo build -v --offline $*    # $label"
  local rc=0
  (cd "$W/p" && env "${envs[@]}" cargo build -v --offline "$@") >"$W/log" 2>&1 || rc=$?
  grep -E '^ *(warning|error|expected|failed|unclosed|TOML parse)|= note: (collect2|.*not found)' "$W/log" \
    | grep -v -E 'generated [0-9]* warning|build failed, waiting|could not compile' | sed 's/^/  | /' | sed "s#$W#\$TMP#g" | head -8 || true
  ((rc == 0)) || echo "  | (exit status $rc)"
  args "$W/log"
}
show() { echo; echo "=== $1"; for f in "$W/.cargo/config.toml" "$W/p/.cargo/config.toml"; do
  [[ -s $f ]] && { echo "    ${f#$W/}:"; sed 's/^/      /' "$f"; }; done; return 0; }
R=(--release)

# ------------------------------------------------------------------ the checks
for c in $CHECKS; do noconfig; manifest; echo "$MAIN" >"$W/p/src/main.rs"; case $c in
1)
  config $'[build]\nrustflags = ["--cfg", "from_build"]\n\n[target.'"$HOST"$']\nrustflags = ["--cfg", "from_triple"]\n\n[target.\'cfg(unix)\']\nrustflags = ["--cfg", "from_unix"]\n\n[target.\'cfg(target_os = "linux")\']\nrustflags = ["--cfg", "from_linux"]'
  show "1. one source wins: target tables (triple, then matching cfg tables sorted by key) beat build.rustflags; RUSTFLAGS beats them; CARGO_ENCODED_RUSTFLAGS beats RUSTFLAGS; an empty variable still wins"
  run "config only" -- "${R[@]}"
  run "RUSTFLAGS" RUSTFLAGS="--cfg from_env" -- "${R[@]}"
  run "CARGO_ENCODED_RUSTFLAGS over RUSTFLAGS" CARGO_ENCODED_RUSTFLAGS=$'--cfg\x1ffrom_encoded' RUSTFLAGS="--cfg from_env" -- "${R[@]}"
  run "empty RUSTFLAGS" RUSTFLAGS= -- "${R[@]}"
  run "empty CARGO_ENCODED_RUSTFLAGS" CARGO_ENCODED_RUSTFLAGS= RUSTFLAGS="--cfg from_env" -- "${R[@]}"
  run "CARGO_TARGET_<TRIPLE>_RUSTFLAGS joins the config's" "CARGO_TARGET_$(tr 'a-z.-' 'A-Z__' <<<"$HOST")_RUSTFLAGS=--cfg from_target_env" -- "${R[@]}"
  config $'[build]\nrustflags = ["--cfg", "from_build"]'
  show "1b. build.rustflags alone, and CARGO_BUILD_RUSTFLAGS appended to it"
  run "build.rustflags" -- "${R[@]}"
  run "CARGO_BUILD_RUSTFLAGS" CARGO_BUILD_RUSTFLAGS="--cfg from_build_env" -- "${R[@]}" ;;
2)
  parent $'[build]\nrustflags = ["--cfg", "from_parent"]'; config $'[build]\nrustflags = ["--cfg", "from_child"]'
  show "2a. arrays merge across the hierarchy, the shallower file first"; run "two arrays" -- "${R[@]}"
  parent $'[build]\nrustflags = "--cfg from_parent"'; config $'[build]\nrustflags = "--cfg  from_child"'
  show "2b. two strings: the deeper one replaces the other (split on whitespace)"; run "two strings" -- "${R[@]}"
  parent $'[build]\nrustflags = "--cfg from_parent"'; config $'[build]\nrustflags = ["--cfg", "from_child"]'
  show "2c. a string and an array do not merge"; run "string + array" -- "${R[@]}" ;;
3)
  noconfig; show "3. rustflags come last on the line, and rustc takes the last value: they beat the profile"
  run "release with -C debug-assertions=on" RUSTFLAGS="-C debug-assertions=on" -- "${R[@]}"
  echo "  probe prints: $("$W/p/target/release/probe")"
  run "release with -C opt-level=1 -C codegen-units=2 -C strip=none" RUSTFLAGS="-C opt-level=1 -C codegen-units=2 -C strip=none" -- "${R[@]}"
  manifest $'[profile.dev]\nopt-level = 1\npanic = "abort"\nlto = "thin"\ncodegen-units = 3\nsplit-debuginfo = "packed"\noverflow-checks = true\nrpath = true\nstrip = true'
  config $'[target.'"$HOST"$']\nlinker = "cc"\nrustflags = ["--cfg", "from_triple"]'
  show "3b. the order of everything at once: profile flags, rpath, --target, -C linker, incremental, strip, then rustflags"
  run "dev, every key, linker, --target" -- --target "$HOST" ;;
4)
  config $'[build]\nrustflags = ["--cfg", "from_build"]'
  show "4. without --target rustflags reach build scripts and proc-macros; with --target (even the host's) they do not"
  run "no --target" -- "${R[@]}"
  run "--target $HOST" -- "${R[@]}" --target "$HOST"
  show "4b. config rustflags apply to every profile (stable has no per-profile rustflags)"
  run "dev" -- ;;
5)
  manifest $'\n[build]\nrustflags = ["--cfg", "from_manifest"]\nincremental = true\n\n[target.'"$HOST"$']\nrustflags = ["--cfg", "y"]\nlinker = "clang"\n\n[target.\'cfg(unix)\']\nrustflags = ["--cfg", "z"]'
  show "5a. [build] and [target] tables in Cargo.toml are ignored"; run "tables in Cargo.toml" -- "${R[@]}"
  manifest
  config $'[build]\nrustflag = ["--cfg", "x"]\nincremental = true\nhost-target = 1\n\n[target.\'cfg(unix)\']\nlinkr = "cc"\nrustdocflags = []'
  show "5b. unknown keys in [build] and [target.'cfg(…)'] of a config file"; run "unknown config keys" -- "${R[@]}"
  config $'[target.'"$HOST"$']\nrustflag = ["--cfg", "y"]'
  show "5c. an unknown non-table key in [target.<triple>] (tables there override links build scripts)"; run "rustflag" -- "${R[@]}"
  config $'[build]\nrustflags = ["-C target-cpu=native"]'
  show "5d. an array element with a space is one argument"; run "space" -- "${R[@]}"
  config $'[build]\nrustflags = 3'
  show "5e. rustflags of the wrong type"; run "integer" -- "${R[@]}"
  config $'[build]\nrustflags = ["-C", 3]'; run "integer element" -- "${R[@]}"
  config $'[build\nrustflags = ["-C"]'
  show "5f. a malformed config file"; run "malformed" -- "${R[@]}" ;;
6)
  echo; echo "=== 6. linkers: what rustc passes by default, and which linker made the binary (readelf -p .comment)"
  link() { # label ENV... -- ARGS
    local label=$1; shift; run "$label" "$@" | grep -E '^\$|\||bin' || true
    if [[ -x $W/p/target/release/probe ]]; then
      echo "  .comment: $(readelf -p .comment "$W/p/target/release/probe" | grep -oE 'Linker: LLD [0-9.]+' || echo 'no LLD line (system ld)')"
    fi
  }
  echo 'fn main() {}' >"$W/m.rs"
  echo "  rustc --print link-args: $(cd "$W" && rustc m.rs -o m --print link-args | tr ' ' '\n' | grep -E '^"(cc|-fuse-ld=.*|-B.*gcc-ld)"$' | tr '\n' ' ')"
  link "default" -- "${R[@]}"
  link "-fuse-ld=lld" RUSTFLAGS="-C link-arg=-fuse-ld=lld" -- "${R[@]}"
  link "opt out: -C linker-features=-lld" RUSTFLAGS="-C linker-features=-lld" -- "${R[@]}"
  for l in cc gcc clang; do config "[target.$HOST]"$'\nlinker = "'"$l"'"'; link "linker = \"$l\"" -- "${R[@]}"; done
  noconfig; link "CARGO_TARGET_<TRIPLE>_LINKER=clang" "CARGO_TARGET_$(tr 'a-z.-' 'A-Z__' <<<"$HOST")_LINKER=clang" -- "${R[@]}"
  config "[target.$HOST]"$'\nlinker = "cc"\nrustflags = ["-C", "linker=clang"]'; link "target linker and -C linker= in rustflags" -- "${R[@]}"
  config "[target.$HOST]"$'\nlinker = "no-such-cc"'; link "a linker that is not installed" -- "${R[@]}"
  noconfig; echo "  mold on PATH: $(command -v mold || echo no); gcc: $(gcc -dumpfullversion 2>/dev/null || echo none)"
  link "-fuse-ld=mold without mold" RUSTFLAGS="-C link-arg=-fuse-ld=mold" -- "${R[@]}" ;;
7)
  echo; echo "=== 7. CPU levels: rustc --print target-cpus, and the features each level turns on (rustc --print cfg)"
  echo "  $(rustc --print target-cpus | grep -c '^    ') names; $(rustc --print target-cpus | grep -E '^ +native' | sed 's/^ *//')"
  for cpu in x86-64 x86-64-v2 x86-64-v3 x86-64-v4 haswell native; do
    echo "  $cpu: $(rustc --print cfg -C target-cpu=$cpu | sed -n 's/^target_feature="\(.*\)"$/\1/p' | tr '\n' ' ')"
  done
  echo "  bogus: $(rustc --print cfg -C target-cpu=bogus 2>&1 >/dev/null | head -1)"
  config $'[build]\nrustflags = ["-C", "target-cpu=x86-64-v3"]'; show "7b. target-cpu on the rustc line"; run "x86-64-v3" -- "${R[@]}" ;;
8)
  echo; echo "=== 8. -C force-frame-pointers=yes: functions of a small release binary that set up a frame pointer"
  cat >"$W/p/src/main.rs" <<'EOF'
pm::nothing!();
#[inline(never)] fn work(v: &mut Vec<u64>, n: u64) -> u64 { for i in 0..n { v.push(i * 3); } v.iter().sum() }
fn main() { let mut v = Vec::new(); println!("{}", work(&mut v, std::env::args().count() as u64 * 100)); }
EOF
  for fp in no yes; do
    (cd "$W/p" && cargo clean -q && RUSTFLAGS="-C force-frame-pointers=$fp" cargo build -q --offline --release)
    echo "  force-frame-pointers=$fp: $(stat -c %s "$W/p/target/release/probe") B; $(objdump -d --no-show-raw-insn "$W/p/target/release/probe" | awk '/^[0-9a-f]+ <.*>:$/{getline a; getline b; t++; if (a ~ /push +%rbp/ && b ~ /mov +%rsp,%rbp/) f++} END {print f "/" t}') functions push %rbp; mov %rsp,%rbp; probe::work: $(objdump -d --no-show-raw-insn "$W/p/target/release/probe" | grep -A1 -E '^[0-9a-f]+ <_ZN5probe4work' | tail -1 | awk '{$1=""; print}')"
  done ;;
9)
  config $'[build]\nincremental = true'
  show "9. build.incremental and CARGO_INCREMENTAL over the profile's incremental"
  run "release, build.incremental = true" -- "${R[@]}"
  run "... and CARGO_INCREMENTAL=0" CARGO_INCREMENTAL=0 -- "${R[@]}"
  run "... and CARGO_BUILD_INCREMENTAL=false" CARGO_BUILD_INCREMENTAL=false -- "${R[@]}"
  config $'[build]\nincremental = false'
  run "dev, build.incremental = false" --
  run "... and CARGO_INCREMENTAL=1" CARGO_INCREMENTAL=1 --
  noconfig
  run "dev, CARGO_INCREMENTAL=yes (not 1)" CARGO_INCREMENTAL=yes --
  run "release, CARGO_INCREMENTAL=1" CARGO_INCREMENTAL=1 -- "${R[@]}"
  echo; echo "=== 9b. codegen units: object files of a 40-module release build (-C save-temps keeps them)"
  python3 - "$W/p/src/main.rs" <<'EOF'
import sys
mods = [f"mod m{i} {{ #[inline(never)] pub fn f(x: u64) -> u64 {{ (0..x).map(|v| v * {i + 1} ^ (v >> 3)).sum() }} }}" for i in range(40)]
body = " ".join(f"s += m{i}::f(n);" for i in range(40))
open(sys.argv[1], "w").write("\n".join(mods) + f"\nfn main() {{ let n = std::env::args().count() as u64 * 1000; let mut s = 0; {body} println!(\"{{s}}\"); }}\n")
EOF
  for inc in false true; do
    config "[build]"$'\n'"incremental = $inc"
    (cd "$W/p" && cargo clean -q && RUSTFLAGS="-C save-temps" cargo build -q --offline --release)
    echo "  build.incremental = $inc: $(ls "$W/p/target/release/deps" | grep -c 'rcgu\.o$') codegen-unit object files"
  done ;;
10)
  config $'[build]\nrustflags = ["-C", "opt-level=0"]'
  show "10. config rustflags that fight the profile: -C opt-level=0 after release's -C opt-level=3"
  run "release" -- "${R[@]}"
  echo "  probe prints: $("$W/p/target/release/probe")    (rustc's debug-assertions default follows the last opt-level)" ;;
*) echo "unknown check $c" >&2; exit 2 ;;
esac; done

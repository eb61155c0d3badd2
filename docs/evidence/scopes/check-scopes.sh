#!/usr/bin/env bash
# Scope checks for Cargo's override tables ([profile.P.package.<spec>] and
# [profile.P.build-override]) with the real cargo on PATH ($HOME/.cargo/bin).
# Builds a small workspace in a fresh temp dir, offline, with crates.io replaced
# by Debian's crate directory (/usr/share/cargo/registry, package librust-memchr-dev),
# runs `cargo build -v` once per check and prints the -C flags cargo passed to rustc
# for every unit (leaving out -C metadata and -C extra-filename), plus cargo's
# warnings and errors. Results are recorded in docs/evidence/cargo-1.95.md, section 10.
#
# Usage: bash check-scopes.sh [CHECK...]     CHECK = 0 1 2 3 4 5 6 7 8 9 10 (default: all)
#        KEEP=1 keeps the temp dir. About 1 minute on 2 vCPUs, one build at a time.
#        check-scopes.out next to this script is the output of a full run on 2026-12-02.
#
# The workspace (paths relative to the temp dir):
#   ws/Cargo.toml      [workspace] members = ["app", "mlib"]; the [profile.*] tables of each check go here
#   ws/app             bin, member; build.rs; depends on mlib, dep, pm, memchr (registry)
#   ws/mlib            lib, member
#   dep                lib, path dependency outside the workspace directory, so not a member
#   pm                 proc-macro, path dependency of app, not a member; depends on hostdep
#   hostdep            lib, used only by host units (app's build.rs and pm), not a member
#   hello/, hm/        for check 9: a hello world whose only dependency is the proc-macro hm
set -euo pipefail

export PATH="$HOME/.cargo/bin:$PATH" CARGO_TERM_COLOR=never CARGO_TERM_PROGRESS_WHEN=never
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_INCREMENTAL CARGO_TARGET_DIR \
      RUSTC_WRAPPER CARGO_BUILD_TARGET || true
for v in $(env | sed -n 's/^\(CARGO_PROFILE_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
REG=/usr/share/cargo/registry
[[ -d $REG ]] && ls -d "$REG"/memchr-2* >/dev/null 2>&1 ||
  { echo "needs $REG with memchr (apt-get install librust-memchr-dev)" >&2; exit 2; }
CHECKS=${*:-0 1 2 3 4 5 6 7 8 9 10}
W=$(mktemp -d "${TMPDIR:-/tmp}/check-scopes.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$W"' EXIT
echo "# $(cargo -V); $(rustc -V); temp dir $W"

# ------------------------------------------------------------------ the harness
mkdir -p "$W"/ws/app/src "$W"/ws/mlib/src "$W"/dep/src "$W"/pm/src "$W"/hostdep/src "$W"/hello/src "$W"/hm/src
cargo_config() {
  mkdir -p "$1/.cargo"
  printf '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "%s"\n' "$REG" >"$1/.cargo/config.toml"
}
cargo_config "$W/ws"; cargo_config "$W/hello"
lib() { # dir name [extra manifest text]
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n%s\n' "$2" "${3:-}" >"$1/Cargo.toml"
}
lib "$W/ws/mlib" mlib;  echo 'pub fn m() -> u32 { 1 }' >"$W/ws/mlib/src/lib.rs"
lib "$W/dep" dep;       echo 'pub fn d() -> u32 { 2 }' >"$W/dep/src/lib.rs"
lib "$W/hostdep" hostdep; echo 'pub fn h() -> &'"'"'static str { "hi" }' >"$W/hostdep/src/lib.rs"
lib "$W/pm" pm "$(printf '[lib]\nproc-macro = true\n[dependencies]\nhostdep = { path = "../hostdep" }')"
cat >"$W/pm/src/lib.rs" <<'EOF'
use proc_macro::TokenStream;
#[proc_macro]
pub fn greet(_: TokenStream) -> TokenStream {
    format!("fn greeting() -> &'static str {{ {:?} }}", hostdep::h()).parse().unwrap()
}
EOF
lib "$W/hm" hm "$(printf '[lib]\nproc-macro = true')"
cat >"$W/hm/src/lib.rs" <<'EOF'
use proc_macro::TokenStream;
#[proc_macro]
pub fn hello(_: TokenStream) -> TokenStream { "fn main() { println!(\"Hello, world!\"); }".parse().unwrap() }
EOF
lib "$W/hello" hello "$(printf '[dependencies]\nhm = { path = "../hm" }')"
echo 'hm::hello!();' >"$W/hello/src/main.rs"

cat >"$W/ws/app/build.rs" <<'EOF'
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-env=FROM_BUILD={}", hostdep::h());
}
EOF
cat >"$W/ws/app/src/main.rs" <<'EOF'
pm::greet!();
fn main() {
    let n = memchr::memchr(b'l', greeting().as_bytes()).unwrap_or(0);
    println!("{} {} {} {} {}", greeting(), env!("FROM_BUILD"), mlib::m(), dep::d(), n);
}
EOF
# write_app [extra manifest text]: app's manifest (check 8 adds memchr as a build-dependency)
write_app() {
  cat >"$W/ws/app/Cargo.toml" <<EOF
[package]
name = "app"
version = "0.1.0"
edition = "2021"

[dependencies]
mlib = { path = "../mlib" }
dep = { path = "../../dep" }
pm = { path = "../../pm" }
memchr = "2"

[build-dependencies]
hostdep = { path = "../../hostdep" }
${1:-}
EOF
}
write_app
# profiles TEXT: the workspace manifest with these [profile.*] tables
profiles() {
  printf '[workspace]\nmembers = ["app", "mlib"]\nresolver = "2"\n\n%s\n' "$1" >"$W/ws/Cargo.toml"
  PROFILE_TEXT=$1
}
profiles ""
(cd "$W/ws" && cargo generate-lockfile --offline -q)
(cd "$W/hello" && cargo generate-lockfile --offline -q)

# flags LOG: one line per rustc invocation: unit, then its -C flags in cargo's order
flags() {
  python3 - "$1" "${2:-$W/ws}" <<'EOF'
import os, re, shlex, sys
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"\s*Running `(.*)`\s*$", line)
    if not m:
        continue
    try:
        argv = shlex.split(m.group(1))
    except ValueError:
        continue
    i = next((k for k, a in enumerate(argv) if os.path.basename(a) == "rustc"), None)
    if i is None:
        continue
    argv = argv[i + 1:]
    name = argv[argv.index("--crate-name") + 1]
    kinds = [argv[k + 1] for k, a in enumerate(argv) if a == "--crate-type"]
    src = next(a for a in argv if a.endswith(".rs"))
    d = os.path.dirname(os.path.join(sys.argv[2], src))
    while d not in ("/", "") and not os.path.exists(os.path.join(d, "Cargo.toml")):
        d = os.path.dirname(d)
    pkg = os.path.basename(d)
    kind = "build.rs" if name == "build_script_build" else ",".join(kinds)
    fl = []
    for k, a in enumerate(argv):
        if a == "-C":
            v = argv[k + 1]
            if v.startswith(("metadata=", "extra-filename=")):
                continue
            if v.startswith("incremental="):
                v = "incremental=<target>/" + v.split("/target/", 1)[-1]
            fl.append("-C " + v)
    print("  %-22s %s" % (pkg + " " + kind, " ".join(fl) or "(no -C flags)"))
EOF
}
# run DIR CMD...: clean, build, print the command, cargo's warnings/errors and the flags
run() {
  local dir=$1; shift
  (cd "$W/$dir" && cargo clean -q 2>/dev/null || true)
  local a q=()
  for a in "$@"; do [[ $a =~ ^[A-Za-z0-9_./=:-]+$ ]] && q+=("$a") || q+=("'$a'"); done
  echo "\$ ${q[*]}"
  local rc=0
  (cd "$W/$dir" && "$@") >"$W/log" 2>&1 || rc=$?
  grep -E '^(warning|error)|Caused by|^ +(package|workspace): |must |may not|cannot|nested' "$W/log" | sed 's/^/  | /' || true
  ((rc == 0)) || echo "  | (exit status $rc)"
  flags "$W/log" "$W/$dir"
}
show() { # title: print the title and the current [profile.*] tables
  echo; echo "=== $1"
  if [[ -n $PROFILE_TEXT ]]; then sed 's/^/    /' <<<"$PROFILE_TEXT"; else echo "    (no [profile] tables)"; fi
}
B=(cargo build -v --offline)
R=(cargo build -v --offline --release)

# ------------------------------------------------------------------ the checks
for c in $CHECKS; do case $c in
0)
  profiles ""; show "0. baseline: release and dev, no profile tables"
  run ws "${R[@]}"
  run ws "${B[@]}" ;;
1)
  profiles $'[profile.release.package.pm]\nopt-level = 1\n\n[profile.release.build-override]\nopt-level = 2'
  show "1a. package.<name> beats build-override (pm is matched by both)"
  run ws "${R[@]}"
  profiles $'[profile.release.package."*"]\nopt-level = "s"\n\n[profile.release.build-override]\nopt-level = 2'
  show "1b. package.\"*\" beats build-override for non-member host units; a member's build script only gets build-override"
  run ws "${R[@]}"
  profiles $'[profile.release.package.dep]\nopt-level = 1\n\n[profile.release.package."*"]\nopt-level = "s"'
  show "1c. package.<name> beats package.\"*\""
  run ws "${R[@]}"
  profiles $'[profile.release.package.pm]\ndebug = 1\n\n[profile.release.build-override]\nopt-level = 2'
  show "1d. first match wins per key: pm takes debug from package.pm and opt-level from build-override"
  run ws "${R[@]}"
  profiles $'[profile.release]\nopt-level = 2\ncodegen-units = 4\ndebug-assertions = true'
  show "1e. keys of [profile.release] reach host units, except opt-level and codegen-units, which build-override's defaults replace"
  run ws "${R[@]}" ;;
2)
  profiles $'[profile.release.package."*"]\nopt-level = "z"'
  show "2. package.\"*\" reaches non-members (dep, pm, hostdep, memchr), not members (app, mlib) nor a member's build script"
  run ws "${R[@]}"
  profiles ""; show "2b. the same through --config"
  run ws "${R[@]}" --config 'profile.release.package."*".opt-level="z"' ;;
3)
  for t in package.dep build-override; do for k in 'panic = "abort"' 'lto = true' 'rpath = true'; do
    profiles "[profile.release.$t]"$'\n'"$k"; show "3. refused key in an override table"
    run ws "${R[@]}"
  done; done
  profiles ""; show "3b. the same keys through --config"
  run ws "${R[@]}" --config 'profile.release.package.dep.lto=true'
  run ws "${R[@]}" --config 'profile.release.build-override.panic="abort"'
  for t in 'package.dep.package.mlib' 'build-override.build-override' 'package.dep.build-override' 'build-override.package.dep'; do
    profiles "[profile.release.$t]"$'\nopt-level = 1'; show "3c. nested override tables"
    run ws "${R[@]}"
  done ;;
4)
  profiles $'[profile.release.package.dep]\ninherits = "dev"\n\n[profile.release.build-override]\ninherits = "dev"'
  show "4. inherits inside override tables (if it worked, dep and the host units would get dev's -C debuginfo=2)"
  run ws "${R[@]}"
  echo "  warnings printed: $(grep -c '^warning' "$W/log" || true)" ;;
5)
  profiles $'[profile.release.package.dep]\nopt-level = "z"\n\n[profile.release.build-override]\nopt-level = 2\n\n[profile.dist]\ninherits = "release"\n\n[profile.dist.package.dep]\ndebug = 1\n\n[profile.dist.build-override]\ndebug = "line-tables-only"'
  show "5. a child profile inherits the parent's package.* and build-override tables, merged per key"
  run ws "${B[@]}" --profile dist ;;
6)
  profiles ""; show "6a. build-override through the environment"
  run ws env CARGO_PROFILE_RELEASE_BUILD_OVERRIDE_OPT_LEVEL=3 "${R[@]}"
  show "6b. package overrides through the environment (dep would get -C opt-level=1)"
  run ws env CARGO_PROFILE_RELEASE_PACKAGE_DEP_OPT_LEVEL=1 "${R[@]}"
  run ws env CARGO_PROFILE_RELEASE_PACKAGE_dep_OPT_LEVEL=1 "${R[@]}"
  run ws env 'CARGO_PROFILE_RELEASE_PACKAGE_*_OPT_LEVEL=1' "${R[@]}"
  run ws env CARGO_PROFILE_RELEASE_PACKAGE='{ dep = { opt-level = 1 } }' "${R[@]}" ;;
7)
  profiles ""; show "7a. host units in default release (build.rs of app and memchr, pm, hostdep)"
  run ws "${R[@]}"
  profiles $'[profile.release.build-override]\nopt-level = 3'
  show "7b. build-override opt-level = 3"
  run ws "${R[@]}"
  profiles $'[profile.release]\ndebug = 1'
  show "7c. release debug = 1: host-only units lose their debug info (deferred debuginfo)"
  run ws "${R[@]}" ;;
8)
  write_app $'memchr = "2"'; (cd "$W/ws" && cargo generate-lockfile --offline -q)
  profiles ""; show "8a. memchr is a normal and a build-dependency of app; default release: host opt-level 0, target 3"
  run ws "${R[@]}"
  profiles $'[profile.release.build-override]\nopt-level = 3'
  show "8b. build-override opt-level = 3: the host profile now equals the target one"
  run ws "${R[@]}"
  profiles $'[profile.release.package.memchr]\nopt-level = 3'
  show "8c. package.memchr opt-level = 3 (applies to both units of memchr)"
  run ws "${R[@]}"
  profiles $'[profile.release.build-override]\nopt-level = 3'
  show "8d. as 8b, with --target (host and target units are never shared then)"
  run ws "${R[@]}" --target "$(rustc -vV | sed -n 's/^host: //p')"
  profiles ""; show "8e. default dev: host and target profiles agree (opt-level 0)"
  run ws "${B[@]}"
  write_app; (cd "$W/ws" && cargo generate-lockfile --offline -q) ;;
9)
  echo; echo "=== 9. hello world with a proc-macro dependency (hm): binary size in bytes"
  size9() { # label, then extra cargo args; an argument NAME=value sets an environment variable
    local label=$1 a; shift
    local envs=() args=()
    for a in "$@"; do if [[ $a == CARGO_*=* ]]; then envs+=("$a"); else args+=("$a"); fi; done
    (cd "$W/hello" && cargo clean -q && env "${envs[@]}" cargo build -v --offline --release "${args[@]}" >"$W/log" 2>&1)
    printf '  %-58s %10s B   hello bin: %s\n' "$label" "$(stat -c %s "$W/hello/target/release/hello")" \
      "$(flags "$W/log" "$W/hello" | grep 'hello bin' | sed 's/^ *hello bin *//')"
  }
  size9 "default release"
  size9 "build-override debug = true" --config 'profile.release.build-override.debug=true'
  size9 'package."*" debug = 1' --config 'profile.release.package."*".debug=1'
  size9 'package.hm debug = 1' --config 'profile.release.package.hm.debug=1'
  size9 'build-override debug = true, strip = "debuginfo" written' --config 'profile.release.build-override.debug=true' --config 'profile.release.strip="debuginfo"'
  size9 "CARGO_PROFILE_RELEASE_BUILD_OVERRIDE_DEBUG=true" CARGO_PROFILE_RELEASE_BUILD_OVERRIDE_DEBUG=true ;;
10)
  profiles $'[profile.release.package.memchr]\nincremental = true\n\n[profile.release.package.dep]\nincremental = true'
  show "10a. incremental = true in package.memchr (registry) and package.dep (non-member path dependency)"
  run ws "${R[@]}"
  profiles $'[profile.release.package."*"]\nincremental = true'
  show "10b. incremental = true in package.\"*\""
  run ws "${R[@]}"
  profiles ""; show "10c. default dev (incremental = true for the profile)"
  run ws "${B[@]}" ;;
*) echo "unknown check $c" >&2; exit 2 ;;
esac; done

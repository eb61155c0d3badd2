#!/usr/bin/env bash
# All performance figures in one go: cold start (ratio to --version, peak RSS), warm throughput of recommend and
# audit through the Java API (JMH, 2 threads on one shared advisor), and batch audit of the Debian crate corpus.
# Usage: bench/run.sh            (about 11 minutes; needs the corpus: bash .ci/crate-corpus)
#        QUICK=1 bench/run.sh    (shorter JMH runs, for a smoke test)
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$home"
corpus=${CPA_CRATE_CORPUS:-/usr/share/cargo/registry}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== building (launcher jar, start-up cache, JMH benchmarks)" >&2
CPA_QUIET_BUILD=1 bin/cargo-profile-advisor --version >/dev/null
mvn -q -B -Pjmh -DskipTests package >&2

echo "== cold start" >&2
bench/cold-start.sh 7 | tee "$out/cold.txt" >&2

echo "== JMH" >&2
if [[ ${QUICK:-} == 1 ]]; then jmh=(-f 1 -wi 2 -w 2s -i 3 -r 3s); else jmh=(-f 1 -wi 6 -w 5s -i 5 -r 5s); fi  # 30 s of warm-up: the unseen requests keep the JIT busy for about 20 s
java -jar target/jmh/benchmarks.jar 'RecommendBenchmark|AuditBenchmark' -t 2 -bm thrpt "${jmh[@]}" -rf json -rff "$out/thrpt.json" >&2
java -jar target/jmh/benchmarks.jar 'RecommendBenchmark|AuditBenchmark' -t 2 -bm sample -tu us "${jmh[@]}" -rf json -rff "$out/sample.json" >&2

echo "== batch audit, library (warm JVM)" >&2
java -XX:+UseSerialGC -cp target/jmh/benchmarks.jar dev.profileadvisor.bench.BatchAudit "$corpus" 10 15 | tee "$out/batch.txt" >&2

echo "== batch audit, library (warm JVM), one workspace of 2,000 members" >&2
mkdir -p "$out/ws"
printf '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n\n[profile.release]\nlto = true\ncodegen-units = 1\n' >"$out/ws/Cargo.toml"
for i in $(seq 1 2000); do
  mkdir -p "$out/ws/crates/c$i/src"
  printf '[package]\nname = "c%d"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nserde = "1"\n' "$i" >"$out/ws/crates/c$i/Cargo.toml"
  echo 'pub fn f() {}' >"$out/ws/crates/c$i/src/lib.rs"
done
java -XX:+UseSerialGC -cp target/jmh/benchmarks.jar dev.profileadvisor.bench.BatchAudit "$out/ws" 10 15 | tee "$out/batch-ws.txt" >&2

echo "== batch audit, command line (one run over ten copies of the corpus)" >&2
mkdir -p "$out/tree"
for i in $(seq 1 10); do cp -r "$corpus" "$out/tree/copy$i"; done
trees=$(find "$out/tree" -name Cargo.toml | wc -l)
/usr/bin/time -f '%e %M' -o "$out/cli.txt" bin/cargo-profile-advisor audit "$out/tree" --format json --fail-on never >/dev/null

python3 - "$out" "$trees" <<'PY'
import json, sys, os
out = sys.argv[1]
trees = int(sys.argv[2])
thr = {b["benchmark"].split(".")[-2] + "." + b["benchmark"].split(".")[-1]: b["primaryMetric"] for b in json.load(open(os.path.join(out, "thrpt.json")))}
smp = {b["benchmark"].split(".")[-2] + "." + b["benchmark"].split(".")[-1]: b["primaryMetric"] for b in json.load(open(os.path.join(out, "sample.json")))}
print("| measurement | result |")
print("|---|---|")
for line in open(os.path.join(out, "cold.txt")).read().splitlines()[1:4]:
    name, median, ratio, rss = line.split()
    print(f"| cold `{name}` (median of 7, launcher) | {median} s, {ratio}× `--version`, peak RSS {rss} MB |")
for name, m in thr.items():
    p = smp[name]["scorePercentiles"]
    unit = smp[name]["scoreUnit"]
    print(f"| warm `{name}` (JMH, 2 threads, one advisor) | {m['score']:,.0f} ± {m['scoreError']:,.0f} ops/s; p50 {p['50.0']:,.1f} µs, p99 {p['99.0']:,.1f} µs |")
print("| batch audit, library, warm JVM (" + open(os.path.join(out, "batch.txt")).read().strip().split(":",1)[1].strip() + ") | |")
print("| batch audit, library, warm JVM, one 2,000-member workspace (" + open(os.path.join(out, "batch-ws.txt")).read().strip().split(":",1)[1].strip() + ") | |")
wall, kb = open(os.path.join(out, "cli.txt")).read().split()
print(f"| batch audit, command line, one run over {trees:,} manifests (start-up included) | {float(wall):.2f} s = {trees / float(wall):,.0f} manifests/s, peak RSS {int(kb) / 1024:.0f} MB |")
PY
echo "($(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg))"

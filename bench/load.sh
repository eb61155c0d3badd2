#!/usr/bin/env bash
# Bounded load test of `cargo-profile-advisor serve` on loopback: CLIENTS concurrent clients (default 50) send
# requests back to back for SECONDS (default 20) after a WARMUP (default 5 s, not measured), then one line with
# requests/s, p50/p99/max latency and the error count is printed. Exits 1 if any request failed.
#
#   bench/load.sh [CLIENTS] [SECONDS] [WARMUP]
#
# The mix: 70 % POST /v1/recommend (single goals, pairs, weights, a custom profile), 30 % GET of goals, rules,
# explain and health. Server and clients share the machine, so the numbers are a floor, not a capacity.
set -euo pipefail

cd "$(dirname "$0")/.."
clients=${1:-50}
seconds=${2:-20}
warmup=${3:-5}
java=${JAVA:-java}

# the server jar and the load generator (a test class that only needs the JDK)
mvn -B -q -DskipTests package

log=$(mktemp)
"$java" -jar target/cargo-profile-advisor-all.jar serve --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

url=
for _ in $(seq 300); do
  url=$(grep -o 'http://[^ ]*' "$log" || true)
  [[ -n $url ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "error: the server did not start" >&2; exit 2; }
  sleep 0.1
done
[[ -n $url ]] || { cat "$log" >&2; echo "error: the server printed no address within 30 s" >&2; exit 2; }

echo "server: $url (pid $server); $(nproc) cores; $("$java" -version 2>&1 | head -1)"
status=0
"$java" -cp target/test-classes dev.profileadvisor.server.LoadGenerator "$url" "$clients" "$seconds" "$warmup" || status=$?
if [[ -s $log ]] && grep -v '^cargo-profile-advisor: serving on' "$log" >&2; then
  echo "error: the server wrote to stderr/stdout during the run (above)" >&2
  status=1
fi
exit "$status"

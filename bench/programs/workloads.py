#!/usr/bin/env python3
"""Deterministic (seeded) workload inputs for bench/programs; called by prepare.sh.

usage: workloads.py NAME DIR     (NAME: logscan | jsonagg | squeeze | hexyl)

Writes the input of program NAME into DIR (created; its old content is replaced).
Same NAME => byte-identical files on every run and every machine (Python >= 3.6).
"""
import json
import os
import random
import shutil
import sys

M64 = (1 << 64) - 1

# ---------------------------------------------------------------- logscan
# A port of `logscan gen` (xorshift64*, same draw order, serde_json's compact
# formatting), so the files equal `logscan gen DIR --files 4 --lines N --seed 42`.
LS_SERVICES = ["api", "auth", "billing", "search", "storage", "mailer", "gateway", "scheduler"]
LS_LEVELS = ["DEBUG", "INFO", "INFO", "INFO", "WARN", "ERROR"]
LS_WORDS = ["request", "completed", "connection", "timeout", "refused", "retrying", "cache", "miss", "hit",
            "user", "login", "failed", "succeeded", "payload", "too", "large", "upstream", "slow", "query",
            "index", "rebuilt", "token", "expired", "queue", "drained", "shard", "rebalanced", "ok"]
LS_TAGS = ["prod", "canary", "eu-west", "us-east", "beta", "v2", "v3", "batch", "interactive"]


def logscan(out, files=4, lines=25000, seed=42):
    state = [(seed | 1) & M64]

    def nxt():
        x = state[0]
        x ^= x >> 12
        x ^= (x << 25) & M64
        x ^= x >> 27
        state[0] = x
        return (x * 0x2545F4914F6CDD1D) & M64

    def pick(xs):
        return xs[nxt() % len(xs)]

    for f in range(files):
        sub = os.path.join(out, "logs", "shard%d" % (f % 3))
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "log%03d.jsonl" % f), "w", encoding="utf-8", newline="\n") as w:
            for i in range(lines):
                nw = 4 + nxt() % 10
                msg = " ".join(pick(LS_WORDS) for _ in range(nw))
                user = None if nxt() % 3 == 0 else nxt() % 100000
                if user is not None:
                    msg += " user=%d" % user
                if nxt() % 17 == 0:
                    msg += ' "quoted" \\ path\tend'
                tags = [pick(LS_TAGS) for _ in range(nxt() % 4)]
                rec = {"ts": 1700000000000 + (f * lines + i) * 37, "level": pick(LS_LEVELS),
                       "service": pick(LS_SERVICES), "msg": msg, "latency_ms": (nxt() % 1000000) / 1000.0,
                       "tags": tags, "user": user}
                w.write(json.dumps(rec, separators=(",", ":")) + "\n")


# ---------------------------------------------------------------- jsonagg
REGIONS = ["eu-west", "eu-north", "us-east", "us-west", "ap-south", "ap-east", "sa-east"]
STATUSES = ["pending", "paid", "paid", "shipped", "shipped", "delivered", "delivered", "delivered",
            "cancelled", "returned"]
TIERS = ["free", "free", "silver", "gold", "platinum"]
METHODS = ["standard", "express", "pickup", "freight"]
CTAGS = ["vip", "new", "b2b", "newsletter", "wholesale", "late-payer", "eu", "loyalty"]
NOTE_WORDS = ["please", "leave", "at", "door", "gift", "wrap", "call", "before", "delivery", "fragile",
              "handle", "with", "care", "urgent", "backorder", "ok", "thanks", "ring", "twice", "\u00e9t\u00e9"]


def jsonagg(out, orders=40000, seed=7):
    rnd = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "orders.jsonl"), "w", encoding="utf-8", newline="\n") as w:
        for n in range(orders):
            cid = rnd.randrange(5000)
            items = [{"sku": "SKU-%05d" % int(rnd.paretovariate(1.2) * 10 % 20000),
                      "qty": rnd.randint(1, 12),
                      "unit_price": round(rnd.uniform(0.5, 400.0), 2),
                      "discount": rnd.choice([0.0, 0.0, 0.0, 0.05, 0.1, 0.25])}
                     for _ in range(rnd.randint(1, 8))]
            rec = {"id": 100000 + n,
                   "ts": 1700000000 + n * 13 + rnd.randrange(13),
                   "region": rnd.choice(REGIONS),
                   "status": rnd.choice(STATUSES),
                   "customer": {"id": cid, "name": "Customer %d \"%s\"" % (cid, rnd.choice(NOTE_WORDS)),
                                "tier": TIERS[cid % len(TIERS)],
                                "tags": rnd.sample(CTAGS, rnd.randint(0, 3))},
                   "items": items,
                   "shipping": None if rnd.random() < 0.1 else
                   {"method": rnd.choice(METHODS), "cost": round(rnd.uniform(0, 30), 2)},
                   "coupon": "SAVE%d" % rnd.randrange(50) if rnd.random() < 0.2 else None,
                   "note": " ".join(rnd.choice(NOTE_WORDS) for _ in range(rnd.randint(0, 12)))}
            w.write(json.dumps(rec, ensure_ascii=(n % 2 == 0), separators=(",", ":")) + "\n")
            if n % 997 == 0:  # a few malformed lines, counted as bad_lines
                w.write('{"id": %d, "region": "broken"\n' % n)


# ---------------------------------------------------------------- squeeze
PROSE = ("the information station provided a description of the operation and its configuration while "
         "the administration reviewed every application for validation and authorization before production "
         "deployment so that each function and transaction in the collection could be tested against the "
         "documentation of the integration").split()
PATHS = ["/api/v1/items", "/api/v1/users", "/login", "/static/app.js", "/search", "/api/v2/orders", "/health"]
USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]


def squeeze(out, size=2_500_000, seed=11):
    rnd = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    parts, total, t = [], 0, 1700000000
    while total < size:
        if rnd.random() < 0.7:
            t += rnd.randrange(5)
            d = divmod(t, 86400)
            hh, rest = divmod(d[1], 3600)
            line = ("2024-%02d-%02dT%02d:%02d:%02dZ %d.%d.%d.%d %s %s/%d status=%s user=%s@example.%s took=%dms "
                    "sha=%040x\n" % (1 + d[0] // 28 % 12, 1 + d[0] % 28, hh, rest // 60, rest % 60,
                                     10, rnd.randrange(256), rnd.randrange(256), rnd.randrange(1, 255),
                                     rnd.choice(["GET", "GET", "GET", "POST", "PUT", "DELETE"]),
                                     rnd.choice(PATHS), rnd.randrange(10000),
                                     rnd.choice(["200"] * 12 + ["201", "204", "301", "304", "400", "403",
                                                                "404", "404", "500", "503"]),
                                     rnd.choice(USERS), rnd.choice(["com", "org", "net", "io"]),
                                     int(rnd.expovariate(1 / 120)), rnd.getrandbits(160)))
        else:
            line = " ".join(rnd.choice(PROSE) for _ in range(rnd.randint(6, 30))).capitalize() + ".\n"
        parts.append(line)
        total += len(line)
    with open(os.path.join(out, "corpus.txt"), "w", encoding="utf-8", newline="\n") as w:
        w.write("".join(parts))


# ---------------------------------------------------------------- hexyl
def hexyl(out, size=1_600_000, seed=3):
    """A mixed binary: text, random bytes, zero runs (hexyl squeezes repeated lines), small ints."""
    rnd = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    buf = bytearray()
    words = [w.encode() for w in PROSE]
    while len(buf) < size:
        kind = rnd.randrange(4)
        n = rnd.randrange(256, 8192)
        if kind == 0:
            while n > 0:
                w = rnd.choice(words) + rnd.choice([b" ", b" ", b"\n", b"\t"])
                buf += w
                n -= len(w)
        elif kind == 1:
            buf += rnd.getrandbits(8 * n).to_bytes(n, "little")
        elif kind == 2:
            buf += bytes(n)
        else:
            buf += bytes(rnd.randrange(16) for _ in range(n))
    with open(os.path.join(out, "input.bin"), "wb") as w:
        w.write(bytes(buf[:size]))


def main():
    gens = {"logscan": logscan, "jsonagg": jsonagg, "squeeze": squeeze, "hexyl": hexyl}
    if len(sys.argv) != 3 or sys.argv[1] not in gens:
        sys.exit(__doc__)
    out = sys.argv[2]
    shutil.rmtree(out, ignore_errors=True)
    gens[sys.argv[1]](out)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""An anonymous flood of share images: HOSTS loopback addresses (127.0.0.10, …) with CONNS keep-alive
connections each ask for /claims/{id}/share.png of random published claims (IDS_FILE: ids separated
by white space, e.g. from `claimtrack export --format jsonl`), so that nearly every request draws a
card, while a probe from 127.0.0.9 times a reader's list page and /healthz every 20 ms on fresh
connections. Prints one JSON line: the cards' statuses and rate, the probes' p50/p99/max.

  usage: share_card_flood.py PORT SECONDS IDS_FILE HOSTS CONNS   (HOSTS 0: the probes alone)
"""
import asyncio, json, random, sys, time, collections

async def get(reader, writer, path):
    writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]); length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"): length = int(line.split(b":", 1)[1])
    if length: await reader.readexactly(length)
    return status

async def flooder(local, port, until, ids, seen):
    while time.monotonic() < until:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(local, 0))
            while time.monotonic() < until:
                seen[await get(reader, writer, f"/claims/{random.choice(ids)}/share.png")] += 1
        except Exception as e:
            seen["error"] += 1
            await asyncio.sleep(0.01)

async def probe(port, until, path, times):
    while time.monotonic() < until:
        t = time.monotonic()
        reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=("127.0.0.9", 0))
        status = await get(reader, writer, path)
        times.append((time.monotonic() - t) * 1000); writer.close()
        await asyncio.sleep(0.02)

async def main():
    port, seconds, ids_file, hosts, conns = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    ids = open(ids_file).read().split()
    until = time.monotonic() + seconds
    seen = collections.Counter(); home = []; health = []
    tasks = [flooder(f"127.0.0.{10 + h}", port, until, ids, seen) for h in range(hosts) for _ in range(conns)]
    tasks += [probe(port, until, "/?status=false", home), probe(port, until, "/healthz", health)]
    await asyncio.gather(*tasks)
    q = lambda xs, p: sorted(xs)[int(len(xs) * p) - 1] if xs else None
    print(json.dumps({"cards": dict(seen), "cards_per_s": round(sum(v for k, v in seen.items() if k == 200) / seconds, 1),
        "home_p50_ms": round(q(home, .5), 1), "home_p99_ms": round(q(home, .99), 1), "home_max_ms": round(max(home), 1),
        "healthz_p99_ms": round(q(health, .99), 1), "healthz_max_ms": round(max(health), 1), "probes": len(home)}))

asyncio.run(main())

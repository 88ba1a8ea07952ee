#!/usr/bin/env python3
"""The attackers of the attack benchmark (attack.sh), as an anonymous outsider runs them.

  flood LOCAL PORT SECONDS CONNECTIONS  anonymous POSTs, DELETEs and PUTs (missing pages, wrong
                                        sign-ins under random names, a desk action), keep-alive
  stall LOCAL PORT SECONDS COUNT        COUNT uploads that send their headers and stall, opened
                                        again as soon as the server closes one
  probe LOCAL PORT SECONDS PATH         GET PATH every 20 ms on a fresh connection, timing each

LOCAL is the loopback address to send from (127.0.0.3, …): another host, as the server's
per-address limits see it. Each prints one JSON line of what it saw.
"""
import asyncio
import json
import random
import sys
import time


async def connect(local, port):
    return await asyncio.open_connection("127.0.0.1", port, local_addr=(local, 0))


async def read_response(reader):
    """Reads one response; returns its status (0 when the connection closed instead)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    if length:
        await reader.readexactly(length)
    return status, b"connection: close" in head.lower()


def requests():
    """The anonymous flood: what an outsider without an account can send."""
    while True:
        name = "".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(10))
        login = f"username={name}&password=guess{random.randint(0, 10**9)}".encode()
        for method, path, body in (
            ("POST", f"/nowhere/{random.randint(0, 10**9)}", b"x=1"),
            ("DELETE", "/", b""),
            ("POST", "/login", login),
            ("PUT", "/claims/k3m9x2qa", b"x=1"),
            ("POST", "/desk", b"action=publish"),
        ):
            yield (
                f"{method} {path} HTTP/1.1\r\nHost: claimtrack\r\n"
                f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body


async def flood_connection(local, port, until, seen):
    writer = None
    for request in requests():
        if time.monotonic() >= until:
            break
        try:
            if writer is None:
                reader, writer = await connect(local, port)
            writer.write(request)
            await writer.drain()
            status, closed = await read_response(reader)
            seen[status] = seen.get(status, 0) + 1
            if closed:
                writer.close()
                writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError):
            seen["closed"] = seen.get("closed", 0) + 1
            writer = None
    if writer is not None:
        writer.close()


async def flood(local, port, seconds, connections):
    until = time.monotonic() + seconds
    seen = {}
    await asyncio.gather(*(flood_connection(local, port, until, seen) for _ in range(connections)))
    total = sum(seen.values())
    return {"attack": "flood", "requests": total, "per_second": round(total / seconds), "answers": seen}


STALLED = (
    b"POST /login HTTP/1.1\r\nHost: claimtrack\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    b"Content-Length: 100000\r\n\r\nusername="
)


async def stalled_upload(local, port, until, seen):
    while time.monotonic() < until:
        try:
            reader, writer = await connect(local, port)
            writer.write(STALLED)
            await writer.drain()
            seen["opened"] += 1
            left = until - time.monotonic()
            try:
                status, _ = await asyncio.wait_for(read_response(reader), timeout=max(left, 0.01))
                seen[status] = seen.get(status, 0) + 1
            except asyncio.TimeoutError:
                seen["still held at the end"] += 1
            writer.close()
        except (OSError, asyncio.IncompleteReadError, ValueError):
            seen["closed"] = seen.get("closed", 0) + 1
            await asyncio.sleep(0.05)


async def stall(local, port, seconds, count):
    until = time.monotonic() + seconds
    seen = {"opened": 0, "still held at the end": 0}
    await asyncio.gather(*(stalled_upload(local, port, until, seen) for _ in range(count)))
    return {"attack": "stall", "held": count, "answers": seen}


async def probe(local, port, seconds, path):
    until = time.monotonic() + seconds
    took = []
    failed = 0
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            reader, writer = await connect(local, port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: claimtrack\r\nConnection: close\r\n\r\n".encode())
            await writer.drain()
            status, _ = await asyncio.wait_for(read_response(reader), timeout=5)
            writer.close()
            if status == 200:
                took.append((time.monotonic() - started) * 1000)
            else:
                failed += 1
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
            failed += 1
        await asyncio.sleep(0.02)
    took.sort()
    pick = lambda q: round(took[min(len(took) - 1, int(q * len(took)))], 2) if took else None
    return {"probe": path, "answered": len(took), "failed": failed, "p50_ms": pick(0.5), "p99_ms": pick(0.99), "max_ms": round(took[-1], 2) if took else None}


def main():
    kind, local, port, seconds, arg = sys.argv[1:6]
    port, seconds = int(port), float(seconds)
    if kind == "flood":
        result = asyncio.run(flood(local, port, seconds, int(arg)))
    elif kind == "stall":
        result = asyncio.run(stall(local, port, seconds, int(arg)))
    else:
        result = asyncio.run(probe(local, port, seconds, arg))
    print(json.dumps(result))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The floor under a large reply: how long moving one LSP frame of --bytes through a pipe takes,
from the request's last byte written to the reply's last byte read, with a writer that has the
frame ready. driver.py reads replies the same way; compare its (e) busiest-entity figures with
this one's at the same size (its JSON reports the reply's bytes).

Python 3.11, standard library only. Linux: the pipe is measured at 64 KiB (the default) and at
1 MiB (what `newsls server` asks for on its output).
"""

from __future__ import annotations

import argparse
import fcntl
import statistics
import subprocess
import sys
import time

from driver import percentile

WRITER = r"""
import sys
size = int(sys.argv[1])
body = b"[" + b"0," * ((size - 2) // 2) + b"0]"
frame = b"Content-Length: %d\r\n\r\n" % len(body) + body
out = sys.stdout.buffer
while sys.stdin.buffer.readline():
    out.write(frame)
    out.flush()
"""


def measure(size: int, pipe_bytes: int, runs: int, warmup: int) -> list[float]:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(size)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0
    )
    out = writer.stdout
    fcntl.fcntl(out.fileno(), fcntl.F_SETPIPE_SZ, pipe_bytes)
    latencies = []
    try:
        for i in range(warmup + runs):
            t = time.perf_counter_ns()
            writer.stdin.write(b"go\n")
            length = None
            while True:
                line = out.readline().strip()
                if not line:
                    if length is not None:
                        break
                    continue
                length = int(line.partition(b":")[2])
            remaining = length
            while remaining:
                remaining -= len(out.read(remaining))
            if i >= warmup:
                latencies.append((time.perf_counter_ns() - t) / 1e6)
    finally:
        writer.stdin.close()
        writer.wait()
    return latencies


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bytes", type=int, default=2_400_000, help="frame body size (default: the busiest entity's reply)")
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=20)
    args = ap.parse_args()
    for pipe_bytes in (1 << 16, 1 << 20):
        lat = measure(args.bytes, pipe_bytes, args.runs, args.warmup)
        print(
            f"{args.bytes:,} B through a {pipe_bytes // 1024:,} KiB pipe: "
            f"p50 {statistics.median(lat):.2f}, p99 {percentile(lat, 99):.2f}, max {max(lat):.2f} ms over {args.runs}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

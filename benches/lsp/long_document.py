#!/usr/bin/env python3
"""Times requests on one long open document in the real `newsls server`, over stdio.

Opens a document of --megabytes (the repository's invented 50 KB wire story, repeated) in an
otherwise empty workspace, waits for its diagnostics, then sends --requests rounds of hover,
documentHighlight and codeAction at random places, one request at a time, and reports the
median and 99th percentile of each, and of the first diagnostics. A request that analysed the
whole document again would take as long as those diagnostics.

    python3 benches/lsp/long_document.py [--bin target/release/newsls] [--megabytes 5]

Python 3.11, standard library only; uses driver.py's server client.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from driver import DEFAULT_BIN, REPO, BenchError, Server, initialize_params, ms, now, percentile, position  # noqa: E402

STORY = REPO / "benches" / "fixtures" / "entities-50k.txt"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", type=Path, default=DEFAULT_BIN, help=f"the newsls binary (default {DEFAULT_BIN})")
    ap.add_argument("--megabytes", type=float, default=5.0, help="size of the document (default 5)")
    ap.add_argument("--requests", type=int, default=20, help="rounds of the three requests (default 20)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds for any single wait (default 120)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    story = STORY.read_text(encoding="utf-8")
    text = story * max(1, round(args.megabytes * 1e6 / len(story.encode())))
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="newsls-long-") as workspace:
        workspace = Path(workspace)
        path = workspace / "long.txt"
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        server = Server(args.bin, workspace, workspace)
        try:
            rid, _ = server.request("initialize", initialize_params(workspace))
            server.wait_response(rid, args.timeout, "initialize")
            server.notify("initialized", {})
            sent = server.notify(
                "textDocument/didOpen",
                {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
            )
            deadline = time.monotonic() + args.timeout
            while True:
                message = server.next_message(deadline)
                if message.is_publish and message.obj["params"]["uri"] == uri:
                    first_diagnostics = message.t - sent
                    break
            times: dict[str, list[float]] = {"hover": [], "documentHighlight": [], "codeAction": []}
            for _ in range(args.requests):
                at = position(text, rng.randrange(len(text)))
                for method in times:
                    params = {"textDocument": {"uri": uri}, "position": at}
                    if method == "codeAction":
                        params = {
                            "textDocument": {"uri": uri},
                            "range": {"start": at, "end": at},
                            "context": {"diagnostics": []},
                        }
                    rid, t = server.request(f"textDocument/{method}", params)
                    answer = server.wait_response(rid, args.timeout, method)
                    times[method].append(ms(answer.t - t))
        finally:
            server.stop(args.timeout)
    size = len(text.encode()) / 1e6
    print(f"{args.bin}: a {size:.1f} MB document")
    print(f"  first diagnostics: {ms(first_diagnostics):.0f} ms")
    for method, values in times.items():
        p50, p99 = statistics.median(values), percentile(values, 99)
        print(f"  {method}: p50 {p50:.2f} ms, p99 {p99:.2f} ms ({len(values)} requests)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as err:
        print(f"long_document.py: {err}", file=sys.stderr)
        sys.exit(2)

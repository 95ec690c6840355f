#!/usr/bin/env python3
"""Times the real `newsls server` through the Language Server Protocol, over stdio.

Measures, per server start-up:
  (a) workspace indexing: from sending `initialized` to the work-done progress "end"
      notification, and to the last publishDiagnostics of a closed (indexed) article;
  (b) first diagnostics: from the didOpen of an article sent right after `initialized` to its
      publishDiagnostics;
  (d) resident memory (VmRSS, VmHWM) once indexing has ended;
and, in the last start-up only:
  (c) didChange -> publishDiagnostics latency over N single-character edits of a ~10 KB article
      (made at run time by joining corpus articles into a temp file inside the workspace), each
      edit waiting for the publish carrying its version;
  (d) memory again at the end;
  (e) textDocument/definition and textDocument/references latency, N requests each, at a mention
      in the 10 KB article of the acronym there that the most corpus articles use.

Python 3.11, standard library only. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_BIN = REPO / "target" / "release" / "newsls"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_WORKSPACE = Path("/tmp/newsls-corpus")
CORPUS_ARCHIVES = ("reuters.tar.gz", "bbc.tar.gz", "polnear.tar.gz")
TEMP_PREFIX = "newsls-bench-10k-"

PUBLISH = b"textDocument/publishDiagnostics"


class BenchError(Exception):
    pass


def now() -> int:
    return time.perf_counter_ns()


def ms(ns: float | int | None) -> float | None:
    return None if ns is None else ns / 1e6


def uri_to_path(uri: str) -> str:
    return urllib.parse.unquote(urllib.parse.urlparse(uri).path)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


# --------------------------------------------------------------------------------------------
# The LSP client


class Message:
    """One message from the server, with the time its last byte was read. publishDiagnostics
    bodies are parsed lazily, so the reader thread keeps up with a flood of them."""

    __slots__ = ("t", "raw", "_obj")

    def __init__(self, t: int, raw: bytes, obj: dict | None = None):
        self.t = t
        self.raw = raw
        self._obj = obj

    @property
    def obj(self) -> dict:
        if self._obj is None:
            self._obj = json.loads(self.raw)
        return self._obj

    @property
    def is_publish(self) -> bool:
        return PUBLISH in self.raw[:160]


class Server:
    def __init__(self, binary: Path, workspace: Path, log_dir: Path):
        self.binary = binary
        self.workspace = workspace
        self.stderr_path = log_dir / f"newsls-server-{os.getpid()}-{now()}.stderr"
        self._stderr = open(self.stderr_path, "wb")
        try:
            self.proc = subprocess.Popen(
                [str(binary), "server"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                bufsize=0,
            )
        except OSError as err:
            self._stderr.close()
            raise BenchError(f"cannot start {binary}: {err}") from err
        self.pid = self.proc.pid
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self._write_lock = threading.Lock()
        self._next_id = 1
        self.server_requests: dict[str, int] = {}
        self.messages_shown: list[str] = []
        self._reader = threading.Thread(target=self._read_loop, name="lsp-reader", daemon=True)
        self._reader.start()

    # -- output

    def _send(self, obj: dict) -> int:
        body = json.dumps(obj, separators=(",", ":")).encode()
        frame = b"Content-Length: %d\r\n\r\n" % len(body) + body
        with self._write_lock:
            t = now()
            try:
                self.proc.stdin.write(frame)
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError) as err:
                raise BenchError(f"server closed its input ({err}); stderr:\n{self.stderr_tail()}") from err
        return t

    def notify(self, method: str, params: dict) -> int:
        """Sends a notification; returns the time just before it was written."""
        return self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict | None) -> tuple[int, int]:
        rid = self._next_id
        self._next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        return rid, self._send(msg)

    # -- input (reader thread)

    def _read_loop(self) -> None:
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        if length is not None:
                            break
                        continue
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                chunks = []
                remaining = length
                while remaining:
                    chunk = out.read(remaining)
                    if not chunk:
                        return
                    chunks.append(chunk)
                    remaining -= len(chunk)
                t = now()
                raw = b"".join(chunks)
                if PUBLISH in raw[:160]:
                    self.inbox.put(Message(t, raw))
                    continue
                obj = json.loads(raw)
                if "method" in obj and "id" in obj:
                    self._answer(obj)
                    continue
                if obj.get("method") in ("window/showMessage", "window/logMessage"):
                    self.messages_shown.append(obj.get("params", {}).get("message", ""))
                self.inbox.put(Message(t, raw, obj))
        except Exception as err:  # noqa: BLE001 - report anything the reader hits
            self.messages_shown.append(f"driver: reader stopped: {err!r}")
        finally:
            self.inbox.put(None)

    def _answer(self, req: dict) -> None:
        """Answers the server's requests at once, from the reader thread."""
        method = req["method"]
        self.server_requests[method] = self.server_requests.get(method, 0) + 1
        if method == "workspace/configuration":
            result: object = [None for _ in req.get("params", {}).get("items", [])]
        else:  # window/workDoneProgress/create, client/registerCapability, ...: accepted
            result = None
        try:
            self._send({"jsonrpc": "2.0", "id": req["id"], "result": result})
        except BenchError:
            pass

    def next_message(self, deadline: float) -> Message:
        """The next message, or BenchError at the deadline (a time.monotonic() value)."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        try:
            msg = self.inbox.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError from None
        if msg is None:
            self.inbox.put(None)  # keep reporting the end
            try:
                code = self.proc.wait(timeout=1)
            except subprocess.TimeoutExpired:
                code = None
            raise BenchError(f"server closed its output (exit code {code}); stderr:\n{self.stderr_tail()}")
        return msg

    def wait_response(self, rid: int, timeout: float, what: str, sink: list[Message] | None = None) -> Message:
        deadline = time.monotonic() + timeout
        while True:
            try:
                msg = self.next_message(deadline)
            except TimeoutError:
                raise BenchError(f"no answer to {what} within {timeout:.0f} s") from None
            if not msg.is_publish and msg.obj.get("id") == rid and "method" not in msg.obj:
                if "error" in msg.obj:
                    raise BenchError(f"{what} failed: {msg.obj['error']}")
                return msg
            if sink is not None:
                sink.append(msg)

    # -- process

    def status(self) -> dict[str, int]:
        """VmRSS and VmHWM in kB from /proc/PID/status."""
        fields = {}
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    key, _, value = line.partition(":")
                    if key in ("VmRSS", "VmHWM"):
                        fields[key] = int(value.split()[0])
        except OSError:
            pass
        return fields

    def cpu_seconds(self) -> float | None:
        """User + system CPU time the server has used, from /proc/PID/stat."""
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return None

    def stderr_tail(self, n: int = 2000) -> str:
        try:
            self._stderr.flush()
            data = self.stderr_path.read_bytes()
            return data[-n:].decode(errors="replace") or "(empty)"
        except OSError:
            return "(unavailable)"

    def stop(self, timeout: float) -> int | None:
        """shutdown + exit, then kill if it lingers. Returns the exit code."""
        try:
            if self.proc.poll() is None:
                rid, _ = self.request("shutdown", None)
                try:
                    self.wait_response(rid, timeout, "shutdown")
                except BenchError:
                    pass
                self.notify("exit", {})
                self.proc.stdin.close()
                self.proc.wait(timeout=timeout)
        except (BenchError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            self.kill()
        return self.proc.returncode

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self._stderr.close()
        try:
            self.stderr_path.unlink()
        except OSError:
            pass


# --------------------------------------------------------------------------------------------
# Workspace


def prepare(workspace: Path, corpus: Path) -> None:
    """Unpacks the corpus archives into `workspace` (one sub-folder each), if not there yet."""
    for name in CORPUS_ARCHIVES:
        archive = corpus / name
        folder = workspace / name.removesuffix(".tar.gz")
        if folder.is_dir() and any(folder.iterdir()):
            continue
        if not archive.is_file():
            raise BenchError(f"corpus archive {archive} not found (see --corpus)")
        workspace.mkdir(parents=True, exist_ok=True)
        print(f"unpacking {archive} into {workspace} ...", file=sys.stderr)
        with tarfile.open(archive) as tar:
            tar.extractall(workspace, filter="data")


def list_articles(workspace: Path) -> list[Path]:
    return sorted(p for p in workspace.rglob("*.txt") if not p.name.startswith(TEMP_PREFIX))


def pick_open_article(articles: list[Path], rng: random.Random) -> Path:
    """A quote-rich article (PolNeAR when present) of ordinary size, for first diagnostics."""
    pool = [p for p in articles if "polnear" in p.parts and 3000 <= p.stat().st_size <= 8000]
    pool = pool or [p for p in articles if 2000 <= p.stat().st_size <= 8000] or articles
    return rng.choice(pool)


def make_10k_article(workspace: Path, articles: list[Path], rng: random.Random, size: int) -> Path:
    """Joins corpus articles (their headlines dropped after the first) into ~`size` bytes."""
    pool = [p for p in articles if "polnear" in p.parts or "bbc" in p.parts] or articles
    parts: list[str] = []
    total = 0
    while total < size:
        text = rng.choice(pool).read_text(encoding="utf-8", errors="replace").strip()
        if parts:
            text = text.split("\n\n", 1)[-1]  # keep only the body after the first article
        parts.append(text)
        total += len(text.encode()) + 2
    text = "\n\n".join(parts)
    data = text.encode()
    before, after = data.rfind(b"\n\n", 0, size), data.find(b"\n\n", size)
    # End at the paragraph break nearest `size`, within 10 %; else cut there.
    cut = min((c for c in (before, after) if c > 0 and abs(c - size) <= size // 10), key=lambda c: abs(c - size),
              default=min(size, len(data)))
    text = data[:cut].decode(errors="ignore")
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".txt", dir=workspace)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    return Path(name)


# --------------------------------------------------------------------------------------------
# Text positions (UTF-16, LSP's default: the driver does not offer UTF-8)


def position(text: str, index: int) -> dict:
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    prefix = text[start:index]
    character = len(prefix.encode("utf-16-le")) // 2
    return {"line": line, "character": character}


# --------------------------------------------------------------------------------------------
# One server start-up


def initialize_params(workspace: Path) -> dict:
    uri = workspace.as_uri()
    return {
        "processId": os.getpid(),
        "clientInfo": {"name": "newsls-bench-driver"},
        "rootUri": uri,
        "workspaceFolders": [{"uri": uri, "name": workspace.name}],
        "capabilities": {
            "window": {"workDoneProgress": True},
            "workspace": {
                "workspaceFolders": True,
                # Like VS Code: the server registers its file watchers through the client.
                "didChangeWatchedFiles": {"dynamicRegistration": True},
                "configuration": False,
            },
            "textDocument": {
                "synchronization": {"didSave": False},
                "publishDiagnostics": {"versionSupport": True},
            },
        },
    }


def run_once(args, articles: list[Path], open_path: Path, edit_path: Path | None, rng: random.Random) -> dict:
    timeout = args.timeout
    server = Server(args.bin, args.workspace, Path(tempfile.gettempdir()))
    result: dict = {}
    try:
        t0 = now()
        rid, _ = server.request("initialize", initialize_params(args.workspace))
        server.wait_response(rid, timeout, "initialize")
        result["initialize_ms"] = ms(now() - t0)

        cpu_start = server.cpu_seconds()
        machine_start = machine_busy_seconds()
        driver_cpu_start = time.process_time()
        t_init = server.notify("initialized", {})
        open_uri = open_path.as_uri()
        open_text = open_path.read_text(encoding="utf-8", errors="replace")
        t_open = server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": open_uri, "languageId": "plaintext", "version": 1, "text": open_text}},
        )
        open_real = str(open_path)

        # Until the progress ends: count indexing publishes, catch the open article's first one.
        deadline = time.monotonic() + args.index_timeout
        progress_token = None
        t_begin = t_end = None
        last_index_publish = None
        index_publishes = 0
        index_diagnostics = 0
        first_diag = None
        first_diag_count = None
        reports = 0
        report_times: list[int] = []
        pending: list[Message] = []
        while t_end is None or first_diag is None:
            try:
                msg = server.next_message(deadline)
            except TimeoutError:
                if t_end is None:
                    raise BenchError(
                        f"indexing did not end within {args.index_timeout:.0f} s "
                        f"({index_publishes} publishes, progress {'begun' if t_begin else 'never begun'}; "
                        f"server requests {server.server_requests})"
                    ) from None
                raise BenchError(f"no diagnostics for the article opened at start-up within {args.index_timeout} s")
            if msg.is_publish:
                pending.append(msg)
                # Parse only the (few) versioned ones now; indexing publishes have no version.
                # (serde_json writes keys sorted: "uri" and "version" come last.)
                if first_diag is None and b'"version":' in msg.raw[-600:]:
                    p = msg.obj["params"]
                    if p.get("version") is not None and uri_to_path(p["uri"]) == open_real and p["version"] == 1:
                        first_diag = msg.t
                        first_diag_count = len(p["diagnostics"])
                continue
            obj = msg.obj
            if obj.get("method") == "$/progress":
                value = obj["params"].get("value", {})
                kind = value.get("kind")
                if kind == "begin" and progress_token is None:
                    progress_token = obj["params"]["token"]
                    t_begin = msg.t
                elif obj["params"]["token"] == progress_token and kind == "report":
                    reports += 1
                    report_times.append(msg.t)
                elif obj["params"]["token"] == progress_token and kind == "end":
                    t_end = msg.t
                    result["progress_end_message"] = value.get("message")
        cpu_index = server.cpu_seconds()
        driver_cpu_index = time.process_time() - driver_cpu_start
        machine_index = machine_busy_seconds()
        other_cpu = None
        if None not in (cpu_start, cpu_index, machine_start, machine_index):
            # What other processes (a build?) took from the 2 cores while the server indexed.
            other_cpu = max(0.0, (machine_index - machine_start) - (cpu_index - cpu_start) - driver_cpu_index)
        # Per indexing step (between progress reports): when its publishes began and ended, so
        # analysis time (the gap before a step's first publish) and publishing time separate.
        bounds = [t_begin or t_init] + report_times + [t_end]
        steps = [[None, None, 0] for _ in range(len(bounds) - 1)]
        step = 0
        for msg in pending:
            p = msg.obj["params"]
            if p.get("version") is None:
                index_publishes += 1
                index_diagnostics += len(p["diagnostics"])
                if last_index_publish is None or msg.t > last_index_publish:
                    last_index_publish = msg.t
                while step < len(steps) - 1 and msg.t > bounds[step + 1]:
                    step += 1
                s = steps[step]
                s[0] = s[0] or msg.t
                s[1] = msg.t
                s[2] += 1
        pending.clear()
        timeline = []
        for i, (first, last, n) in enumerate(steps):
            timeline.append(
                {
                    "start_ms": ms(bounds[i] - t_init),
                    "first_publish_ms": ms(first - t_init) if first else None,
                    "last_publish_ms": ms(last - t_init) if last else None,
                    "end_ms": ms(bounds[i + 1] - t_init),
                    "publishes": n,
                }
            )
        result["index_steps"] = timeline

        # Memory after indexing, once the server has settled.
        time.sleep(args.settle)
        mem_index = server.status()
        # Anything published while settling (there should be nothing) is counted but not timed.
        late = 0
        while not server.inbox.empty():
            msg = server.inbox.get_nowait()
            if msg is None:
                server.inbox.put(None)
                break
            late += msg.is_publish

        result.update(
            {
                "index_progress_end_ms": ms(t_end - t_init),
                "index_progress_begin_ms": ms(t_begin - t_init) if t_begin else None,
                "index_last_publish_ms": ms(last_index_publish - t_init) if last_index_publish else None,
                "index_server_cpu_s": cpu_index - cpu_start if cpu_index is not None and cpu_start is not None else None,
                "index_driver_cpu_s": driver_cpu_index,
                "index_other_cpu_s": other_cpu,
                "index_publishes": index_publishes,
                "index_diagnostics": index_diagnostics,
                "index_progress_reports": reports,
                "publishes_after_end": late,
                "first_diagnostics_ms": ms(first_diag - t_open),
                "first_diagnostics_count": first_diag_count,
                "first_diagnostics_article": str(open_path.relative_to(args.workspace)),
                "rss_after_index_kb": mem_index.get("VmRSS"),
                "hwm_after_index_kb": mem_index.get("VmHWM"),
                "server_requests": dict(server.server_requests),
            }
        )

        if edit_path is not None:
            edits, text = edit_latency(server, args, edit_path, rng)
            result.update(edits)
            if args.navigations > 0:
                result.update(navigation_latency(server, args, edit_path, text, articles))
                result.update(busiest_navigation(server, args, articles))
            mem_end = server.status()
            result["rss_end_kb"] = mem_end.get("VmRSS")
            result["hwm_end_kb"] = mem_end.get("VmHWM")
        result["exit_code"] = server.stop(timeout)
    finally:
        server.kill()
    return result


def wait_publish(server: Server, path: str, version: int, timeout: float) -> tuple[Message, int]:
    """Waits for the publish of `path` at `version`; returns it and how many other messages passed."""
    deadline = time.monotonic() + timeout
    skipped = 0
    needle = b'"version":%d}' % version
    while True:
        try:
            msg = server.next_message(deadline)
        except TimeoutError:
            raise BenchError(f"no publishDiagnostics for version {version} within {timeout} s") from None
        if msg.is_publish and needle in msg.raw[-40:]:
            p = msg.obj["params"]
            if p.get("version") == version and uri_to_path(p["uri"]) == path:
                return msg, skipped
        skipped += 1


def edit_latency(server: Server, args, edit_path: Path, rng: random.Random) -> tuple[dict, str]:
    """Times the edits; returns the figures and the text as the edits left it (still open)."""
    text = edit_path.read_text(encoding="utf-8")
    uri = edit_path.as_uri()
    real = str(edit_path)
    version = 1
    t_open = server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}},
    )
    msg, _ = wait_publish(server, real, version, args.timeout)
    open_ms = ms(msg.t - t_open)
    diag_counts = [len(msg.obj["params"]["diagnostics"])]

    machine_start, server_start, driver_start = machine_busy_seconds(), server.cpu_seconds(), time.process_time()
    alphabet = "abcdefghijklmnopqrstuvwxyz     etaoinshr,.'\""
    latencies: list[float] = []
    inserts = deletes = other = 0
    for i in range(args.warmup + args.edits):
        version += 1
        if rng.random() < 0.5 or len(text) < 100:
            at = rng.randrange(0, len(text) + 1)
            while at > 0 and at < len(text) and "\udc00" <= text[at] <= "\udfff":
                at -= 1
            new = rng.choice(alphabet)
            pos = position(text, at)
            change = {"range": {"start": pos, "end": pos}, "text": new}
            text = text[:at] + new + text[at:]
            inserts += 1
        else:
            at = rng.randrange(0, len(text))
            tries = 0
            while text[at] in "\r\n" and tries < 100:
                at = rng.randrange(0, len(text))
                tries += 1
            start = position(text, at)
            end = position(text, at + 1)
            change = {"range": {"start": start, "end": end}, "text": ""}
            text = text[:at] + text[at + 1 :]
            deletes += 1
        t_send = server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        msg, skipped = wait_publish(server, real, version, args.timeout)
        other += skipped
        if i >= args.warmup:
            latencies.append(ms(msg.t - t_send))
        if i == args.warmup + args.edits - 1:
            diag_counts.append(len(msg.obj["params"]["diagnostics"]))

    machine_end, server_end = machine_busy_seconds(), server.cpu_seconds()
    other = None
    if None not in (machine_start, machine_end, server_start, server_end):
        other = max(0.0, machine_end - machine_start - (server_end - server_start) - (time.process_time() - driver_start))
    return {
        "edit_other_cpu_s": other,
        "edit_article": str(edit_path.relative_to(args.workspace)),
        "edit_article_bytes": len(text.encode()),
        "edit_open_ms": open_ms,
        "edits": len(latencies),
        "edit_warmup": args.warmup,
        "edit_inserts": inserts,
        "edit_deletes": deletes,
        "edit_other_messages": other,
        "edit_diagnostics_first_last": diag_counts,
        "edit_latency_ms": latencies,
    }, text


def navigation_latency(server: Server, args, edit_path: Path, text: str, articles: list[Path]) -> dict:
    """Times textDocument/definition and textDocument/references at a mention, in the open 10 KB
    article, of the organization acronym there (from the server's entity document symbols) that
    the most corpus articles also use."""
    doc = {"uri": edit_path.as_uri()}
    rid, _ = server.request("textDocument/documentSymbol", {"textDocument": doc})
    symbols = server.wait_response(rid, args.timeout, "textDocument/documentSymbol").obj.get("result") or []
    candidates = sorted(
        {
            child["detail"]
            for group in symbols
            if group.get("name") == "Organizations"
            for child in group.get("children") or []
            if child.get("detail") and re.search(r"\b" + re.escape(child["detail"]) + r"\b", text)
        }
    )
    if not candidates:
        return {}
    words = re.compile(r"\b(?:" + "|".join(map(re.escape, candidates)) + r")\b")
    articles_using = {c: 0 for c in candidates}
    for path in articles:
        for found in set(words.findall(path.read_text(encoding="utf-8", errors="replace"))):
            articles_using[found] += 1
    acronym = max(candidates, key=lambda c: articles_using[c])
    at = re.search(r"\b" + re.escape(acronym) + r"\b", text)
    out = {"navigation_entity": acronym, "navigation_entity_articles": articles_using[acronym]}
    out.update(time_navigation(server, args, doc, position(text, at.start() + 1), ""))
    return out


def time_navigation(server: Server, args, doc: dict, at: dict, prefix: str) -> dict:
    """Times `--navigations` definition and references requests at `at`, after `--warmup`."""
    out = {}
    for method, key, extra in (
        ("textDocument/definition", "definition", {}),
        ("textDocument/references", "references", {"context": {"includeDeclaration": True}}),
    ):
        latencies: list[float] = []
        results = 0
        for i in range(args.warmup + args.navigations):
            rid, t_send = server.request(method, {"textDocument": doc, "position": at, **extra})
            msg = server.wait_response(rid, args.timeout, method)
            if i >= args.warmup:
                latencies.append(ms(msg.t - t_send))
            results = len(msg.obj.get("result") or [])
        out[f"{prefix}{key}_latency_ms"] = latencies
        out[f"{prefix}{key}_locations"] = results
        out[f"{prefix}{key}_reply_bytes"] = len(msg.raw)
    return out


def busiest_navigation(server: Server, args, articles: list[Path]) -> dict:
    """Times definition and references at the workspace's most-mentioned entity, the worst case
    for references (thousands of locations in one reply). The candidates are the capitalised
    words most frequent in a sample of the articles; the first at which the server finds a
    mention with the most references wins."""
    sample = articles[:: max(1, len(articles) // 2000)]
    counts: dict[str, int] = {}
    first_in: dict[str, Path] = {}
    for path in sample:
        for word in re.findall(r"\b[A-Z][A-Za-z]{2,}\b", path.read_text(encoding="utf-8", errors="replace")):
            counts[word] = counts.get(word, 0) + 1
            first_in.setdefault(word, path)

    def open_at(word: str) -> tuple[dict, dict]:
        """Opens the first sampled article using `word`; its document and the word's position."""
        path = first_in[word]
        text = path.read_text(encoding="utf-8", errors="replace")
        doc = {"uri": path.as_uri()}
        server.notify("textDocument/didOpen", {"textDocument": {**doc, "languageId": "plaintext", "version": 1, "text": text}})
        return doc, position(text, re.search(r"\b" + re.escape(word) + r"\b", text).start() + 1)

    best = None
    for word in sorted(counts, key=counts.get, reverse=True)[:40]:
        doc, at = open_at(word)
        rid, _ = server.request("textDocument/references", {"textDocument": doc, "position": at, "context": {"includeDeclaration": True}})
        found = len(server.wait_response(rid, args.timeout, "textDocument/references").obj.get("result") or [])
        server.notify("textDocument/didClose", {"textDocument": doc})
        if found and (best is None or found > best[0]):
            best = (found, word)
    if best is None:
        return {}
    word = best[1]
    doc, at = open_at(word)
    out = {"busiest_entity": word}
    out.update(time_navigation(server, args, doc, at, "busiest_"))
    return out


# --------------------------------------------------------------------------------------------
# Reporting


def summarize(runs: list[dict], args) -> dict:
    def col(key):
        return [r[key] for r in runs if r.get(key) is not None]

    def med(key):
        values = col(key)
        return statistics.median(values) if values else None

    last = runs[-1]
    lat = last.get("edit_latency_ms", [])
    summary = {
        "runs": len(runs),
        "busy_cpus_before": round(args.busy_cpus_before, 2),
        "loadavg_after": open("/proc/loadavg").read().split()[:3],
        "articles": args.article_count,
        "index_progress_end_ms": {"median": med("index_progress_end_ms"), "all": col("index_progress_end_ms")},
        "index_last_publish_ms": {"median": med("index_last_publish_ms"), "all": col("index_last_publish_ms")},
        "first_diagnostics_ms": {"median": med("first_diagnostics_ms"), "all": col("first_diagnostics_ms")},
        "rss_after_index_mb": {"median": (med("rss_after_index_kb") or 0) / 1024},
        "hwm_after_index_mb": {"median": (med("hwm_after_index_kb") or 0) / 1024},
        "rss_end_mb": (last.get("rss_end_kb") or 0) / 1024,
        "hwm_end_mb": (last.get("hwm_end_kb") or 0) / 1024,
    }
    if lat:
        summary["edit_latency_ms"] = {
            "n": len(lat),
            "min": min(lat),
            "p50": percentile(lat, 50),
            "p90": percentile(lat, 90),
            "p99": percentile(lat, 99),
            "max": max(lat),
            "mean": statistics.fmean(lat),
        }
    for prefix, entity in (("", "navigation_entity"), ("busiest_", "busiest_entity")):
        for key in ("definition", "references"):
            values = last.get(f"{prefix}{key}_latency_ms", [])
            if values:
                summary[f"{prefix}{key}_latency_ms"] = {
                    "n": len(values),
                    "p50": percentile(values, 50),
                    "p99": percentile(values, 99),
                    "max": max(values),
                    "locations": last.get(f"{prefix}{key}_locations"),
                    "reply_bytes": last.get(f"{prefix}{key}_reply_bytes"),
                    "entity": last.get(entity),
                    "entity_articles": last.get("navigation_entity_articles") if not prefix else None,
                }
    return summary


TARGETS = {
    "indexing (initialized -> progress end)": ("index", 3000.0, "ms"),
    "first diagnostics (didOpen -> publish)": ("first", 100.0, "ms"),
    "didChange -> publish p99": ("p99", 2.0, "ms"),
    "peak memory (VmHWM)": ("mem", 300.0, "MB"),
}


def machine_busy_seconds() -> float | None:
    """CPU-seconds all processes have used since boot (non-idle time in /proc/stat)."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def busy_cpus() -> float:
    """CPUs busy machine-wide over a short sample (other builds skew every figure here)."""
    def read():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return sum(v), v[3] + v[4]
    try:
        total0, idle0 = read()
        time.sleep(0.5)
        total1, idle1 = read()
        return (1 - (idle1 - idle0) / max(1, total1 - total0)) * os.cpu_count()
    except OSError:
        return 0.0


def print_table(summary: dict, runs: list[dict]) -> None:
    def f(v, unit="ms"):
        if v is None:
            return "-"
        return f"{v:,.1f} {unit}" if v >= 100 else f"{v:.3f} {unit}"

    last = runs[-1]
    lines = []
    add = lines.append
    add(
        f"newsls LSP benchmark: {summary['articles']:,} articles, {summary['runs']} start-up(s), "
        f"{os.cpu_count()} CPUs ({summary['busy_cpus_before']:.1f} busy before the run)"
    )
    add(f"{'measure':44} {'headline':>14} {'all runs / detail'}")
    idx = summary["index_progress_end_ms"]
    add(f"{'(a) indexing: initialized -> progress end':44} {f(idx['median']):>14} " + ", ".join(f(v) for v in idx["all"]))
    lp = summary["index_last_publish_ms"]
    add(f"{'(a) indexing: initialized -> last publish':44} {f(lp['median']):>14} " + ", ".join(f(v) for v in lp["all"]))
    add(
        f"{'    publishes / diagnostics (last run)':44} {last['index_publishes']:>14,} "
        f"{last['index_diagnostics']:,} diagnostics, {last['index_progress_reports']} progress reports"
    )
    if last.get("index_server_cpu_s") is not None:
        add(
            f"{'    CPU while indexing: server / driver':44} {last['index_server_cpu_s']:>12.2f} s "
            f"driver {last['index_driver_cpu_s']:.2f} s (last run)"
        )
    others = [r.get("index_other_cpu_s") or 0.0 for r in runs]
    add(
        f"{'    CPU of other processes while indexing':44} {max(others):>12.2f} s "
        + ("(max over runs; a busy machine: figures are inflated)" if max(others) > 0.3 else "(max over runs: quiet)")
    )
    fd = summary["first_diagnostics_ms"]
    add(f"{'(b) first diagnostics: didOpen -> publish':44} {f(fd['median']):>14} " + ", ".join(f(v) for v in fd["all"])
        + f"  ({last['first_diagnostics_article']}, {last['first_diagnostics_count']} diagnostics)")
    lat = summary.get("edit_latency_ms")
    if lat:
        add(
            f"{'(c) didChange -> publish p50 / p90 / p99':44} {f(lat['p99']):>14} "
            f"p50 {lat['p50']:.3f}, p90 {lat['p90']:.3f}, p99 {lat['p99']:.3f}, max {lat['max']:.3f} ms "
            f"over {lat['n']} edits of {last['edit_article_bytes']:,} B"
        )
        add(f"{'    didOpen of the 10 KB article -> publish':44} {f(last['edit_open_ms']):>14}")
        if last.get("edit_other_cpu_s") is not None:
            add(f"{'    CPU of other processes during the edits':44} {last['edit_other_cpu_s']:>12.2f} s")
    for key, label in (
        ("definition", "(e) definition p50 / p99"),
        ("references", "(e) references p50 / p99"),
        ("busiest_definition", "(e) busiest entity: definition"),
        ("busiest_references", "(e) busiest entity: references"),
    ):
        nav = summary.get(f"{key}_latency_ms")
        if nav:
            articles_note = f" (in {nav['entity_articles']:,} articles)" if nav["entity_articles"] is not None else ""
            add(
                f"{label:44} {f(nav['p99']):>14} p50 {nav['p50']:.3f}, p99 {nav['p99']:.3f}, max {nav['max']:.3f} ms "
                f"over {nav['n']} requests: {nav['locations']:,} locations of {nav['entity']}{articles_note}, "
                f"{nav['reply_bytes'] or 0:,} B"
            )
    add(
        f"{'(d) memory after indexing: VmRSS / VmHWM':44} {summary['rss_after_index_mb']['median']:>11.1f} MB "
        f"HWM {summary['hwm_after_index_mb']['median']:.1f} MB"
    )
    add(f"{'(d) memory at the end: VmRSS / VmHWM':44} {summary['rss_end_mb']:>11.1f} MB HWM {summary['hwm_end_mb']:.1f} MB")
    add("")
    add("targets:")
    checks = [
        ("indexing < 3 s", idx["median"], 3000.0),
        ("first diagnostics < 100 ms", fd["median"], 100.0),
        ("didChange p99 < 2 ms", lat["p99"] if lat else None, 2.0),
        ("definition p99 < 5 ms", (summary.get("definition_latency_ms") or {}).get("p99"), 5.0),
        ("references p99 < 5 ms", (summary.get("references_latency_ms") or {}).get("p99"), 5.0),
        ("memory < 300 MB (VmHWM)", max(summary["hwm_end_mb"], summary["hwm_after_index_mb"]["median"]), 300.0),
    ]
    for name, value, limit in checks:
        verdict = "-" if value is None else ("ok" if value < limit else "MISS")
        add(f"  {name:32} {('-' if value is None else f'{value:,.1f}'):>12}  {verdict}")
    print("\n".join(lines))


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", type=Path, default=DEFAULT_BIN, help=f"the newsls binary (default {DEFAULT_BIN})")
    ap.add_argument("--workspace", type=Path, default=DEFAULT_WORKSPACE, help="folder of articles (default %(default)s)")
    ap.add_argument("--prepare", action="store_true", help="unpack the corpus into --workspace first if missing")
    ap.add_argument("--prepare-only", action="store_true", help="unpack the corpus into --workspace and stop")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of the *.tar.gz (default %(default)s)")
    ap.add_argument("--runs", type=int, default=3, help="server start-ups for (a), (b), (d) (default 3)")
    ap.add_argument("--edits", type=int, default=500, help="timed didChange edits, in the last run (default 500)")
    ap.add_argument("--warmup", type=int, default=20, help="untimed edits (and requests) before them (default 20)")
    ap.add_argument("--navigations", type=int, default=200,
                    help="timed definition and references requests each, after the edits (default 200)")
    ap.add_argument("--edit-size", type=int, default=10_000, help="bytes of the edited article (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds for any single wait (default 30)")
    ap.add_argument("--index-timeout", type=float, default=300.0, help="seconds for indexing to end (default 300)")
    ap.add_argument("--settle", type=float, default=0.5, help="seconds to wait after indexing before reading memory")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE ('-' for stdout)")
    args = ap.parse_args(argv)

    args.workspace = args.workspace.resolve()
    try:
        if args.prepare or args.prepare_only:
            prepare(args.workspace, args.corpus)
            if args.prepare_only:
                print(f"workspace ready: {args.workspace}")
                return 0
        args.bin = args.bin if args.bin.is_absolute() else Path.cwd() / args.bin
        if not args.bin.is_file() or not os.access(args.bin, os.X_OK):
            raise BenchError(
                f"no executable newsls at {args.bin}: build it with `cargo build --release` in {REPO}, or pass --bin"
            )
        if not args.workspace.is_dir():
            raise BenchError(
                f"workspace {args.workspace} does not exist: run with --prepare to unpack {args.corpus} there"
            )
        articles = list_articles(args.workspace)
        if not articles:
            raise BenchError(f"no *.txt articles under {args.workspace}")
        busy = busy_cpus()
        if busy > 0.3:
            print(
                f"driver.py: warning: {busy:.1f} of {os.cpu_count()} CPUs already busy before the run "
                "(a build?): the figures will be slower than on a quiet machine",
                file=sys.stderr,
            )
        args.busy_cpus_before = busy
        rng = random.Random(args.seed)
        open_path = pick_open_article(articles, rng)
        edit_path = make_10k_article(args.workspace, articles, rng, args.edit_size) if args.edits > 0 else None
        args.article_count = len(articles) + (1 if edit_path else 0)
        runs = []
        try:
            for i in range(args.runs):
                print(f"run {i + 1}/{args.runs} ...", file=sys.stderr, flush=True)
                last = i == args.runs - 1
                runs.append(run_once(args, articles, open_path, edit_path if last else None, rng))
        finally:
            if edit_path is not None:
                edit_path.unlink(missing_ok=True)
    except BenchError as err:
        print(f"driver.py: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130

    summary = summarize(runs, args)
    print_table(summary, runs)
    if args.json:
        doc = {"summary": summary, "runs": runs, "binary": str(args.bin), "workspace": str(args.workspace)}
        if args.json == "-":
            json.dump(doc, sys.stdout, indent=1)
            print()
        else:
            Path(args.json).write_text(json.dumps(doc, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

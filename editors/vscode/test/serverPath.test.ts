import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, test } from "node:test";

import { expandConfigured, findOnPath, isError, resolveServer } from "../src/serverPath";

const EXT = "/ext/newsls-0.1.0";

function executables(...paths: string[]) {
  const set = new Set(paths);
  return (p: string) => set.has(p);
}

describe("server path resolution", () => {
  test("the setting wins over the bundled binary and PATH", () => {
    const r = resolveServer({
      configured: "/opt/newsls/bin/newsls",
      extensionPath: EXT,
      platform: "linux",
      env: { PATH: "/usr/bin" },
      isExecutable: executables("/opt/newsls/bin/newsls", `${EXT}/server/newsls`, "/usr/bin/newsls"),
    });
    assert.deepEqual(r, { command: "/opt/newsls/bin/newsls", source: "setting" });
  });

  test("a setting that points nowhere is an error, not a silent fallback", () => {
    const r = resolveServer({
      configured: "/missing/newsls",
      extensionPath: EXT,
      platform: "linux",
      env: { PATH: "/usr/bin" },
      isExecutable: executables(`${EXT}/server/newsls`, "/usr/bin/newsls"),
    });
    assert.ok(isError(r));
    assert.match(r.error, /\/missing\/newsls/);
  });

  test("a blank or null setting counts as unset", () => {
    for (const configured of [null, undefined, "", "   "]) {
      const r = resolveServer({ configured, extensionPath: EXT, platform: "linux", env: {}, isExecutable: executables(`${EXT}/server/newsls`) });
      assert.deepEqual(r, { command: `${EXT}/server/newsls`, source: "bundled" });
    }
  });

  test("without a setting or a bundled binary, PATH is searched in order", () => {
    const r = resolveServer({
      extensionPath: EXT,
      platform: "linux",
      env: { PATH: "/nope::/home/u/.cargo/bin:/usr/bin" },
      isExecutable: executables("/home/u/.cargo/bin/newsls", "/usr/bin/newsls"),
    });
    assert.deepEqual(r, { command: "/home/u/.cargo/bin/newsls", source: "path" });
  });

  test("nothing found: an error that says what to do", () => {
    const r = resolveServer({ extensionPath: EXT, platform: "linux", env: { PATH: "/usr/bin" }, isExecutable: () => false });
    assert.ok(isError(r));
    assert.match(r.error, /newsls\.server\.path/);
  });

  test("~, ${workspaceFolder} and relative settings", () => {
    assert.equal(expandConfigured("~/bin/newsls", "/ws", "/home/u", path.posix), "/home/u/bin/newsls");
    assert.equal(expandConfigured("${workspaceFolder}/target/release/newsls", "/ws", "/home/u", path.posix), "/ws/target/release/newsls");
    assert.equal(expandConfigured("target/release/newsls", "/ws", "/home/u", path.posix), "/ws/target/release/newsls");
    assert.equal(expandConfigured("newsls-dev", "/ws", "/home/u", path.posix), "newsls-dev");
  });

  test("a bare command name in the setting is looked up on PATH", () => {
    const r = resolveServer({
      configured: "newsls-dev",
      extensionPath: EXT,
      platform: "linux",
      env: { PATH: "/usr/local/bin" },
      isExecutable: executables("/usr/local/bin/newsls-dev"),
    });
    assert.deepEqual(r, { command: "/usr/local/bin/newsls-dev", source: "setting" });
  });

  test("Windows: newsls.exe bundled, PATHEXT on PATH", () => {
    const ext = "C:\\ext\\newsls";
    const bundled = resolveServer({ extensionPath: ext, platform: "win32", env: {}, isExecutable: executables("C:\\ext\\newsls\\server\\newsls.exe") });
    assert.deepEqual(bundled, { command: "C:\\ext\\newsls\\server\\newsls.exe", source: "bundled" });
    const found = findOnPath("newsls", { Path: "C:\\tools;C:\\cargo\\bin", PATHEXT: ".COM;.EXE" }, "win32", executables("C:\\cargo\\bin\\newsls.EXE"));
    assert.equal(found, "C:\\cargo\\bin\\newsls.EXE");
  });

  test("the real file system: only executable files count", { skip: process.platform === "win32" }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsls-path-"));
    try {
      const bin = path.join(dir, "bin");
      fs.mkdirSync(bin);
      fs.writeFileSync(path.join(bin, "newsls"), "#!/bin/sh\n", { mode: 0o644 });
      fs.mkdirSync(path.join(dir, "ext", "server"), { recursive: true });
      assert.ok(isError(resolveServer({ extensionPath: path.join(dir, "ext"), env: { PATH: bin } })), "not executable: not found");
      fs.chmodSync(path.join(bin, "newsls"), 0o755);
      assert.deepEqual(resolveServer({ extensionPath: path.join(dir, "ext"), env: { PATH: bin } }), {
        command: path.join(bin, "newsls"),
        source: "path",
      });
      fs.writeFileSync(path.join(dir, "ext", "server", "newsls"), "#!/bin/sh\n", { mode: 0o755 });
      assert.deepEqual(resolveServer({ extensionPath: path.join(dir, "ext"), env: { PATH: bin } }), {
        command: path.join(dir, "ext", "server", "newsls"),
        source: "bundled",
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

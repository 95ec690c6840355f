// A minimal LSP client over vscode-languageserver-protocol (the protocol layer under
// vscode-languageclient), with the capabilities VS Code 1.82+ announces, talking to the real
// `newsls server` binary over stdio.

import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type InitializeResult,
  type ClientCapabilities,
  type Registration,
} from "vscode-languageserver-protocol/node";

export const EDITORS = path.resolve(__dirname, "..", "..", "..");
export const FIXTURES = path.join(EDITORS, "fixtures", "workspace");

/** The server binary: NEWSLS_BIN, else the release build of the repository. */
export function serverBinary(): string {
  const bin = process.env.NEWSLS_BIN ?? path.join(EDITORS, "..", "target", "release", "newsls");
  return path.resolve(bin);
}

/** A fresh copy of the fixture workspace (the tests edit files on disk). */
export function copyWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsls-vscode-"));
  fs.cpSync(FIXTURES, dir, { recursive: true });
  return fs.realpathSync(dir);
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export const VSCODE_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ["utf-16"] },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
  },
  window: { workDoneProgress: true, showMessage: {} },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
    hover: { dynamicRegistration: true, contentFormat: ["markdown", "plaintext"] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
    references: {},
    codeLens: {},
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } }, isPreferredSupport: true },
    semanticTokens: {
      requests: { full: true },
      tokenTypes: ["string", "variable", "keyword", "type"],
      tokenModifiers: [],
      formats: ["relative"],
    },
    inlayHint: {},
  },
  // What the extension's selectPlaceholderFeature adds.
  experimental: { selectPlaceholder: true },
};

export class Session {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly registrations: Registration[] = [];
  readonly messages: string[] = [];
  readonly stderr: string[] = [];
  /** What the client answers to workspace/configuration, section `newsls`. */
  settings: unknown = {};
  exitCode: Promise<number | null>;
  private waiters: (() => void)[] = [];

  constructor(readonly root: string, bin = serverBinary()) {
    if (!fs.existsSync(bin)) throw new Error(`newsls binary not found at ${bin}: build it (cargo build --release) or set NEWSLS_BIN`);
    this.process = spawn(bin, ["server"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    this.exitCode = new Promise((resolve) => this.process.on("exit", (code) => resolve(code)));
    this.process.stderr!.on("data", (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification("textDocument/publishDiagnostics", (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.wake();
    });
    this.connection.onNotification("window/showMessage", (p: { message: string }) => {
      this.messages.push(p.message);
      this.wake();
    });
    this.connection.onNotification("window/logMessage", (p: { message: string }) => this.messages.push(p.message));
    this.connection.onNotification("$/progress", () => undefined);
    this.connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === "newsls" ? this.settings : null)),
    );
    this.connection.onRequest("client/registerCapability", (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities = VSCODE_CAPABILITIES): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>("initialize", {
      processId: process.pid,
      clientInfo: { name: "newsls-test (vscode-languageserver-protocol)" },
      rootUri: uriOf(this.root),
      capabilities,
      workspaceFolders: [{ uri: uriOf(this.root), name: path.basename(this.root) }],
    });
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once `predicate` holds, re-checked after every server message; fails after `ms`. */
  async waitFor<T>(what: string, predicate: () => T | undefined | false, ms = 15000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out after ${ms} ms waiting for ${what}; stderr: ${this.stderr.join("").slice(-2000)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  codes(uri: string): string[] {
    return (this.diagnostics.get(uri) ?? []).map((d) => String(d.code)).sort();
  }

  async open(file: string): Promise<{ uri: string; text: string }> {
    const uri = uriOf(file);
    const text = fs.readFileSync(file, "utf8");
    await this.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "plaintext", version: 1, text },
    });
    return { uri, text };
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await Promise.race([this.exitCode, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 5000))]);
    this.connection.dispose();
    if (code === "timeout") {
      this.process.kill();
      throw new Error("the server did not exit within 5 s of `exit`");
    }
    return code;
  }
}

/** The 0-based position of the first occurrence of `needle` in `text` (UTF-16 columns). */
export function positionOf(text: string, needle: string, offsetInNeedle = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture text has no ${JSON.stringify(needle)}`);
  const before = text.slice(0, index + offsetInNeedle);
  const line = before.split("\n").length - 1;
  const character = before.length - (before.lastIndexOf("\n") + 1);
  return { line, character };
}

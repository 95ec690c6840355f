// The extension's client side against the real `newsls server`: the protocol layer that
// vscode-languageclient uses, VS Code's client capabilities, and the extension's own settings
// module answering workspace/configuration.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";

import type {
  CodeAction,
  CodeLens,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  MarkupContent,
  Range,
  SemanticTokens,
} from "vscode-languageserver-protocol/node";

import { SELECT_PLACEHOLDER, SHOW_REFERENCES } from "../src/commandNames";
import { serverSettings } from "../src/settings";
import { copyWorkspace, positionOf, Session, uriOf } from "./harness";

/** Settings as VS Code would hold them: what `workspace.getConfiguration('newsls')` returns. */
function vscodeConfig(values: Record<string, unknown>) {
  const defaults: Record<string, unknown> = {
    rules: {
      "unattributed-claim": "default",
      "unattributed-quote": "default",
      "unbalanced-quote": "default",
      "vague-attribution": "default",
    },
    "diagnostics.closedFiles": true,
    include: null,
    exclude: null,
    maxFileSize: null,
  };
  const all = { ...defaults, ...values };
  return { get: <T>(key: string) => all[key] as T | undefined };
}

describe("newsls server through vscode-languageserver-protocol", () => {
  let root: string;
  let session: Session;
  let ferry: { uri: string; text: string };

  before(async () => {
    root = copyWorkspace();
    session = new Session(root);
    session.settings = serverSettings(vscodeConfig({}));
  });

  after(async () => {
    if (session) {
      const code = await session.shutdown();
      assert.equal(code, 0, "the server exits with 0 after shutdown and exit");
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  test("initialize announces incremental sync, hover and document symbols", async () => {
    const result = await session.initialize();
    const caps = result.capabilities;
    assert.ok(caps.hoverProvider, "hoverProvider");
    assert.ok(caps.documentSymbolProvider, "documentSymbolProvider");
    const sync = caps.textDocumentSync;
    const kind = typeof sync === "number" ? sync : sync?.change;
    assert.equal(kind, 2, "incremental text document sync");
    assert.ok(caps.definitionProvider && caps.referencesProvider && caps.codeLensProvider, "navigation and lenses");
  });

  test("the server registers file watchers with a client that can (as VS Code can)", async () => {
    const registration = await session.waitFor("client/registerCapability for didChangeWatchedFiles", () =>
      session.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles"),
    );
    const globs = JSON.stringify(registration.registerOptions);
    assert.match(globs, /\*\*\/\*\.txt/);
    assert.match(globs, /\*\*\/\*\.toml/, "newsls.toml and the glossary file it names");
  });

  test("diagnostics arrive for closed articles; newsls.toml's exclude is honoured", async () => {
    const quotes = uriOf(path.join(root, "quote-problems.txt"));
    await session.waitFor("diagnostics of quote-problems.txt", () => session.diagnostics.get(quotes)?.length);
    assert.deepEqual(session.codes(quotes), ["unattributed-claim", "unattributed-quote", "unbalanced-quote"]);
    const ferryUri = uriOf(path.join(root, "ferry-terminal.txt"));
    await session.waitFor("diagnostics of ferry-terminal.txt (closed)", () => session.diagnostics.get(ferryUri)?.length);
    // A clean article gets no findings (the server may publish an empty list or nothing).
    assert.deepEqual(session.codes(uriOf(path.join(root, "school-roof.txt"))), []);
    assert.equal(session.codes(uriOf(path.join(root, "archive", "old-story.txt"))).length, 0, "archive/** is excluded");
  });

  test("an opened article gets diagnostics with rule names as codes, severities and positions", async () => {
    ferry = await session.open(path.join(root, "ferry-terminal.txt"));
    const diagnostics = await session.waitFor("diagnostics of ferry-terminal.txt", () =>
      session.diagnostics.get(ferry.uri)?.length === 3 ? session.diagnostics.get(ferry.uri) : undefined,
    );
    assert.deepEqual(session.codes(ferry.uri), ["unattributed-claim", "unattributed-claim", "vague-attribution"]);
    const prediction = diagnostics.find((d) => d.range.start.line === 6);
    assert.ok(prediction, "a diagnostic on line 7 (the prediction)");
    assert.equal(prediction.code, "unattributed-claim");
    assert.equal(prediction.severity, 2, "warning");
    assert.equal(prediction.source, "newsls");
    const vague = diagnostics.find((d) => d.code === "vague-attribution")!;
    assert.equal(vague.severity, 3, "information");
    assert.deepEqual(vague.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 11 } });
  });

  test("hover on a quotation names its speaker and the cue", async () => {
    const hover = await session.connection.sendRequest<Hover | null>("textDocument/hover", {
      textDocument: { uri: ferry.uri },
      position: positionOf(ferry.text, "This terminal will carry", 5),
    });
    assert.ok(hover, "a hover");
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, "markdown");
    assert.match(value, /Quotation/);
    assert.match(value, /Ines Calder/);
    assert.match(value, /said/);
  });

  test("hover on an unattributed sentence says so", async () => {
    const hover = await session.connection.sendRequest<Hover | null>("textDocument/hover", {
      textDocument: { uri: ferry.uri },
      position: positionOf(ferry.text, "tourist numbers"),
    });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /No attribution/);
  });

  test("document symbols outline the headline and paragraphs", async () => {
    const symbols = await session.connection.sendRequest<{ name: string; detail?: string }[]>("textDocument/documentSymbol", {
      textDocument: { uri: ferry.uri },
    });
    assert.ok(symbols.length >= 5);
    assert.match(symbols[0].name, /^Harbour council approves/);
    assert.equal(symbols[0].detail, "headline");
  });

  test("an edit makes diagnostics follow (incremental sync)", async () => {
    const end = positionOf(ferry.text, "within five years.", "within five years".length);
    await session.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: ferry.uri, version: 2 },
      contentChanges: [{ range: { start: end, end }, text: ", the port authority said" }],
    });
    await session.waitFor("the prediction's diagnostic to go", () =>
      session.codes(ferry.uri).filter((c) => c === "unattributed-claim").length === 1,
    );
    assert.deepEqual(session.codes(ferry.uri), ["unattributed-claim", "vague-attribution"]);
  });

  test("settings from workspace/configuration (the extension's settings module) apply", async () => {
    session.settings = serverSettings(vscodeConfig({ rules: { "vague-attribution": "off", "unattributed-claim": "error" } }));
    await session.connection.sendNotification("workspace/didChangeConfiguration", { settings: { newsls: session.settings } });
    await session.waitFor("vague-attribution off, unattributed-claim as error", () => {
      const d = session.diagnostics.get(ferry.uri) ?? [];
      return d.length === 1 && d[0].code === "unattributed-claim" && d[0].severity === 1;
    });
    session.settings = serverSettings(vscodeConfig({}));
    await session.connection.sendNotification("workspace/didChangeConfiguration", { settings: { newsls: session.settings } });
    await session.waitFor("the defaults back", () => session.codes(ferry.uri).length === 2);
  });

  test("a file changed on disk is picked up through didChangeWatchedFiles (VS Code's watcher)", async () => {
    const file = path.join(root, "school-roof.txt");
    fs.appendFileSync(file, "\nPrices at the school canteen will double next year.\n");
    await session.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf(file), type: 2 }],
    });
    await session.waitFor("school-roof.txt's new claim", () => session.codes(uriOf(file)).includes("unattributed-claim"));
  });

  test("closing an article keeps its saved text's diagnostics", async () => {
    await session.connection.sendNotification("textDocument/didClose", { textDocument: { uri: ferry.uri } });
    // The file on disk still has the unattributed prediction that the edit had attributed.
    await session.waitFor("the saved text's diagnostics", () =>
      session.codes(ferry.uri).filter((c) => c === "unattributed-claim").length === 2,
    );
  });

  test("definition and references, across articles", async () => {
    const { uri, text } = await session.open(path.join(root, "ferry-terminal.txt"));
    // "Calder told reporters ..." at the end refers back to "Mayor Ines Calder" in the quotation's tag.
    const later = positionOf(text, "Calder told reporters", 2);
    const definition = await session.connection.sendRequest<Location | Location[] | LocationLink[] | null>(
      "textDocument/definition",
      { textDocument: { uri }, position: later },
    );
    const targets = (Array.isArray(definition) ? definition : definition ? [definition] : []).map((l) =>
      "targetUri" in l ? { uri: l.targetUri, range: l.targetSelectionRange } : l,
    );
    assert.ok(targets.length > 0, "a definition");
    assert.equal(targets[0].uri, uri);
    assert.equal(targets[0].range.start.line, positionOf(text, "Mayor Ines Calder").line, "the speaker's introduction");
    const references = await session.connection.sendRequest<Location[] | null>("textDocument/references", {
      textDocument: { uri },
      position: positionOf(text, "Ines Calder", 6),
      context: { includeDeclaration: true },
    });
    assert.ok(references && references.length >= 2, "Calder is mentioned twice in the article");
    assert.ok(
      references.some((r) => r.uri === uriOf(path.join(root, "school-roof.txt"))),
      "and once in school-roof.txt",
    );
  });

  test("code lens: the mention count, with the command the extension runs", async () => {
    const { uri } = await session.open(path.join(root, "ferry-terminal.txt"));
    const lenses = await session.connection.sendRequest<CodeLens[] | null>("textDocument/codeLens", { textDocument: { uri } });
    const calder = lenses?.find((l) => l.command?.title.includes("Ines Calder"));
    assert.ok(calder, JSON.stringify(lenses));
    assert.equal(calder.command!.title, "Ines Calder: mentioned in 2 articles");
    assert.equal(calder.command!.command, SHOW_REFERENCES);
    assert.equal(calder.command!.arguments![0], uri);
  });

  test("quick fix: attribute a claim, then select its [source] placeholder", async () => {
    const { uri, text } = await session.open(path.join(root, "ferry-terminal.txt"));
    const start = positionOf(text, "The project will double");
    const diagnostic = await session.waitFor("the claim's diagnostic", () =>
      session.diagnostics.get(uri)?.find((d) => d.code === "unattributed-claim" && d.range.start.line === start.line),
    );
    const actions = await session.connection.sendRequest<CodeAction[] | null>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const attribute = actions?.find((a) => a.title.startsWith("Attribute it"));
    assert.ok(attribute, JSON.stringify(actions));
    const edit = attribute.edit!.changes![uri][0];
    assert.equal(edit.newText, ", [source] said");
    assert.equal(attribute.command?.command, SELECT_PLACEHOLDER);
    const range = attribute.command!.arguments![1] as Range;
    assert.equal(range.end.character - range.start.character, "[source]".length);
  });

  test("semantic tokens of the legend, and the speaker's inlay hint", async () => {
    const { uri, text } = await session.open(path.join(root, "ferry-terminal.txt"));
    const tokens = await session.connection.sendRequest<SemanticTokens | null>("textDocument/semanticTokens/full", {
      textDocument: { uri },
    });
    assert.ok(tokens && tokens.data.length > 0 && tokens.data.length % 5 === 0);
    const lines = text.split("\n").length;
    const hints = await session.connection.sendRequest<InlayHint[] | null>("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
    });
    assert.equal(hints?.[0]?.label, "— Mayor Ines Calder");
  });
});

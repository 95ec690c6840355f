// The client-side commands that the server's code lenses and fixes carry.

import * as vscode from "vscode";
import {
  type LanguageClient,
  type Location,
  type Position,
  type Range,
  ReferencesRequest,
  type StaticFeature,
} from "vscode-languageclient/node";

import { SELECT_PLACEHOLDER, SHOW_REFERENCES } from "./commandNames";

/** Tells the server that this client runs SELECT_PLACEHOLDER (capability `experimental.selectPlaceholder`). */
export const selectPlaceholderFeature: StaticFeature = {
  fillClientCapabilities(capabilities) {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), selectPlaceholder: true };
  },
  initialize() {},
  getState: () => ({ kind: "static" }),
  clear() {},
};

export function registerCommands(getClient: () => LanguageClient | undefined): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_REFERENCES, async (uri: string, position: Position) => {
      const client = getClient();
      if (!client) return;
      const locations =
        (await client.sendRequest(ReferencesRequest.type, {
          textDocument: { uri },
          position,
          context: { includeDeclaration: true },
        })) ?? [];
      const p2c = client.protocol2CodeConverter;
      await vscode.commands.executeCommand(
        "editor.action.showReferences",
        p2c.asUri(uri),
        p2c.asPosition(position),
        locations.map((l: Location) => p2c.asLocation(l)),
      );
    }),
    vscode.commands.registerCommand(SELECT_PLACEHOLDER, async (uri: string, range: Range) => {
      const client = getClient();
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      if (!client || !editor) return;
      const target = client.protocol2CodeConverter.asRange(range);
      const placeholder = editor.document.getText(target).replace(/[$}\\]/g, "\\$&");
      await editor.insertSnippet(new vscode.SnippetString(`\${1:${placeholder}}`), target);
    }),
  ];
}

// The newsls extension: starts `newsls server` for plain-text articles and talks LSP to it.

import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import { registerCommands, selectPlaceholderFeature } from "./commands";
import { isError, resolveServer } from "./serverPath";
import { documentSelector, RESTART_SETTINGS, serverSettings } from "./settings";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let starting: Promise<void> = Promise.resolve();

function firstWorkspaceFolder(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === "file");
  return folder?.uri.fsPath;
}

/** Some unzip paths lose the executable bit of the bundled server: put it back. */
function makeBundledExecutable(context: vscode.ExtensionContext): void {
  if (process.platform === "win32") return;
  const bundled = path.join(context.extensionPath, "server", "newsls");
  try {
    const mode = fs.statSync(bundled).mode;
    if ((mode & 0o111) === 0) fs.chmodSync(bundled, mode | 0o755);
  } catch {
    // No bundled server in this build.
  }
}

function createClient(context: vscode.ExtensionContext): LanguageClient | undefined {
  makeBundledExecutable(context);
  const config = vscode.workspace.getConfiguration("newsls");
  const resolved = resolveServer({
    configured: config.get<string | null>("server.path"),
    extensionPath: context.extensionPath,
    workspaceFolder: firstWorkspaceFolder(),
  });
  if (isError(resolved)) {
    output.error(resolved.error);
    void vscode.window.showErrorMessage(resolved.error, "Open Settings", "Show Log").then((choice) => {
      if (choice === "Open Settings") void vscode.commands.executeCommand("workbench.action.openSettings", "newsls.server.path");
      if (choice === "Show Log") output.show();
    });
    return undefined;
  }
  output.info(`Starting ${resolved.command} server (from ${resolved.source})`);

  const args = ["server", ...(config.get<string[]>("server.extraArgs") ?? [])];
  const serverOptions: ServerOptions = {
    run: { command: resolved.command, args, transport: TransportKind.stdio },
    debug: { command: resolved.command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(config.get<string[]>("files.patterns")),
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: { configurationSection: "newsls" },
    middleware: {
      workspace: {
        // The server asks for section `newsls`; answer with what the user set, in the server's shape.
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return params.items.map((item, i) => {
            if (item.section !== "newsls") return answer[i];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return serverSettings(vscode.workspace.getConfiguration("newsls", scope));
          });
        },
      },
    },
  };
  const languageClient = new LanguageClient("newsls", "newsls", serverOptions, clientOptions);
  languageClient.registerFeature(selectPlaceholderFeature);
  return languageClient;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  if (!client) return;
  try {
    await client.start();
  } catch (err) {
    output.error(`The newsls server failed to start: ${err instanceof Error ? err.message : String(err)}`);
    void vscode.window.showErrorMessage("The newsls server failed to start; see its log.", "Show Log").then((choice) => {
      if (choice) output.show();
    });
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop(5000);
    } catch (err) {
      output.warn(`Stopping the newsls server: ${err instanceof Error ? err.message : String(err)}`);
    }
    await old.dispose().catch(() => undefined);
  }
}

/** Stops and starts the server again, reading the server path and file patterns anew. */
function restart(context: vscode.ExtensionContext): Promise<void> {
  starting = starting.then(async () => {
    await stop();
    await start(context);
  });
  return starting;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("newsls", { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("newsls.restartServer", () => restart(context)),
    vscode.commands.registerCommand("newsls.showLog", () => output.show(true)),
    ...registerCommands(() => client),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((section) => event.affectsConfiguration(section))) {
        output.info("Server settings changed: restarting the server");
        void restart(context);
      }
    }),
  );
  await restart(context);
}

export async function deactivate(): Promise<void> {
  await starting.catch(() => undefined);
  await stop();
}

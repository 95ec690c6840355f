// Where the newsls binary is: the `newsls.server.path` setting, else the binary bundled in the
// extension (`server/newsls`), else `newsls` on PATH. Pure logic, no `vscode` import, so that
// it is unit-tested under plain Node (test/serverPath.test.ts).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type ServerSource = "setting" | "bundled" | "path";

export interface ResolvedServer {
  command: string;
  source: ServerSource;
}

export interface ResolveError {
  error: string;
}

export interface ResolveInput {
  /** Value of `newsls.server.path` (null, undefined or blank when unset). */
  configured?: string | null;
  /** The extension's install folder (`context.extensionPath`). */
  extensionPath: string;
  /** First workspace folder, for a relative or `${workspaceFolder}` setting. */
  workspaceFolder?: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  homedir?: string;
  /** True when `p` is an existing file we may run; replaced in tests. */
  isExecutable?: (p: string) => boolean;
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "newsls.exe" : "newsls";
}

export function defaultIsExecutable(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    if (process.platform !== "win32") fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~` and `${workspaceFolder}`; resolves a relative path against the workspace folder. */
export function expandConfigured(
  configured: string,
  workspaceFolder: string | undefined,
  homedir: string,
  pathApi: typeof path.posix = path,
): string {
  let p = configured.trim();
  if (p === "~") p = homedir;
  else if (p.startsWith("~/") || p.startsWith("~\\")) p = pathApi.join(homedir, p.slice(2));
  if (workspaceFolder !== undefined) p = p.split("${workspaceFolder}").join(workspaceFolder);
  // A bare command name ("newsls", "newsls-dev") is looked up on PATH, like a shell would.
  const bare = !p.includes("/") && !p.includes("\\");
  if (!bare && !pathApi.isAbsolute(p) && workspaceFolder !== undefined) p = pathApi.join(workspaceFolder, p);
  return p;
}

/** The first `name` on PATH (with PATHEXT on Windows), or undefined. */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  isExecutable: (p: string) => boolean,
): string | undefined {
  const pathApi = platform === "win32" ? path.win32 : path.posix;
  const pathVar = env.PATH ?? env.Path ?? "";
  const exts =
    platform === "win32" && !/\.[^\\/]+$/.test(name)
      ? (env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").split(";").filter(Boolean)
      : [""];
  for (const dir of pathVar.split(pathApi.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = pathApi.join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export function resolveServer(input: ResolveInput): ResolvedServer | ResolveError {
  const platform = input.platform ?? process.platform;
  const env = input.env ?? process.env;
  const isExecutable = input.isExecutable ?? defaultIsExecutable;
  const pathApi = platform === "win32" ? path.win32 : path.posix;
  const homedir = input.homedir ?? os.homedir();

  const configured = input.configured?.trim();
  if (configured) {
    const expanded = expandConfigured(configured, input.workspaceFolder, homedir, pathApi);
    if (!expanded.includes("/") && !expanded.includes("\\")) {
      const found = findOnPath(expanded, env, platform, isExecutable);
      if (found) return { command: found, source: "setting" };
      return { error: `newsls.server.path is "${configured}", which is not on PATH.` };
    }
    if (isExecutable(expanded)) return { command: expanded, source: "setting" };
    // A wrong explicit setting is an error, never a silent fallback to another binary.
    return { error: `newsls.server.path is "${configured}", but ${expanded} is not an executable file.` };
  }

  const bundled = pathApi.join(input.extensionPath, "server", binaryName(platform));
  if (isExecutable(bundled)) return { command: bundled, source: "bundled" };

  const onPath = findOnPath("newsls", env, platform, isExecutable);
  if (onPath) return { command: onPath, source: "path" };

  return {
    error:
      "The newsls server was not found: set newsls.server.path, or install it with `cargo install --path .` " +
      "in the newsls repository so that `newsls` is on PATH.",
  };
}

export function isError(r: ResolvedServer | ResolveError): r is ResolveError {
  return (r as ResolveError).error !== undefined;
}

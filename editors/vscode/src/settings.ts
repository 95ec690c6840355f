// The `newsls` settings section as the server reads it (workspace/configuration, section
// `newsls`): only what the user set, so that `newsls.toml` still applies to everything else.
// Pure logic, no `vscode` import (unit-tested in test/settings.test.ts).

export const RULES = [
  "unattributed-claim",
  "unattributed-quote",
  "unbalanced-quote",
  "vague-attribution",
  "undefined-acronym",
] as const;
export const LEVELS = ["off", "hint", "information", "warning", "error"] as const;
export type Level = (typeof LEVELS)[number];
export const LANGUAGES = ["auto", "en", "es", "pt"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ServerSettings {
  rules: Record<string, Level>;
  diagnostics: { closedFiles: boolean };
  include?: string[];
  exclude?: string[];
  maxFileSize?: number;
  glossaryFile?: string;
  baseline?: string;
  language?: Language;
}

/** A `vscode.WorkspaceConfiguration` for section `newsls`, or anything with `get`. */
export interface ConfigurationLike {
  get<T>(key: string): T | undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === "string");
}

export function serverSettings(config: ConfigurationLike): ServerSettings {
  const rules: Record<string, Level> = {};
  const configuredRules = config.get<Record<string, unknown>>("rules") ?? {};
  for (const [rule, level] of Object.entries(configuredRules)) {
    // "default" (and anything unknown) leaves the rule to newsls.toml and the rule's default.
    if (typeof level === "string" && (LEVELS as readonly string[]).includes(level)) rules[rule] = level as Level;
  }
  const settings: ServerSettings = {
    rules,
    diagnostics: { closedFiles: config.get<boolean>("diagnostics.closedFiles") ?? true },
  };
  const include = stringList(config.get("include"));
  if (include) settings.include = include;
  const exclude = stringList(config.get("exclude"));
  if (exclude) settings.exclude = exclude;
  const maxFileSize = config.get<unknown>("maxFileSize");
  if (typeof maxFileSize === "number" && Number.isFinite(maxFileSize) && maxFileSize >= 0) {
    settings.maxFileSize = Math.floor(maxFileSize);
  }
  const language = config.get<unknown>("language");
  if (typeof language === "string" && (LANGUAGES as readonly string[]).includes(language)) {
    settings.language = language as Language;
  }
  for (const key of ["glossaryFile", "baseline"] as const) {
    const value = config.get<unknown>(key);
    if (typeof value === "string" && value.trim()) settings[key] = value.trim();
  }
  return settings;
}

/** Settings whose change needs a new server process (command line, document selector). */
export const RESTART_SETTINGS = ["newsls.server", "newsls.files.patterns"];

/** The document selector: plain-text documents and the configured patterns, on disk. */
export function documentSelector(patterns: readonly string[] | undefined): { scheme: string; language?: string; pattern?: string }[] {
  const selector: { scheme: string; language?: string; pattern?: string }[] = [{ scheme: "file", language: "plaintext" }];
  for (const pattern of patterns ?? ["**/*.txt"]) {
    if (typeof pattern === "string" && pattern.trim()) selector.push({ scheme: "file", pattern: pattern.trim() });
  }
  return selector;
}

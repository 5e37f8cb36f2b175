#!/usr/bin/env node
// The `socklab` command: starts the built CLI (out/main/socklab.js), or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/main/socklab.js', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  process.stderr.write(`socklab: ${built} is missing; run \`npm run build\` in the SockLab folder first\n`);
  process.exit(1);
}

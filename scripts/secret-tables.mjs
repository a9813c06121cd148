#!/usr/bin/env node
// Computes the trigger search's vector pre-filter tables for the built-in secret patterns
// once at build time into dist/secret-tables.json (src/secrets/prebuilt-tables.ts), so a
// process start does not make them in cold JS. Keyed by the SHA-256 of the inputs they
// are made from: a start with other inputs computes its own.
//
//   node scripts/secret-tables.mjs        (after tsc; part of `npm run build`)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'dist');
const load = (m) => import(pathToFileURL(path.join(dist, 'secrets', m)).href);
const { PatternScanner } = await load('detect.js');
const { teddyMasks } = await load('native-scan.js');
const { prefixTables } = await load('native-prefix.js');
const { tablesKey, tablesFileText, TABLES_FILE } = await load('prebuilt-tables.js');

// The scanner every start builds (detectSecrets' shared one: the built-in patterns).
const { t } = new PatternScanner(undefined, null);
const all = new Map([
  [
    tablesKey(t.pairIndex, t.third, t.pairLists),
    { teddy: teddyMasks(t.pairIndex, t.third), prefix: prefixTables(t.pairLists) },
  ],
]);
writeFileSync(TABLES_FILE, tablesFileText(all));
console.log(
  `agentfw: wrote the secret scanner's pre-filter tables ${path.relative(process.cwd(), TABLES_FILE)}`,
);

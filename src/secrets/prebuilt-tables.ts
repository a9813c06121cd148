/**
 * The vector pre-filter tables of the trigger search (teddyMasks in native-scan.ts,
 * prefixTables in native-prefix.ts) for the built-in patterns, computed once by the build
 * (scripts/secret-tables.mjs writes dist/secret-tables.json): made at every process start
 * they cost ≈ 20 ms of not yet optimised JS before the first scan.
 *
 * An entry is used only for the exact inputs it was made from (the SHA-256 of the pair
 * index, the third-byte table and the literals); other inputs, a missing, unreadable or
 * malformed file: the caller computes the tables (same result, only slower). The file is as
 * trusted as the rest of dist/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PairEntry } from './families.js';

/** The pre-filter tables of one set of inputs. */
export interface FilterTables {
  teddy: Uint8Array;
  prefix: Uint8Array;
}

/** The build's file: dist/ is the parent of this module's folder (dist/secrets/ or the bundle's dist/bundle/). */
export const TABLES_FILE = path.join(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  'secret-tables.json',
);

/** What the tables are made from, as one hash (hex). */
export function tablesKey(pairIndex: Uint16Array, third: Uint8Array, pairLists: PairEntry[][]): string {
  return createHash('sha256')
    .update(new Uint8Array(pairIndex.buffer, pairIndex.byteOffset, pairIndex.byteLength))
    .update(new Uint8Array(third.buffer, third.byteOffset, third.byteLength))
    .update(JSON.stringify(pairLists.map((l) => l.map((e) => e.lits))))
    .digest('hex');
}

let entries: Map<string, FilterTables> | undefined;

/** The build's tables for `key`; undefined when it has none for it. */
export function prebuiltTables(key: string, file = TABLES_FILE): FilterTables | undefined {
  if (!entries || file !== TABLES_FILE) {
    const read = new Map<string, FilterTables>();
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<
        string,
        { teddy?: unknown; prefix?: unknown }
      >;
      for (const [k, v] of Object.entries(data))
        if (typeof v?.teddy === 'string' && typeof v.prefix === 'string')
          read.set(k, {
            teddy: new Uint8Array(Buffer.from(v.teddy, 'base64')),
            prefix: new Uint8Array(Buffer.from(v.prefix, 'base64')),
          });
    } catch {
      // no file (a build before this one, or tsc alone): the tables are computed
    }
    if (file !== TABLES_FILE) return read.get(key);
    entries = read;
  }
  return entries.get(key);
}

/** The file's text for these entries (the build's writer). */
export function tablesFileText(all: Map<string, FilterTables>): string {
  const out: Record<string, { teddy: string; prefix: string }> = {};
  for (const [k, t] of all)
    out[k] = {
      teddy: Buffer.from(t.teddy).toString('base64'),
      prefix: Buffer.from(t.prefix).toString('base64'),
    };
  return JSON.stringify(out) + '\n';
}

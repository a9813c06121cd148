/**
 * Remembers that a set of rulesets passed its own examples with this exact engine, so
 * later starts skip re-running them (they cost seconds; a check should cost milliseconds).
 *
 * The key is a SHA-256 over the engine's build identity (every compiled module of the
 * package, the grammar queries, the versions of the parsing libraries) and every loaded
 * ruleset's path and bytes, in load order. A changed ruleset, a rebuilt engine or an
 * upgraded parser gives a new key, and the examples run again.
 *
 * Entries live in `${XDG_CACHE_HOME:-~/.cache}/agentfw/`, one small JSON file per key.
 * Only "all examples passed" is ever recorded: rules themselves always come from the
 * ruleset files, never from the cache.
 *
 * Fail closed: any doubt about an entry (missing, unreadable, corrupt, other key) means
 * "run the examples". A cache that cannot be written only costs time.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.js';
import type { CompiledRuleset } from '../rules/load.js';

/** Format version of a cache entry; bump when its meaning changes. */
const ENTRY_VERSION = 1;
/** Entries kept in the cache folder; older ones are removed when a new one is written. */
const MAX_ENTRIES = 32;
/** Libraries whose version changes what the pipeline sees. */
const PIPELINE_DEPS = [
  'tree-sitter',
  'tree-sitter-bash',
  'graphql',
  'node-sql-parser',
  'shell-quote',
  'yaml',
  'zod',
];

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** True when this runs from the bundle (dist/bundle/, scripts/bundle.mjs), which holds all of the pipeline's own code. */
const BUNDLED = path.basename(HERE) === 'bundle';
/**
 * The package's compiled code folder: dist/bundle/ when this runs from the bundle (its
 * files are the code that runs), else dist/ when built, src/ under the test runner.
 */
const CODE_ROOT = BUNDLED ? HERE : path.resolve(HERE, '..');

/**
 * Default cache folder: `$XDG_CACHE_HOME/agentfw`, or `~/.cache/agentfw` when that is
 * unset or not absolute (as the XDG spec says). Empty string = no home to cache in.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'agentfw');
  let home: string;
  try {
    home = homedir();
  } catch {
    return '';
  }
  return home ? path.join(home, '.cache', 'agentfw') : '';
}

let buildIdentity: string | undefined;

/**
 * Hash of everything the pipeline's behaviour depends on besides the rulesets: every
 * compiled module file (.js, or .ts under the test runner), the grammar queries and the
 * parsing libraries' versions. Computed once per process.
 *
 * Hashing every file's bytes costs tens of ms at each start, so with a cache folder the
 * result is remembered against the files' status (path, size, inode, mtime and ctime,
 * which no write leaves unchanged); a different status, or any doubt about the record,
 * means hashing the bytes again.
 */
export function engineBuildIdentity(cacheDir = ''): string {
  if (buildIdentity !== undefined) return buildIdentity;
  const files: string[] = [];
  collect(CODE_ROOT, files);
  collect(path.join(PACKAGE_ROOT, 'grammars'), files);
  files.sort();
  const status = cacheDir ? fileStatus(files) : '';
  const record = status ? path.join(cacheDir, `identity-${status.slice(0, 32)}.json`) : '';
  if (record) {
    try {
      const r = JSON.parse(readFileSync(record, 'utf8')) as { status?: unknown; identity?: unknown };
      // fail closed: only an exact record for this very status is used; anything else rehashes
      if (r.status === status && typeof r.identity === 'string' && /^[0-9a-f]{64}$/.test(r.identity))
        return (buildIdentity = r.identity);
    } catch {
      /* no record yet */
    }
  }
  buildIdentity = hashFiles(files);
  if (record && writeRecord(cacheDir, record, JSON.stringify({ status, identity: buildIdentity }) + '\n')) {
    try {
      prune(cacheDir, record, 'identity');
    } catch {
      /* pruning is best effort */
    }
  }
  return buildIdentity;
}

/** SHA-256 over every file's path and status, plus the Node version and the dependencies' package.json status; '' when a file cannot be read. */
function fileStatus(files: string[]): string {
  const h = createHash('sha256');
  try {
    const deps = PIPELINE_DEPS.map((d) => path.join(PACKAGE_ROOT, 'node_modules', d, 'package.json'));
    for (const f of [...files, ...deps]) {
      let st;
      try {
        st = statSync(f, { bigint: true });
      } catch {
        h.update(`missing\0${f}\0`);
        continue;
      }
      h.update(`${f}\0${st.size}\0${st.ino}\0${st.mtimeNs}\0${st.ctimeNs}\0`);
    }
  } catch {
    return '';
  }
  h.update(`node\0${process.versions.node}\0`);
  return h.digest('hex');
}

function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`file\0${path.relative(PACKAGE_ROOT, f)}\0`);
    h.update(readFileSync(f));
  }
  for (const dep of PIPELINE_DEPS) {
    let version = 'missing';
    try {
      const pj = JSON.parse(
        readFileSync(path.join(PACKAGE_ROOT, 'node_modules', dep, 'package.json'), 'utf8'),
      ) as { version?: string };
      version = String(pj.version);
    } catch {
      /* a dependency resolved elsewhere: its absence is part of the identity */
    }
    h.update(`dep\0${dep}\0${version}\0`);
  }
  h.update(`node\0${process.versions.node}\0`);
  return h.digest('hex');
}

/** Writes a cache file atomically (0600). Never throws: a cache that cannot be written only costs time. */
function writeRecord(dir: string, file: string, text: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, file);
    return true;
  } catch {
    return false; // read-only or full disk
  }
}

function collect(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) collect(p, out);
    else if (/\.(?:js|mjs|cjs|ts|scm)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
}

/** The cache key for these rulesets with this engine. */
export function examplesKey(rulesets: CompiledRuleset[], cacheDir = ''): string {
  const h = createHash('sha256');
  h.update(`agentfw-examples\0${ENTRY_VERSION}\0${engineBuildIdentity(cacheDir)}\0`);
  for (const rs of rulesets) h.update(`ruleset\0${rs.file}\0${rs.digest}\0`);
  return h.digest('hex');
}

function entryPath(dir: string, key: string): string {
  return path.join(dir, `examples-${key.slice(0, 32)}.json`);
}

interface Entry {
  version: number;
  key: string;
  /** True only when every example of every rule passed. */
  passed: boolean;
  /** Number of examples run (for humans reading the folder). */
  examples: number;
}

/** True when an entry records that these exact rulesets passed with this engine. */
export function examplesPassed(dir: string, key: string): boolean {
  if (!dir) return false;
  try {
    const e = JSON.parse(readFileSync(entryPath(dir, key), 'utf8')) as Partial<Entry>;
    // fail closed: anything but an exact, well-formed "passed" record means run the examples.
    return e !== null && e.version === ENTRY_VERSION && e.key === key && e.passed === true;
  } catch {
    return false;
  }
}

/** Records a pass. Never throws: a cache that cannot be written only costs time. */
export function recordExamplesPassed(dir: string, key: string, examples: number): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = entryPath(dir, key);
    const tmp = `${file}.${process.pid}.tmp`;
    const entry: Entry = { version: ENTRY_VERSION, key, passed: true, examples };
    writeFileSync(tmp, JSON.stringify(entry) + '\n', { mode: 0o600 });
    renameSync(tmp, file);
    prune(dir, file);
  } catch {
    /* read-only or full disk: the next start runs the examples again */
  }
}

/** Keeps the newest MAX_ENTRIES entries of one kind (`examples` or `identity`). */
function prune(dir: string, keep: string, kind = 'examples'): void {
  const entries = readdirSync(dir)
    .filter((f) => new RegExp(`^${kind}-[0-9a-f]+\\.json$`).test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => f !== keep);
  if (entries.length < MAX_ENTRIES) return;
  const aged = entries
    .map((f) => {
      try {
        return { f, t: statSync(f).mtimeMs };
      } catch {
        return { f, t: 0 };
      }
    })
    .sort((a, b) => b.t - a.t);
  for (const { f } of aged.slice(MAX_ENTRIES - 1)) {
    try {
      unlinkSync(f);
    } catch {
      /* removed concurrently */
    }
  }
}

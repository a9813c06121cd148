/**
 * Workspace scan at session start: secrets found in workspace files join the known set.
 * Scans `.env*`, JSON/YAML/TOML/INI configs, `.npmrc`, `.pypirc`, key files, shell
 * scripts and source files up to a size cap. Skips binary files, symlinks, node_modules
 * and VCS folders. Honours .gitignore for source files, but still scans gitignored env
 * and config files: that is where secrets live.
 */
import { isAscii } from 'node:buffer';
import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { detectSecrets } from './detect.js';

/** Progress of a running scan. */
export interface ScanProgress {
  files: number;
  bytes: number;
  elapsedMs: number;
  /** True on the last call. */
  done: boolean;
}

export interface ScanOptions {
  /** Files larger than this are skipped. Default 1 MiB. */
  maxFileBytes?: number;
  /** Stop after this many files read (the rest is reported as skipped). Default 20,000. */
  maxFiles?: number;
  /** Also run the recommended secretlint preset on credential files (`.env*`, `.npmrc`, key files…). Default true. */
  secretlint?: boolean;
  /** Called every ~250 ms once the scan has taken longer than `progressAfterMs`, and once at the end if it was called before. */
  onProgress?: (p: ScanProgress) => void;
  /** Delay before progress is reported. Default 1000 ms. */
  progressAfterMs?: number;
  /** Files earlier scans read and found nothing in; absent = every file is read. */
  memory?: ScanMemory;
}

/** A file's status: no write to the file leaves all four unchanged (ctime cannot be set). */
export interface FileStatus {
  size: bigint;
  ino: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** Where one secret sits in a file's text (UTF-16 offsets into the file's bytes read as UTF-8). */
export interface SecretSpan {
  start: number;
  end: number;
  /** NAME for the placeholder (key name or format id). */
  name: string;
}

/**
 * What earlier scans found, kept between sessions by the supervisor
 * (src/supervisor/scan-memory.ts): files that held nothing, by file status, and where the
 * secrets of the others were, by a keyed hash of their exact bytes. A file with a secret
 * is read at every scan (its values are taken from the bytes read now); values are never
 * stored.
 */
export interface ScanMemory {
  /** True when `rel` (relative to the workspace) with status `st` was read before and held nothing. */
  clean(rel: string, st: FileStatus): boolean;
  /** `rel` with status `st` was read now and held nothing. */
  remember(rel: string, st: FileStatus): void;
  /**
   * Where the secrets of `rel` are, when an earlier scan read exactly these bytes; undefined
   * = not known (scan them).
   */
  found(rel: string, data: Buffer): SecretSpan[] | undefined;
  /** `rel` was read now (`data`) and held the secrets at `spans` (none empty). */
  rememberFound(rel: string, data: Buffer, spans: SecretSpan[]): void;
  /** The scan is over: keeps what was remembered (files not seen this time are dropped). */
  save(): void;
}

/** A secret value found in a file. */
export interface FoundSecret {
  /** Path relative to the workspace. */
  file: string;
  /** NAME for the placeholder (key name or format id). */
  name: string;
  value: string;
}

export interface WorkspaceScan {
  secrets: FoundSecret[];
  /** Files scanned: read now, or known from an earlier scan to hold nothing and unchanged since (ScanMemory). */
  files: number;
  /** Their bytes (the same files). */
  bytes: number;
  /** Files not read: too large, binary, over maxFiles, unreadable. */
  skipped: number;
  elapsedMs: number;
}

/** Files whose status is taken before the scan lets other work of this process run. */
const STAT_TURN = 512;

const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.cache',
  '.next',
  '.nuxt',
  '.turbo',
  '.gradle',
  '.idea',
]);

/** Env, config and key files: scanned even when gitignored. */
const CONFIG_FILE =
  /(?:^\.env(?:\..*)?$|\.env$|^\.npmrc$|^\.pypirc$|^\.netrc$|^\.git-credentials$|^\.dockercfg$|^credentials$|^\.?secrets?\b|\.(?:json|ya?ml|toml|ini|cfg|conf|properties|tfvars|pem|key|p8|pfx|jks|plist|xml)$|^id_(?:rsa|ed25519|ecdsa|dsa)$)/i;

/** Credential files: small and dense with secrets; the secretlint preset (≈50 ms a file) runs only on these. */
const CREDENTIAL_FILE =
  /(?:^\.env(?:\..*)?$|\.env$|^\.npmrc$|^\.pypirc$|^\.netrc$|^\.git-credentials$|^\.dockercfg$|^credentials$|^\.?secrets?\b|\.(?:pem|key|tfvars)$|^id_(?:rsa|ed25519|ecdsa|dsa)$)/i;

/** Source and scripts: scanned unless gitignored. Other extensions are skipped. */
const SOURCE_FILE =
  /\.(?:sh|bash|zsh|fish|ps1|bat|cmd|js|mjs|cjs|ts|mts|cts|jsx|tsx|py|rb|go|rs|java|kt|kts|scala|php|cs|c|h|cc|cpp|hpp|swift|m|pl|lua|r|sql|graphql|gql|http|md|txt|html|vue|svelte|tf|hcl|dockerfile|mk|gradle)$|^(?:Dockerfile|Makefile|Procfile|Jenkinsfile|Vagrantfile|Gemfile)$/i;

interface Dir {
  abs: string;
  /** .gitignore matchers of this directory and its ancestors, with the directory each is relative to. */
  rules: Array<{ base: string; ig: Ignore }>;
  /** Inside a gitignored directory: only config files count. */
  ignored: boolean;
}

function isIgnored(rules: Dir['rules'], abs: string, isDir: boolean): boolean {
  for (const { base, ig } of rules) {
    const rel = path.relative(base, abs).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && ig.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

/** Scan `root`; values found are returned with the file they came from (never printed here). */
export async function scanWorkspace(root: string, opts: ScanOptions = {}): Promise<WorkspaceScan> {
  const maxBytes = opts.maxFileBytes ?? 1024 * 1024;
  const maxFiles = opts.maxFiles ?? 20_000;
  const t0 = Date.now();
  const result: WorkspaceScan = { secrets: [], files: 0, bytes: 0, skipped: 0, elapsedMs: 0 };
  let lastReport = 0;
  let reported = false;
  const progress = (done: boolean): void => {
    const now = Date.now();
    const after = opts.progressAfterMs ?? 1000;
    if (!opts.onProgress || (!done && (now - t0 < after || now - lastReport < 250)) || (done && !reported))
      return;
    lastReport = now;
    reported = true;
    opts.onProgress({ files: result.files, bytes: result.bytes, elapsedMs: now - t0, done });
  };

  const files: Array<{ abs: string; credential: boolean }> = [];
  const queue: Dir[] = [{ abs: path.resolve(root), rules: [], ignored: false }];
  while (queue.length > 0) {
    const dir = queue.pop()!;
    let entries;
    try {
      entries = await readdir(dir.abs, { withFileTypes: true });
    } catch {
      continue; // unreadable directory: nothing to learn from it
    }
    let rules = dir.rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        const ig = ignore().add(await readFile(path.join(dir.abs, '.gitignore'), 'utf8'));
        rules = [...rules, { base: dir.abs, ig }];
      } catch {
        // unreadable .gitignore: scan as if absent (scans more, never less)
      }
    }
    for (const e of entries) {
      const abs = path.join(dir.abs, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name)) continue;
        queue.push({ abs, rules, ignored: dir.ignored || isIgnored(rules, abs, true) });
      } else if (e.isFile()) {
        const config = CONFIG_FILE.test(e.name);
        if (!config && (!SOURCE_FILE.test(e.name) || dir.ignored || isIgnored(rules, abs, false))) continue;
        files.push({ abs, credential: CREDENTIAL_FILE.test(e.name) });
      }
    }
    progress(false);
  }

  const rootAbs = path.resolve(root);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const f = files[next++];
      if (result.files >= maxFiles) {
        result.skipped++;
        continue;
      }
      // A file's status is taken synchronously (a few µs; through the thread pool each cost
      // ≈ 25 µs of this thread): most files are known clean and need nothing else. Other
      // work gets a turn every STAT_TURN files.
      if (next % STAT_TURN === 0) await new Promise((r) => setImmediate(r));
      try {
        const st = statSync(f.abs, { bigint: true });
        if (st.size > BigInt(maxBytes)) {
          result.skipped++;
          continue;
        }
        const rel = path.relative(rootAbs, f.abs);
        if (opts.memory?.clean(rel, st)) {
          result.files++;
          result.bytes += Number(st.size);
          progress(false);
          continue;
        }
        const data = await readFile(f.abs);
        if (data.length > maxBytes || data.subarray(0, 8000).includes(0)) {
          result.skipped++;
          continue;
        }
        result.files++;
        result.bytes += data.length;
        // The same bytes as an earlier scan: the values are where they were then. In an
        // ASCII file the text's offsets are its bytes': no text is made of the whole file.
        const known = opts.memory?.found(rel, data);
        if (known && isAscii(data)) {
          for (const sp of known)
            result.secrets.push({
              file: rel,
              name: sp.name,
              value: data.toString('latin1', sp.start, sp.end),
            });
          continue;
        }
        const text = data.toString('utf8');
        const add = (sp: SecretSpan) =>
          result.secrets.push({ file: rel, name: sp.name, value: text.slice(sp.start, sp.end) });
        if (known) {
          known.forEach(add);
          continue;
        }
        const spans: SecretSpan[] = detectSecrets(text).map((h) => ({
          start: h.start,
          end: h.end,
          name: h.name,
        }));
        // false when a finding cannot be placed in the text, or a credential file was not
        // linted (a later scan with the linter on must lint it): then nothing is remembered
        let placed = !(f.credential && opts.secretlint === false);
        if (f.credential && opts.secretlint !== false) {
          // loaded on first use: the preset is large and most callers never scan
          const { secretlintFindings } = await import('./secretlint.js');
          for (const l of await secretlintFindings(text, f.abs)) {
            const at = l.value ? text.indexOf(l.value) : -1;
            if (at < 0) {
              placed = false;
              result.secrets.push({ file: rel, name: l.name, value: l.value });
            } else spans.push({ start: at, end: at + l.value.length, name: l.name });
          }
        }
        spans.forEach(add);
        if (spans.length === 0 && placed) opts.memory?.remember(rel, st);
        else if (placed) opts.memory?.rememberFound(rel, data, spans);
      } catch (err) {
        if (!(err as NodeJS.ErrnoException).code) throw err; // a bug, not a file problem
        result.skipped++; // vanished or unreadable while scanning
      }
      progress(false);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  opts.memory?.save();
  result.elapsedMs = Date.now() - t0;
  progress(true);
  return result;
}

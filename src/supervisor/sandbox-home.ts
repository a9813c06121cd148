/**
 * Credential stores in HOME, for the sandbox: each one that exists is replaced inside the
 * sandbox by a read-only masked copy, so a process there (the agent's own file reads, a
 * script run by absolute path, `base64 ~/.netrc`) never reads the real value.
 *
 * - CONFIG_STORES keep their structure (host names, user names, regions): every known and
 *   detected secret is replaced by its placeholder. If masking finds nothing to replace in
 *   a non-empty store, the whole file is replaced (fail closed: a credential format the
 *   detector does not know is still a credential).
 * - Private keys are replaced whole: there is nothing in them a tool could use without the key.
 * - KEY_DIRS are covered with an empty read-only directory.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import type { SecretSet } from '../secrets/types.js';

/** Files (relative to HOME) that hold tokens or passwords next to configuration. */
export const CONFIG_STORES = [
  '.aws/credentials',
  '.config/gh/hosts.yml',
  '.config/railway/config.json',
  '.railway/config.json',
  '.netrc',
  '.git-credentials',
  '.config/git/credentials',
  '.docker/config.json',
  '.kube/config',
  '.npmrc',
  '.pypirc',
  '.pgpass',
  '.my.cnf',
  '.vault-token',
  '.config/gcloud/application_default_credentials.json',
  '.config/gcloud/credentials.db',
  '.config/gcloud/access_tokens.db',
  '.azure/accessTokens.json',
  '.azure/msal_token_cache.json',
  '.terraform.d/credentials.tfrc.json',
  '.config/hub',
  '.config/doctl/config.yaml',
  '.fly/config.yml',
  '.cargo/credentials.toml',
  '.cargo/credentials',
  '.gem/credentials',
];

/** Directories (relative to HOME) whose files are private keys: hidden whole. */
export const KEY_DIRS = [
  '.gnupg/private-keys-v1.d',
  // The audit key (src/audit/key.ts AUDIT_KEY_DIR): the agent must not sign audit records.
  '.local/share/agentfw/keys',
];

/** ssh private keys: files in ~/.ssh that are not public keys, known_hosts or config. */
export function sshPrivateKeys(home: string): string[] {
  const dir = path.join(home, '.ssh');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const skip = /^(known_hosts(\.old)?|config|authorized_keys2?|.*\.pub|environment)$/;
  return names.filter((n) => !skip.test(n)).map((n) => path.join('.ssh', n));
}

function placeholder(rel: string): Buffer {
  const name = rel.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return Buffer.from(`agentfw:masked:${name} (credential store, hidden inside the agentfw sandbox)\n`);
}

/** The masked text of one store; the placeholder when masking changes nothing in a non-empty file. */
function maskedStore(secrets: SecretSet, rel: string, bytes: Buffer, whole: boolean): Buffer {
  if (whole || bytes.includes(0)) return placeholder(rel);
  const m = secrets.streamMasker();
  const out = Buffer.concat([m.push(bytes), m.flush()]);
  // fail closed: an unknown credential format is still a credential
  return out.equals(bytes) && bytes.toString('utf8').trim() ? placeholder(rel) : out;
}

/**
 * Writes the masked copies into `dir` (mode 0700) and returns the binds (`target` is the
 * real file: a store that is a symlink is masked at its target) and the key dirs to hide.
 * Throws E_SANDBOX_MASK when a store exists but cannot be read.
 */
export function homeCredentials(
  home: string,
  secrets: SecretSet,
  dir: string,
): { masked: { source: string; target: string }[]; hidden: string[] } {
  const masked: { source: string; target: string }[] = [];
  const seen = new Set<string>();
  const stores = [
    ...CONFIG_STORES.map((rel) => ({ rel, whole: false })),
    ...sshPrivateKeys(home).map((rel) => ({ rel, whole: true })),
  ];
  for (const { rel, whole } of stores) {
    let target = path.join(home, rel);
    let bytes: Buffer;
    try {
      if (lstatSync(target).isSymbolicLink()) target = realpathSync(target);
      if (seen.has(target) || !lstatSync(target).isFile()) continue;
      bytes = readFileSync(target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      // fail closed: a credential store we cannot copy would be seen unmasked in the sandbox
      throw new AgentfwError(
        'E_SANDBOX_MASK',
        `cannot make a masked copy of ~/${rel}: ${code ?? 'read error'}`,
        'make the file readable by the user running agentfw, or pass --no-sandbox',
      );
    }
    seen.add(target);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const source = path.join(dir, String(masked.length));
    writeFileSync(source, maskedStore(secrets, rel, bytes, whole), { mode: 0o444 });
    masked.push({ source, target });
  }
  const hidden = KEY_DIRS.map((d) => path.join(home, d)).filter((d) => {
    try {
      return lstatSync(d).isDirectory();
    } catch {
      return false;
    }
  });
  return { masked, hidden };
}

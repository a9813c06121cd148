/**
 * The per-user audit key: an HMAC-SHA256 key that signs every audit record (`mac`) and the
 * log head, so rewriting the log (or recomputing its hash chain) needs the key.
 *
 * File: `$AGENTFW_AUDIT_KEY_FILE`, else `~/.local/share/agentfw/keys/audit.key`: 32 random
 * bytes (hex), mode 0600 in a 0700 folder, created on first use. The folder is hidden from
 * the agent inside `agentfw run --sandbox` (src/supervisor/sandbox-home.ts KEY_DIRS), so
 * an agent that can write the log there still cannot sign a record.
 *
 * What it does NOT protect: without the sandbox the agent runs as the same uid and can read
 * the key like any other file of the user, so a keyed chain then only stops processes of
 * other users (and raises the bar: the key has to be looked for). A copy of the log
 * shipped off the machine (src/audit/export/) is the defence against the same uid.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AgentfwError } from '../errors.js';

/** The folder (relative to HOME) holding the default key; hidden in the sandbox. */
export const AUDIT_KEY_DIR = path.join('.local', 'share', 'agentfw', 'keys');

export function auditKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AGENTFW_AUDIT_KEY_FILE) return path.resolve(env.AGENTFW_AUDIT_KEY_FILE);
  return path.join(env.HOME || os.homedir(), AUDIT_KEY_DIR, 'audit.key');
}

/** A loaded key: its bytes and a short id (first 16 hex of its sha256-HMAC of "kid") stamped on records. */
export interface AuditKey {
  key: Buffer;
  /** Identifies the key without revealing it. */
  kid: string;
}

function fromHex(text: string, file: string): AuditKey {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new AgentfwError(
      'E_AUDIT_KEY',
      `the audit key ${file} is not 64 hex characters`,
      'restore the key from a backup; a new key (delete the file) cannot verify records signed with the old one',
    );
  const key = Buffer.from(hex, 'hex');
  return { key, kid: hmac(key, 'agentfw audit key id').slice(0, 16) };
}

/**
 * Reads the key, or creates it when missing (create = true). Throws E_AUDIT_KEY when it is
 * unreadable, malformed or readable by others (fail closed: a shared key signs nothing).
 * Returns undefined only when it is missing and create is false.
 */
export function loadAuditKey(env: NodeJS.ProcessEnv = process.env, create = true): AuditKey | undefined {
  const file = auditKeyPath(env);
  try {
    const st = statSync(file);
    if ((st.mode & 0o077) !== 0 || (process.getuid && st.uid !== process.getuid()))
      throw new AgentfwError(
        'E_AUDIT_KEY',
        `the audit key ${file} is readable by other users or not yours`,
        `run \`chmod 600 ${file}\` (and check who else could have read it)`,
      );
    return fromHex(readFileSync(file, 'utf8'), file);
  } catch (err) {
    if (err instanceof AgentfwError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new AgentfwError(
        'E_AUDIT_KEY',
        `cannot read the audit key ${file}: ${(err as Error).message}`,
        'fix its permissions (mode 600, owned by you)',
      );
  }
  if (!create) return undefined;
  // The key is written whole to a private temporary file, then published under its name with
  // link(), which fails if the name exists: sessions starting together end with one key (the
  // losers read the winner's), and no reader ever sees the file before its key is in it (an
  // exclusive create then a write left an empty key readable in between).
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new AgentfwError(
        'E_AUDIT_KEY',
        `cannot create the audit key ${file}: ${(err as Error).message}`,
        'make ~/.local/share writable, or set AGENTFW_AUDIT_KEY_FILE to a private file',
      );
  } finally {
    rmSync(tmp, { force: true });
  }
  return loadAuditKey(env, false);
}

export function hmac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** The line with its `mac` appended: HMAC of the line without it (the JSON up to its closing brace). */
export function signLine(k: AuditKey, line: string): string {
  return `${line.slice(0, -1)},"kid":"${k.kid}","mac":"${hmac(k.key, line)}"}`;
}

const SIGNED = /,"kid":"([0-9a-f]{16})","mac":"([0-9a-f]{64})"\}$/;

/**
 * Checks a line's mac. 'unsigned' = no mac (older logs, or written without a key);
 * 'other-key' = signed with another key; 'bad' = edited after signing.
 */
export function checkLine(k: AuditKey, line: string): 'ok' | 'unsigned' | 'other-key' | 'bad' {
  const m = SIGNED.exec(line);
  if (!m) return 'unsigned';
  if (m[1] !== k.kid) return 'other-key';
  const body = line.slice(0, m.index) + '}';
  return hmac(k.key, body) === m[2] ? 'ok' : 'bad';
}

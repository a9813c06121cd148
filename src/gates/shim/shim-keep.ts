/**
 * The shim's kept allows, the supervisor's side (the keeper is sandbox/shim-keep.c).
 *
 * A gate client's own request (a shim: `bash -c …`, `curl …`) that the supervisor allowed
 * by policy from the request alone (no file read, no version-manager shim, no approval:
 * src/supervisor/decide.ts) is kept: its audit record's template goes to the session's
 * keeper under the digest of the request's canonical bytes (keepRequestBytes). The next time
 * a client sends exactly that request (program name, arguments, script, working directory),
 * the keeper appends the record (stamped, chained, signed) and answers ALLOW itself: the
 * supervisor's event loop is not woken. Its lease, the flush on lockdown and the fail-closed
 * paths are those of the exec gate's kept allows (src/gates/exec/exec-keep.ts): a frozen
 * supervisor stops kept allows within KEEP_LEASE_MS; anything odd is a miss, and the client
 * asks the supervisor as before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GateRequest } from '../protocol.js';
import { PACKAGE_ROOT } from './client-path.js';

/** Absolute path of the built keeper, or '' when it was not built (no C compiler, not Linux). */
export function findShimKeeper(root = PACKAGE_ROOT): string {
  const p = path.join(root, 'build', 'agentfw-shim-keep');
  return process.platform === 'linux' && existsSync(p) ? p : '';
}

/** A length-prefixed field, as the client writes it (agentfw-shim.c keep_field). */
function field(s: string | Buffer): Buffer {
  const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
  return Buffer.concat([Buffer.from(`${b.length}:`), b]);
}

/**
 * The canonical bytes of a request, as the gate client sends them to the keeper: the layer,
 * the working directory as sent (empty = unknown), the script (absent ≠ empty), argv. Only
 * meaningful for requests without the `binary` flag (their strings are the exact bytes).
 */
export function keepRequestBytes(req: Pick<GateRequest, 'layer' | 'cwd' | 'script' | 'argv'>): Buffer {
  return Buffer.concat([
    Buffer.from('agentfw-keep 1\n'),
    field(req.layer),
    field(req.cwd),
    req.script === undefined ? Buffer.from('n') : Buffer.concat([Buffer.from('s'), field(req.script)]),
    field(String(req.argv.length)),
    ...req.argv.map(field),
  ]);
}

/** The key the keeper files a kept allow under: sha256 of keepRequestBytes, hex. */
export function keepDigest(req: Pick<GateRequest, 'layer' | 'cwd' | 'script' | 'argv'>): string {
  return createHash('sha256').update(keepRequestBytes(req)).digest('hex');
}

export interface ShimKeeper {
  /** The socket clients ask on (AGENTFW_KEEP_SOCK). */
  socket: string;
  /** The keeper's pid (AGENTFW_KEEP_PID without the sandbox: clients check who serves the socket). */
  pid: number;
  /** Sends one control line (`LIVE <until>`, `FLUSH`); lost when the keeper is gone. */
  push(line: string): void;
  /** Keeps this allowed request's record template (GateReply.keep). */
  add(req: GateRequest, template: string): void;
  /** Stops the keeper (it forgets everything). */
  close(): void;
}

export interface ShimKeeperOptions {
  /** The built keeper (findShimKeeper). */
  bin: string;
  /** Where it listens; in the session's runtime folder. */
  socket: string;
  auditLog: string;
  auditKeyFile: string;
  /** The session's gate client: only a process running it is answered. */
  client: string;
  /** Kept answers tell the client to relay its output through the masker (the session masks output). */
  mask: boolean;
}

/**
 * Starts the keeper. Its control pipe is its stdin: when this process ends, the keeper
 * ends too, and nothing more is allowed in its name. A keeper that fails to start or
 * dies leaves every client asking the supervisor (undefined here = no keeper).
 */
export function startShimKeeper(o: ShimKeeperOptions): ShimKeeper | undefined {
  const args = [
    '--listen',
    o.socket,
    '--audit',
    o.auditLog,
    '--audit-key',
    o.auditKeyFile,
    '--client',
    o.client,
  ];
  let child: ChildProcess;
  try {
    child = spawn(o.bin, o.mask ? [...args, '--mask'] : args, { stdio: ['pipe', 'ignore', 'inherit'] });
  } catch {
    return undefined;
  }
  let alive = child.pid !== undefined;
  child.on('error', () => (alive = false));
  child.on('exit', () => (alive = false));
  child.stdin?.on('error', () => (alive = false));
  const push = (line: string): void => {
    if (alive) child.stdin?.write(line);
  };
  return {
    socket: o.socket,
    pid: child.pid ?? 0,
    push,
    add(req, template) {
      // Only requests whose strings are their exact bytes, and templates of one line.
      if (req.binary || template.includes('\n')) return;
      push(`ADD ${keepDigest(req)} ${template}\n`);
    },
    close() {
      alive = false;
      child.stdin?.end();
      child.kill('SIGTERM');
    },
  };
}

/** A session's keeper in its runtime folder (`keep.sock`); undefined when none was built or it could not start. */
export function sessionKeeper(
  runtimeDir: string,
  auditLog: string,
  auditKeyFile: string,
  client: string,
  mask: boolean,
): ShimKeeper | undefined {
  const bin = findShimKeeper();
  const socket = path.join(runtimeDir, 'keep.sock');
  return bin ? startShimKeeper({ bin, socket, auditLog, auditKeyFile, client, mask }) : undefined;
}

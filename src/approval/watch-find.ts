/**
 * Finding a session's watch socket, and reading the pairing code from the human's
 * terminal (never from argv or the environment, which other processes can read).
 */
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import { runtimeRoot } from '../supervisor/runtime.js';

/**
 * Folders that hold the sessions' runtime dirs (`<root>/<session id>/watch.sock`), in
 * search order: every place `runtimeRoot()` (src/supervisor/runtime.ts) may have picked
 * for `agentfw run`, since this terminal's environment may differ from the session's
 * ($AGENTFW_RUNTIME_DIR, $XDG_RUNTIME_DIR/agentfw, <tmp>/agentfw-<uid>).
 */
export function runtimeRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  const roots: string[] = [];
  if (env.AGENTFW_RUNTIME_DIR) roots.push(path.resolve(env.AGENTFW_RUNTIME_DIR));
  if (env.XDG_RUNTIME_DIR && path.isAbsolute(env.XDG_RUNTIME_DIR))
    roots.push(path.join(env.XDG_RUNTIME_DIR, 'agentfw'));
  roots.push(path.join(os.tmpdir(), `agentfw-${process.getuid?.() ?? 0}`));
  roots.push(runtimeRoot(env));
  return [...new Set(roots)];
}

/** Sessions of this user with a watch socket (one sub-directory per session id). */
export function listSessions(roots = runtimeRoots()): { id: string; socket: string }[] {
  const out: { id: string; socket: string }[] = [];
  const uid = process.getuid?.();
  for (const root of roots) {
    let names: string[];
    try {
      // fail closed: a root not owned by us could hold a socket planted by another user
      const st = statSync(root);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names) {
      const socket = path.join(root, name, 'watch.sock');
      try {
        const st = statSync(socket);
        if (!st.isSocket() || (uid !== undefined && st.uid !== uid)) continue;
      } catch {
        continue;
      }
      if (!out.some((s) => s.socket === socket)) out.push({ id: name, socket });
    }
  }
  return out;
}

/** Resolve `--socket` / `--session` / the only running session to a socket path. */
export function findWatchSocket(opts: { socket?: string; session?: string }, roots = runtimeRoots()): string {
  if (opts.socket) return path.resolve(opts.socket);
  const sessions = listSessions(roots);
  if (opts.session) {
    const want = opts.session.replace(/^agentfw-/, '');
    const hit = sessions.find((s) => s.id === want);
    if (hit) return hit.socket;
    throw new AgentfwError(
      'E_WATCH_NO_SESSION',
      `no running session "${opts.session}" (looked in ${roots.join(', ')})`,
      'copy the session id or the socket path from the status line of `agentfw run` (--socket PATH).',
      2,
    );
  }
  if (sessions.length === 1) return sessions[0].socket;
  throw new AgentfwError(
    'E_WATCH_NO_SESSION',
    sessions.length
      ? `${sessions.length} sessions are running: ${sessions.map((s) => s.id).join(', ')}`
      : `no running session found (looked in ${roots.join(', ')})`,
    'pass --session ID or --socket PATH, as shown by `agentfw run`.',
    2,
  );
}

/** Read a line from a TTY without echoing it (shows `*` per key). */
export function promptHidden(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  if (!input.isTTY) {
    return Promise.reject(
      new AgentfwError(
        'E_WATCH_TTY',
        '`agentfw watch` needs a terminal to read the pairing code',
        'run it in a terminal of your own (not from a script or the agent).',
        2,
      ),
    );
  }
  output.write(question);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (err?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString()) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\x03')
          return done(
            new AgentfwError('E_WATCH_CANCELLED', 'cancelled', 'run `agentfw watch` again when ready.', 130),
          );
        if (ch === '\x7f' || ch === '\b') {
          if (typed) {
            typed = typed.slice(0, -1);
            output.write('\b \b');
          }
        } else if (ch >= ' ' && typed.length < 64) {
          typed += ch;
          output.write('*');
        }
      }
    };
    input.on('data', onData);
  });
}

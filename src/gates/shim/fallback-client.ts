/**
 * The Node fallback of the gate client, used only when no C compiler was available at
 * install (build/agentfw-shim is then a tiny sh script running this file with "$0" "$@").
 * Same protocol and decisions as src/gates/shim/agentfw-shim.c, but ≈130 ms per command, and it
 * runs the real program as a child (Node cannot exec in place). A persistent sh/bash fed
 * over a pipe is refused here (the C client gates it per command). With MASK, output
 * goes through the relay over pipes only: a program that had a terminal no longer sees
 * one (the C client gives it a pty).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, fstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ANSWER_IDLE_MS, decodeReply, type GateReply } from '../protocol.js';
import { openRelay } from './fallback-relay.js';

const REFUSED = 126;
const [, , argv0 = 'agentfw-shim', ...args] = process.argv;
let name = path.basename(argv0).replace(/^-/, '');

function refuse(why: string): never {
  process.stderr.write(
    `agentfw: refused \`${name}\`: ${why}\nNothing was run. A human must check that the \`agentfw run\` session is healthy.\nDo not retry or work around this; ask the user.\n`,
  );
  process.exit(REFUSED);
}

function ask(
  layer: 'shell' | 'tool',
  argv: string[],
  script?: string,
  subject = process.pid,
): Promise<GateReply> {
  const sock = process.env.AGENTFW_SOCK;
  if (!sock) refuse('AGENTFW_SOCK is not set, so there is no supervisor to ask (fail closed)');
  const waitMs = Number(process.env.AGENTFW_WAIT_MS) > 0 ? Number(process.env.AGENTFW_WAIT_MS) : 330_000;
  const req = { layer, argv, cwd: process.cwd(), script, pid: subject, ppid: process.ppid };
  return new Promise((resolve) => {
    const c = net.connect(sock);
    let data = '';
    const connectTimer = setTimeout(
      () => refuse('the agentfw supervisor did not accept the connection within 2 s (fail closed)'),
      2000,
    );
    const answerTimer = setTimeout(
      () => refuse('no answer from the agentfw supervisor in time (fail closed)'),
      waitMs,
    );
    // fail closed: silence from the broker (stopped, hung) refuses after ANSWER_IDLE_MS
    const idleMs =
      Number(process.env.AGENTFW_ANSWER_MS) > 0 ? Number(process.env.AGENTFW_ANSWER_MS) : ANSWER_IDLE_MS;
    const silent = () =>
      refuse(`the agentfw supervisor sent nothing for ${idleMs / 1000} s (stopped or hung; fail closed)`);
    let idleTimer: NodeJS.Timeout | undefined;
    c.on('connect', () => {
      clearTimeout(connectTimer);
      idleTimer = setTimeout(silent, idleMs);
      c.write(JSON.stringify(req) + '\n');
    });
    c.on('error', () => refuse('the agentfw supervisor is unreachable (fail closed)'));
    c.on('data', (d) => {
      data += d.toString('utf8');
      clearTimeout(idleTimer);
      idleTimer = setTimeout(silent, idleMs);
    });
    c.on('close', () => {
      clearTimeout(answerTimer);
      clearTimeout(idleTimer);
      const r = decodeReply(data);
      if (!r) refuse("the supervisor's answer was missing or not understood (fail closed)");
      resolve(r);
    });
  });
}

function enforce(r: GateReply): void {
  if (r.allow) return;
  process.stderr.write(
    (r.message || `agentfw: \`${name}\` was refused. Do not retry or work around this; ask the user.`) + '\n',
  );
  process.exit(REFUSED);
}

function findReal(prog: string): string | undefined {
  const self = process.env.AGENTFW_CLIENT ? realpathSync(process.env.AGENTFW_CLIENT) : '';
  // The guard shims hard-link the client: same inode, other path.
  const selfSt = self ? statSync(self) : undefined;
  const shimDir = process.env.AGENTFW_SHIM_DIR ? path.resolve(process.env.AGENTFW_SHIM_DIR) : '';
  const dirs = [...(process.env.PATH ?? '').split(':'), ...(process.env.AGENTFW_REAL_PATH ?? '').split(':')];
  for (const d of dirs) {
    const dir = path.resolve(d || '.');
    if (dir === shimDir) continue;
    const p = path.join(dir, prog);
    try {
      if (!statSync(p).isFile()) continue;
      accessSync(p, constants.X_OK);
      if (self && realpathSync(p) === self) continue;
      const st = statSync(p);
      if (selfSt && st.ino === selfSt.ino && st.dev === selfSt.dev) continue;
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Whether our fd 1/2 is read by someone through us (pipe, socket, terminal) rather than a file. */
function relayed(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return (
      st.isFIFO() ||
      st.isSocket() ||
      (st.isCharacterDevice() && Boolean(process[fd === 1 ? 'stdout' : 'stderr'].isTTY))
    );
  } catch {
    return false;
  }
}

/** Runs the program with its stdout/stderr relayed through the session's masker (see src/supervisor/relay.ts). */
async function runMasked(
  real: string,
  argv: string[],
  env: Record<string, string>,
  input?: string,
): Promise<never> {
  const which = [1, 2].filter(relayed);
  const sockPath = process.env.AGENTFW_RELAY_SOCK;
  // fail closed: told to mask, but no relay to mask with
  if (!sockPath)
    refuse("AGENTFW_RELAY_SOCK is not set, so this command's output cannot be masked (fail closed)");
  const link = await openRelay(sockPath, refuse);
  const child = spawn(real, argv, {
    argv0: argv0.includes('/') ? real : argv0,
    stdio: [
      input === undefined ? 'inherit' : 'pipe',
      which.includes(1) ? 'pipe' : 'inherit',
      which.includes(2) ? 'pipe' : 'inherit',
    ],
    env: { ...process.env, ...env },
  });
  if (input !== undefined) child.stdin?.end(input);
  let open = which.length;
  const ended = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    for (const [id, stream] of [
      [1, child.stdout],
      [2, child.stderr],
    ] as const) {
      if (!stream) continue;
      stream.on('data', (d: Buffer) => link.send(id, d));
      stream.on('end', () => {
        link.send(id, Buffer.alloc(0));
        if (--open === 0) resolve();
      });
    }
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) =>
    child.on('close', (c, sg) => r([c, sg])),
  );
  await ended;
  await link.end();
  await new Promise<void>((r) => process.stdout.write('', () => process.stderr.write('', () => r())));
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? REFUSED);
}

async function runReal(
  prog: string,
  argv: string[],
  env: Record<string, string>,
  input?: string,
  mask = false,
): Promise<never> {
  const real = findReal(prog);
  if (!real) {
    process.stderr.write(`${prog}: command not found\n`);
    process.exit(127);
  }
  if (mask && (relayed(1) || relayed(2))) return runMasked(real, argv, env, input);
  const r = spawnSync(real, argv, {
    argv0: argv0.includes('/') ? real : argv0,
    stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'],
    input,
    env: { ...process.env, ...env },
  });
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? REFUSED);
}

function printExports(env: Record<string, string>): void {
  for (const [k, v] of Object.entries(env))
    process.stdout.write(`export ${k}='${v.replace(/'/g, `'\\''`)}'\n`);
}

async function main(): Promise<void> {
  if (name === 'agentfw-shim') {
    name = 'bash';
    const [mode, a, b] = args;
    let r: GateReply | undefined;
    if (mode === '--bash-env' && b !== undefined) r = await ask('shell', [a, '-c', b], b, process.ppid);
    else if (mode === '--bash-env-file' && b !== undefined)
      r = await ask('shell', [a, b], readFileSync(b, 'utf8'), process.ppid);
    else if (mode === '--line' && a !== undefined)
      r = await ask('shell', ['bash', '(command line)'], a, process.ppid);
    if (!r) {
      process.stderr.write('usage: agentfw-shim is run through symlinks named after gated programs.\n');
      process.exit(2);
    }
    enforce(r);
    printExports(r.env);
    return;
  }
  if (!['bash', 'sh', 'zsh', 'dash', 'ksh'].includes(name)) {
    const r = await ask('tool', [argv0, ...args]);
    enforce(r);
    return runReal(name, args, r.env, undefined, r.mask);
  }
  let i = 0;
  let hasC = false;
  let interactive = false;
  let readStdin = false;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--rcfile' || a === '--init-file') {
      i++;
      continue;
    }
    if (a.startsWith('--')) continue;
    if (/^[-+]./.test(a)) {
      hasC ||= a.slice(1).includes('c');
      interactive ||= a.slice(1).includes('i');
      readStdin ||= a.slice(1).includes('s');
      if (/[oO]/.test(a.slice(1))) i++;
      continue;
    }
    break;
  }
  const full = [argv0, ...args];
  if (hasC) {
    if (i >= args.length) return runReal(name, args, {});
    const r = await ask('shell', full, args[i]);
    enforce(r);
    return runReal(name, args, r.env, undefined, r.mask);
  }
  if (i < args.length && !readStdin) {
    let text: string;
    try {
      text = readFileSync(args[i], 'utf8');
    } catch {
      return runReal(name, args, {}); // the shell reports the missing file
    }
    const r = await ask('shell', full, text);
    enforce(r);
    return runReal(name, args, r.env, undefined, r.mask);
  }
  if (interactive || process.stdin.isTTY) {
    if (name !== 'bash')
      refuse('an interactive sh/zsh/dash session cannot be gated per command; only bash is');
    const rc = process.env.AGENTFW_GATE_SCRIPT;
    if (!rc) refuse('AGENTFW_GATE_SCRIPT is not set, so an interactive shell cannot be gated (fail closed)');
    return runReal(name, ['--rcfile', rc, ...args], { AGENTFW_GATE_MODE: 'lines' });
  }
  const chunks: Buffer[] = [];
  const timer = setTimeout(
    () => refuse('stdin did not end within 10 s; a persistent shell over a pipe needs the C client'),
    10_000,
  );
  for await (const c of process.stdin) chunks.push(c as Buffer);
  clearTimeout(timer);
  const script = Buffer.concat(chunks).toString('utf8');
  const r = await ask('shell', full, script);
  enforce(r);
  return runReal(name, args, r.env, script, r.mask);
}

main().catch(() => refuse('internal error in the gate client (fail closed)'));

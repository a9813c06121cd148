/**
 * The exec gate passes a bash that will check itself: `bash -c SCRIPT` whose new
 * environment makes it source the session's gate script (BASH_ENV), which judges SCRIPT
 * with the same engine before any of it runs and prints a refusal on the command's own
 * stderr. Judging it at the exec too would decide the same script twice, and a refusal
 * there fails the exec with EPERM: an agent that spawns its shell directly (Codex runs
 * `/bin/bash -lc CMD` by absolute path) then reports only "Operation not permitted" and
 * the model never hears why. Like the shims, which ask themselves, such a bash is passed.
 *
 * Passed only when every condition holds (otherwise the exec is judged as before):
 * - the file is the real bash (`isBash`), and argv[0] does not name `sh` (sh mode reads no BASH_ENV);
 * - its options are only `-c` plus `-l`/`-e`/`-u` (`--login`, `--noprofile`, `--norc`):
 *   no `-i`, `-p`, `-x` (PS4 runs before the gate), `--posix`, `-o`, `--rcfile`, `+…`;
 * - the environment the exec passes (read from the stopped caller, `readExecEnv`) has
 *   BASH_ENV, AGENTFW_CLIENT and AGENTFW_SOCK equal to the session's, SHLVL ≥ 1 (bash
 *   otherwise takes a socket on stdin for sshd and skips BASH_ENV), and none of
 *   AGENTFW_GATED_PID, AGENTFW_GATE_MODE (both make the gate script stand down),
 *   POSIXLY_CORRECT, SHELLOPTS, BASHOPTS, IFS, and no exported function (`BASH_FUNC_*`,
 *   which could replace a builtin the gate script relies on).
 * Anything unreadable → not passed (fail closed: judged at the exec).
 *
 * What the pass gives up: with `-l` the login files (/etc/profile, ~/.profile) run before
 * the gate script; the programs they exec are still judged one by one (and HOME is
 * read-only in the sandbox).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';

/** The session's values the passed bash must carry. */
export interface SelfGateSession {
  /** The gate script (BASH_ENV). */
  gateScript: string;
  /** The gate client (AGENTFW_CLIENT). */
  client: string;
  /** The broker socket (AGENTFW_SOCK). */
  socket: string;
}

const SHORT_OK = /^-[celu]+$/;
const LONG_OK = new Set(['--login', '--noprofile', '--norc']);
const MUST_BE_ABSENT = [
  'AGENTFW_GATED_PID',
  'AGENTFW_GATE_MODE',
  'POSIXLY_CORRECT',
  'SHELLOPTS',
  'BASHOPTS',
  'IFS',
];

/** True when `argv` is `bash [allowed options] -c SCRIPT …` (pure). */
export function selfGatingArgv(argv: readonly string[]): boolean {
  const name = path.basename(argv[0] ?? '').replace(/^-/, '');
  if (name === 'sh' || !argv.length) return false;
  let sawC = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return false;
    if (LONG_OK.has(a)) continue;
    if (SHORT_OK.test(a)) {
      sawC ||= a.includes('c');
      continue;
    }
    // the first operand: the script when -c was given
    return sawC && !a.startsWith('-') && !a.startsWith('+');
  }
  return false;
}

/** True when the new environment `env` ("NAME=value" entries) makes bash source the session's gate (pure). */
export function selfGatingEnv(env: readonly string[], s: SelfGateSession): boolean {
  const vars = new Map<string, string>();
  for (const e of env) {
    const i = e.indexOf('=');
    const name = i < 0 ? e : e.slice(0, i);
    if (name.startsWith('BASH_FUNC_')) return false;
    // fail closed: a variable given twice may be read either way
    if (vars.has(name)) return false;
    vars.set(name, i < 0 ? '' : e.slice(i + 1));
  }
  if (MUST_BE_ABSENT.some((n) => vars.has(n))) return false;
  const level = vars.get('SHLVL') ?? '';
  return (
    vars.get('BASH_ENV') === s.gateScript &&
    vars.get('AGENTFW_CLIENT') === s.client &&
    vars.get('AGENTFW_SOCK') === s.socket &&
    /^[1-9]\d{0,5}$/.test(level)
  );
}

/** Bounds on what is read from the caller's memory. */
const MAX_VARS = 8192;
const MAX_BYTES = 1 << 20;
/** Read unit (the smallest page size of the supported architectures), and how many are read at most. */
const PAGE = 4096;
const MAX_PAGES = (MAX_BYTES + MAX_VARS * 8) / PAGE + 2;
/** execve / execveat syscall numbers per architecture (Node's `process.arch`). */
const SYSCALLS: Record<string, { execve: number; execveat: number }> = {
  x64: { execve: 59, execveat: 322 },
  arm64: { execve: 221, execveat: 281 },
};

/**
 * The environment the stopped caller `pid` (a thread blocked in execve/execveat; x86_64, arm64)
 * passes to its new program, read from /proc/<pid>/syscall and /proc/<pid>/mem; undefined
 * when it cannot be read in full within the bounds.
 */
export function readExecEnv(pid: number): string[] | undefined {
  const nrs = SYSCALLS[process.arch];
  if (!nrs || !Number.isInteger(pid) || pid <= 0) return undefined;
  let fd: number | undefined;
  try {
    const sys = readFileSync(`/proc/${pid}/syscall`, 'utf8').trim().split(/\s+/);
    const nr = Number(sys[0]);
    const envArg = nr === nrs.execve ? sys[3] : nr === nrs.execveat ? sys[4] : undefined;
    if (!envArg || !/^0x[0-9a-f]+$/i.test(envArg)) return undefined;
    // Addresses as numbers: user space ends below 2^53 on the supported architectures (no BigInt per variable).
    let envp = Number.parseInt(envArg.slice(2), 16);
    if (!Number.isSafeInteger(envp)) return undefined;
    if (envp === 0) return [];
    fd = openSync(`/proc/${pid}/mem`, 'r');
    const mem = fd;
    // The caller's memory is read a page at a time and each page once: the pointer array and
    // the strings (usually side by side on its stack or heap) then take a few reads, not two
    // per variable (each read of /proc/<pid>/mem maps the caller's page; ~0.3 ms per exec).
    const pages = new Map<number, Buffer>();
    const page = (at: number): Buffer => {
      let b = pages.get(at);
      if (!b) {
        // fail closed: past the bound nothing more is read (the caller answers undefined)
        if (pages.size >= MAX_PAGES) return Buffer.alloc(0);
        b = Buffer.allocUnsafe(PAGE);
        b = b.subarray(0, readSync(mem, b, 0, PAGE, at));
        pages.set(at, b);
      }
      return b;
    };
    /** Up to `n` bytes at `at`, within its page; empty when unreadable. */
    const read = (at: number, n: number): Buffer => {
      const off = at % PAGE;
      return page(at - off).subarray(off, off + n);
    };
    const out: string[] = [];
    let total = 0;
    for (let i = 0; i < MAX_VARS; i++, envp += 8) {
      // A pointer that straddles a page boundary is put together from both pages.
      let ptr = read(envp, 8);
      if (ptr.length < 8 && ptr.length > 0)
        ptr = Buffer.concat([ptr, read(envp + ptr.length, 8 - ptr.length)]);
      if (ptr.length !== 8) return undefined;
      const p = ptr.readUInt32LE(0) + ptr.readUInt32LE(4) * 2 ** 32;
      if (p === 0) return out;
      if (!Number.isSafeInteger(p)) return undefined;
      let chunks: Buffer[] | undefined;
      for (let at = p; ;) {
        const b = read(at, PAGE);
        if (!b.length) return undefined;
        const z = b.indexOf(0);
        total += z < 0 ? b.length : z;
        if (total > MAX_BYTES) return undefined;
        if (z >= 0 && !chunks) {
          out.push(b.toString('latin1', 0, z)); // the usual case: the whole string in one page
          break;
        }
        (chunks ??= []).push(z < 0 ? b : b.subarray(0, z));
        if (z >= 0) {
          out.push(Buffer.concat(chunks).toString('latin1'));
          break;
        }
        at += b.length;
      }
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

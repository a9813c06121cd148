/**
 * The OS sandbox of `agentfw run` (the default on Linux): the agent runs under bubblewrap (`bwrap`)
 * with a read-only root, a writable workspace, a private /tmp, a new PID namespace (the
 * supervisor is invisible), no capabilities and, when agentfw runs as root, a non-root
 * uid. Workspace files holding secrets are replaced by masked read-only copies.
 * The network is cut: the agent's own namespace has only loopback, and its only way out is
 * the session's egress proxy, bridged in by sandbox/net-bridge.c (src/supervisor/sandbox-net.ts).
 *
 * `bwrapArgs` is pure (tested with tables); `probeSandbox` (sandbox-probe.ts) and `prepareSandbox` do the I/O.
 * The profile and its limits are described in sandbox/README.md.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import type { SecretSet } from '../secrets/types.js';
import { PACKAGE_ROOT } from '../gates/shim/client-path.js';
import { gitSecretObjects, type BlobEntry } from './sandbox-git.js';
import { maskedCopiesFor } from './sandbox-mask-cache.js';
import { cleanBlobsFor } from './sandbox-git-cache.js';
import { homeCredentials } from './sandbox-home.js';
import { maskedCopies } from './sandbox-mask.js';

export { probeSandbox, probeSandboxAsync } from './sandbox-probe.js';

/** Uid and gid the agent gets inside the sandbox when agentfw itself runs as root. */
export const SANDBOX_ID_FOR_ROOT = 1000;

/**
 * Agent state under HOME that stays writable when it exists, per agent (the basename of the
 * agent command): sessions, settings, logs and the agent's own caches. Relative to HOME.
 * Everything else under HOME is read-only, including the rest of ~/.cache and ~/.npm.
 */
export const AGENT_STATE: Record<string, string[]> = {
  claude: [
    '.claude',
    '.claude.json',
    '.claude.json.backup',
    '.cache/claude',
    '.cache/claude-cli-nodejs',
    '.local/share/claude',
    '.local/state/claude',
  ],
  codex: ['.codex'],
  gemini: ['.gemini'],
  opencode: ['.config/opencode', '.local/share/opencode', '.local/state/opencode', '.cache/opencode'],
  'cursor-agent': ['.cursor', '.config/cursor', '.local/share/cursor-agent', '.cache/cursor-compile-cache'],
};

/** The union of AGENT_STATE: what an agent whose name is not known (`node cli.js`, a wrapper script) gets. */
export const HOME_WRITABLE = [...new Set(Object.values(AGENT_STATE).flat())];

/** The state dirs of the agent started as `command0` (its basename; `cursor` = `cursor-agent`); unknown → HOME_WRITABLE. */
export function agentStateDirs(command0: string): string[] {
  const name = path.basename(command0).replace(/\.(c?js|mjs|sh)$/, '');
  return AGENT_STATE[name === 'cursor' ? 'cursor-agent' : name] ?? HOME_WRITABLE;
}

/**
 * Control sockets that hand out root on the host (container daemons). They are covered
 * with /dev/null inside the sandbox when they exist. Other sockets stay reachable.
 */
export const HIDDEN_SOCKETS = [
  '/run/docker.sock',
  '/run/containerd/containerd.sock',
  '/run/podman/podman.sock',
  '/run/crio/crio.sock',
];

/** Everything the argv depends on; all paths absolute and real (symlinks resolved). */
export interface SandboxPlan {
  /** The agent's workspace: bound writable at the same path. */
  workspace: string;
  /** The directory the agent starts in (inside the workspace, usually equal). */
  cwd: string;
  /** Entries of the session's runtime dir the agent needs (broker and relay sockets, shim dir, gate script), bound read-only; nothing else of it is visible. */
  exposed: string[];
  /** Folder holding the runtime dirs of all sessions: covered with an empty tmpfs (other sessions' watch sockets). */
  runtimeRoot: string;
  /** HOME of the agent; entries of HOME_WRITABLE that exist are bound writable. Empty = none. */
  home: string;
  /** Entries of HOME_WRITABLE (absolute) that exist on the host. Empty = none. */
  homeWritable: string[];
  /** Extra writable paths (`--sandbox-rw`), existing, absolute. Empty = none. */
  extraWritable: string[];
  /** Read-only paths that must stay visible although they lie under /tmp (agentfw itself, the agent, HOME). Empty = none. */
  keepVisible: string[];
  /** Masked copies: `source` (in the runtime dir) bound read-only over `target` (in the workspace). Empty = none. */
  masked: { source: string; target: string }[];
  /** Sockets to cover with /dev/null (existing entries of HIDDEN_SOCKETS). Empty = none. */
  hiddenSockets: string[];
  /** Directories covered with an empty read-only tmpfs (private-key stores in HOME). Empty = none. */
  hiddenDirs?: string[];
  /** Files covered with /dev/null (git object files holding a secret, sandbox-git.ts). Empty = none. */
  hiddenFiles?: string[];
  /** What the git history scan found: blobs with a secret, and whether the byte budget ran out. Absent = not scanned. */
  git?: { secretBlobs: number; truncated: boolean };
  /** The uid agentfw runs as; 0 = root, which gets SANDBOX_ID_FOR_ROOT inside. */
  hostUid: number;
  /** Set TMPDIR=/tmp inside (the host TMPDIR would not be writable there). */
  resetTmpdir: boolean;
  /** A new network namespace (only loopback inside; the way out is the bridge, sandbox-net.ts). False/absent = network shared. */
  unshareNet?: boolean;
}

function under(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

/** The bwrap options (without the trailing `-- AGENT ARGS`) for a plan. Order matters: later mounts cover earlier ones. */
export function bwrapArgs(p: SandboxPlan): string[] {
  const a: string[] = ['--unshare-user'];
  // Under bwrap run by real root the process would keep root's power over root-owned files'
  // mounts; a non-root uid inside plus no capabilities means it cannot unmount a masked copy.
  if (p.hostUid === 0) a.push('--uid', String(SANDBOX_ID_FOR_ROOT), '--gid', String(SANDBOX_ID_FOR_ROOT));
  a.push('--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try');
  if (p.unshareNet) a.push('--unshare-net');
  a.push('--cap-drop', 'ALL', '--die-with-parent');
  // No --new-session: the agent's terminal is a private pty of the supervisor, and it needs
  // it as its controlling terminal (Ctrl-C, job control, /dev/tty prompts).
  a.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp');
  for (const k of p.keepVisible) if (under(k, '/tmp') && !under(k, p.workspace)) a.push('--ro-bind', k, k);
  if (p.runtimeRoot && !under(p.runtimeRoot, '/tmp')) a.push('--tmpfs', p.runtimeRoot);
  a.push('--bind', p.workspace, p.workspace);
  for (const w of [...p.homeWritable, ...p.extraWritable]) a.push('--bind', w, w);
  for (const e of p.exposed) a.push('--ro-bind', e, e);
  for (const s of p.hiddenSockets) a.push('--ro-bind', '/dev/null', s);
  for (const d of p.hiddenDirs ?? []) a.push('--tmpfs', d, '--remount-ro', d);
  for (const m of p.masked) a.push('--ro-bind', m.source, m.target);
  for (const f of p.hiddenFiles ?? []) a.push('--ro-bind', '/dev/null', f);
  a.push('--chdir', p.cwd);
  if (p.resetTmpdir) a.push('--setenv', 'TMPDIR', '/tmp');
  return a;
}

/** Whether TMPDIR would be unwritable inside: set and outside /tmp, the workspace and the extra paths. */
export function needsTmpdirReset(tmpdir: string | undefined, writable: string[]): boolean {
  if (!tmpdir) return false;
  const t = path.resolve(tmpdir);
  return !under(t, '/tmp') && !writable.some((w) => under(t, w));
}

/** Absolute paths of the `names` (default HOME_WRITABLE) under HOME that exist, skipping those inside the workspace. */
export function homeWritable(home: string, workspace: string, names: string[] = HOME_WRITABLE): string[] {
  if (!home || !path.isAbsolute(home)) return [];
  return names.map((r) => path.join(home, r)).filter((p) => existsSync(p) && !under(p, workspace));
}

export function hiddenSockets(): string[] {
  return HIDDEN_SOCKETS.filter((s) => existsSync(s));
}

/** What a session without the OS sandbox gives up (start banner, `agentfw doctor`). */
export const NO_SANDBOX_GIVES_UP =
  'the agent can read every file your user can (credential stores in HOME, secrets in git objects), ' +
  "write outside the workspace, reach the network directly (the egress proxy's variables are advisory: a program that ignores them is not judged), and see the supervisor's processes; " +
  'only the shell, tool and exec gates stand between it and your infrastructure.';

export interface PrepareOptions {
  workspace: string;
  cwd: string;
  /** The session's runtime dir (masked copies are written to `masked/` in it). */
  runtimeDir: string;
  /** Runtime dir entries the agent needs (absolute); missing ones are skipped. */
  expose: string[];
  /** The agent program (absolute): kept visible when it lies under /tmp. */
  agentFile: string;
  home: string;
  env: Record<string, string | undefined>;
  secrets: SecretSet;
  /** `--sandbox-rw` paths as given (resolved against cwd). Empty = none. */
  extraWritable: string[];
  hostUid: number;
  /** Agent state dirs under HOME (agentStateDirs); undefined = HOME_WRITABLE. */
  stateDirs?: string[];
  /** Create the missing state dirs first (a known agent's own dirs, so its first run in the sandbox can write them). Files (`.json`) are never created. */
  createStateDirs?: boolean;
  /** Cut the network (--unshare-net); the bridge is set up by the caller. */
  unshareNet?: boolean;
  /** The workspace repository's blobs, listed earlier (listBlobsEarly); undefined = listed here. */
  gitBlobs?: BlobEntry[];
  /** Files the agent must not open (replaced by /dev/null); missing ones are skipped. Empty = none. */
  hideFiles?: string[];
}

/** Writes the masked copies and returns the bwrap options for this session. */
export function prepareSandbox(o: PrepareOptions): { args: string[]; plan: SandboxPlan } {
  const real = (p: string) => realpathSync(p);
  const workspace = real(o.workspace);
  const extraWritable = o.extraWritable.map((p) => {
    const abs = path.resolve(o.cwd, p);
    if (!existsSync(abs))
      throw new AgentfwError(
        'E_SANDBOX_PATH',
        `--sandbox-rw ${p}: ${abs} does not exist`,
        'create the folder first, or drop that --sandbox-rw',
        2,
      );
    return real(abs);
  });
  const home = o.home && existsSync(o.home) ? real(o.home) : '';
  const writable = [workspace, ...extraWritable];
  if (home && o.createStateDirs)
    for (const rel of o.stateDirs ?? []) {
      const p = path.join(home, rel);
      if (!/\.(json|backup)$/.test(rel) && !existsSync(p) && !under(p, workspace)) {
        try {
          mkdirSync(p, { recursive: true, mode: 0o700 });
        } catch {
          /* left read-only: the agent says what it cannot write */
        }
      }
    }
  const hw = homeWritable(home, workspace, o.stateDirs);
  const gitScan = gitSecretObjects(
    workspace,
    o.secrets,
    undefined,
    cleanBlobsFor(workspace, o.secrets),
    o.gitBlobs,
  );
  const creds = home
    ? homeCredentials(home, o.secrets, path.join(o.runtimeDir, 'masked-home'))
    : { masked: [], hidden: [] };
  const plan: SandboxPlan = {
    workspace,
    cwd: real(o.cwd),
    exposed: o.expose.filter((e) => existsSync(e)),
    runtimeRoot: path.dirname(real(o.runtimeDir)),
    home,
    homeWritable: hw,
    extraWritable,
    keepVisible: [PACKAGE_ROOT, o.agentFile, home].filter((p) => existsSync(p)).map(real),
    masked: [
      ...maskedCopies(
        workspace,
        o.secrets,
        path.join(o.runtimeDir, 'masked'),
        maskedCopiesFor(workspace, o.secrets),
      ),
      ...creds.masked,
    ],
    hiddenSockets: hiddenSockets(),
    hiddenDirs: creds.hidden,
    hiddenFiles: [...gitScan.hide, ...(o.hideFiles ?? []).filter((f) => existsSync(f))],
    git: { secretBlobs: gitScan.secretBlobs, truncated: gitScan.truncated },
    hostUid: o.hostUid,
    resetTmpdir: needsTmpdirReset(o.env.TMPDIR, [...writable, ...hw]),
    unshareNet: o.unshareNet,
  };
  return { args: bwrapArgs(plan), plan };
}

/**
 * Wrappers: programs that run another program given as their arguments, peeled to reach
 * it (sudo and sudo-rs, doas, please and gsudo in elevation.ts, pkexec, env, command, exec, builtin, nohup, nice, time, stdbuf, setsid,
 * unbuffer, runuser, agentfw run; timeout, chroot, nsenter, ionice, chrt, taskset and flock in wrappers-process.ts) and those that take a command string
 * (watch and flock -c in wrappers-process.ts, su -c, env -S; terminal recorders, `script -c`, in recorders.ts) or run shell commands given on their command
 * line (editors, editors.ts; tmux, screen and systemd-run, multiplexers.ts), which is
 * re-parsed; detachers (dtach, abduco, daemonize, start-stop-daemon, unshare, zellij …) are in
 * detachers.ts; CMake's command mode (`cmake -E rm …`) is read as the shell command it performs
 * (cmake-e.ts); tracers, debuggers and adapters (strace, gdb, entr, expect …) are in tracers.ts;
 * multi-call binaries, sshpass, job queues and file watchers in launchers.ts; development
 * environments (distrobox, toolbox, nix-shell, conda run …) in dev-envs.ts; tool-version managers
 * and project runners (mise x, asdf exec, uv run, poetry run …) in tool-envs.ts; multi-repository
 * runners (mr run, gita super) in multi-repo.ts; dotfile managers' git (yadm, chezmoi git) in dotfiles.ts;
 * Windows' `cmd.exe /c LINE` in cmd-exe.ts.
 */
import { vimPeeler } from './editors.js';
import { screen, systemdRun, tmux } from './multiplexers.js';
import { TRACERS } from './tracers.js';
import { RUNNERS } from './runners.js';
import { MONOREPO_RUNNERS } from './monorepo-runners.js';
import { LAUNCHERS } from './launchers.js';
import { DEV_ENVS } from './dev-envs.js';
import { TOOL_ENVS } from './tool-envs.js';
import { PY_TOOL_RUNNERS } from './py-tool-runners.js';
import { MULTI_REPO } from './multi-repo.js';
import { cmakeCommandMode } from './cmake-e.js';
import { ELEVATORS } from './elevation.js';
import { DOTFILES } from './dotfiles.js';
import { CMD_EXE } from './cmd-exe.js';
import { RECORDERS } from './recorders.js';
import { PROCESS_WRAPPERS } from './wrappers-process.js';
import { DETACHERS } from './detachers.js';
import { sage } from './front-ends.js';
import { joinFields } from './fields.js';
import { getopt } from './options.js';
import type { Field } from './state.js';

export interface Peel {
  /** Label recorded in `wrappers` (`sudo`, `sudo -u postgres`, `timeout`). */
  label: string;
  /** The argv of the wrapped command; empty = the wrapper runs nothing (`sudo -v`, `env`). */
  argv: Field[];
  /** Variables the wrapper sets for the command (`env X=1`, `sudo X=1`). */
  env?: [string, Field][];
  /** Directory the command runs in (`env -C DIR`). */
  cwd?: Field;
  /** A command string the wrapper hands to a shell (`watch 'cmd'`, `su -c 'cmd'`): re-parse it. */
  script?: Field;
  /** A file the wrapper records the script's output into (`script -c CMD FILE`); absent = none. */
  record?: Field;
  /**
   * The command runs in another process's mount namespace (`nsenter -m`): inside a new
   * container it sees that process's files, read as the host's (fail closed), not the
   * container's own. Absent = same files as the wrapper.
   */
  otherMounts?: boolean;
}

export type Peeler = (args: Field[]) => Peel | undefined;

function assignments(args: Field[], from: number): { env: [string, Field][]; index: number } {
  const env: [string, Field][] = [];
  let i = from;
  for (; i < args.length; i++) {
    // env takes every word with a `=` as an assignment, whatever its name (BASH_FUNC_ls%%=…).
    const m = /^([^=]+)=(.*)$/s.exec(args[i].text);
    if (!m) break;
    env.push([m[1], { text: m[2], dynamic: args[i].dynamic }]);
  }
  return { env, index: i };
}

function simple(label: string, short = '', long: string[] = [], numeric = false): Peeler {
  return (args) => {
    const p = getopt(args, { short, long, numeric });
    return { label, argv: args.slice(p.index) };
  };
}

/** Splits `env -S` text on whitespace with simple quotes. */
function splitString(f: Field): Field[] {
  const out: Field[] = [];
  const re = /'([^']*)'|"((?:\\.|[^"\\])*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f.text))) out.push({ text: m[1] ?? m[2] ?? m[3], dynamic: f.dynamic });
  return out;
}

const sudo: Peeler = (args) => {
  const p = getopt(args, {
    short: 'ugpChDrtTUR',
    long: ['user', 'group', 'prompt', 'close-from', 'host', 'chdir', 'role', 'type', 'other-user', 'chroot'],
  });
  const user = p.opts.get('u') ?? p.opts.get('user');
  if (
    p.opts.has('l') ||
    p.opts.has('v') ||
    p.opts.has('k') ||
    p.opts.has('K') ||
    p.opts.has('list') ||
    p.opts.has('validate')
  ) {
    if (p.index >= args.length) return { label: 'sudo', argv: [] };
  }
  const a = assignments(args, p.index);
  const cwd = p.opts.get('D') ?? p.opts.get('chdir');
  // `sudo -s` / `sudo -i` without a command: a shell that reads its commands from stdin.
  const shell = ['s', 'i', 'shell', 'login'].some((o) => p.opts.has(o));
  // `sudo -e FILE…` is sudoedit: the files are edited, not run
  const edit = p.opts.has('e') || p.opts.has('edit');
  const argv = edit ? [{ text: 'sudoedit', dynamic: false }, ...args.slice(a.index)] : args.slice(a.index);
  return {
    label: user ? `sudo -u ${user}` : 'sudo',
    argv: shell && argv.length === 0 ? [{ text: 'sh', dynamic: false }] : argv,
    env: a.env,
    ...(cwd ? { cwd: { text: cwd, dynamic: false } } : {}),
  };
};

const env: Peeler = (args) => {
  let i = 0;
  let cwd: Field | undefined;
  const extra: Field[] = [];
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') {
      i++;
      break;
    }
    if (/^-[iv0]+$/.test(t) || t === '--ignore-environment' || t === '--null' || t === '--debug') continue;
    if (t === '-u' || t === '-C' || t === '-P' || t === '--unset' || t === '--chdir') {
      if (t === '-C' || t === '--chdir') cwd = args[i + 1];
      i++;
      continue;
    }
    if (/^(-u|-P|--unset=|--default-signal|--ignore-signal|--block-signal)/.test(t)) continue;
    if (/^(-C|--chdir=)/.test(t)) {
      cwd = { text: t.replace(/^(-C|--chdir=)/, ''), dynamic: args[i].dynamic };
      continue;
    }
    if (t === '-S' || t === '--split-string') {
      extra.push(...splitString(args[i + 1] ?? { text: '', dynamic: false }));
      i++;
      continue;
    }
    if (/^(-S|--split-string=)/.test(t)) {
      extra.push(...splitString({ text: t.replace(/^(-S|--split-string=)/, ''), dynamic: args[i].dynamic }));
      continue;
    }
    break;
  }
  const rest = [...extra, ...args.slice(i)];
  const a = assignments(rest, 0);
  return { label: 'env', argv: rest.slice(a.index), env: a.env, ...(cwd ? { cwd } : {}) };
};

const commandBuiltin: Peeler = (args) => {
  const p = getopt(args, {});
  if (p.opts.has('v') || p.opts.has('V')) return { label: 'command', argv: [] };
  return { label: 'command', argv: args.slice(p.index) };
};

const su: Peeler = (args) => {
  const p = getopt(args, {
    short: 'cgGsw',
    long: ['command', 'group', 'supp-group', 'shell', 'whitelist-environment', 'session-command'],
  });
  const c = p.opts.get('c') ?? p.opts.get('command') ?? p.opts.get('session-command');
  let script = c !== undefined ? { text: c, dynamic: p.dynamic } : undefined;
  let user = args[p.index]?.text ?? 'root';
  if (user === '-') user = args[p.index + 1]?.text ?? 'root';
  const after = args.slice(p.index + 1);
  const ci = after.findIndex((f) => f.text === '-c' || f.text === '--command');
  if (!script && ci >= 0) script = after[ci + 1] ?? { text: '', dynamic: false };
  // Without -c: the user's shell, reading its commands from stdin (`su - <<< 'rm -rf …'`).
  return script
    ? { label: `su ${user}`, argv: [], script }
    : { label: `su ${user}`, argv: [{ text: 'sh', dynamic: false }] };
};

/** `sg GROUP -c CMD` / `sg GROUP CMD`: CMD runs through sh with GROUP as the group. */
const sg: Peeler = (args) => {
  const rest = args.slice(1);
  if (!args[0] || rest.length === 0) return { label: 'sg', argv: [] };
  const script = rest[0].text === '-c' ? rest[1] : joinFields(rest);
  return script ? { label: `sg ${args[0].text}`, argv: [], script } : { label: 'sg', argv: [] };
};

/** program name → peeler. A peeler returning undefined means "not used as a wrapper here". */
/**
 * `agentfw run [options] -- AGENT ARGS`: a nested session runs AGENT ARGS under its own
 * approval policy. The label keeps the options that settle asks without this session's
 * human (`--on-ask allow`, `--approver CMD`), so the shell extractor can flag them.
 */
const agentfwRun: Peeler = (args) => {
  if (args[0]?.text !== 'run' || args[0].dynamic) return undefined;
  const rest = args.slice(1);
  const p = getopt(rest, { long: ['on-ask', 'audit', 'ruleset', 'approval-timeout', 'approver'] });
  const onAsk = p.opts.get('on-ask');
  const self = [
    ...(onAsk !== undefined && onAsk !== 'deny' ? [`--on-ask ${onAsk}`] : []),
    ...(p.opts.has('approver') ? ['--approver'] : []),
    // fail closed: an option value not known statically may be either of the above.
    ...(p.dynamic ? ['--on-ask ?'] : []),
  ];
  return { label: ['agentfw run', ...self].join(' '), argv: rest.slice(p.index) };
};

/** Wrappers that run their argument command (sudo, env, nice, timeout …) → their peelers. */
export const WRAPPERS: Record<string, Peeler> = {
  agentfw: agentfwRun,
  sudo,
  // sudo-rs: sudo rewritten in Rust, the same options
  'sudo-rs': sudo,
  ...ELEVATORS,
  // `pkexec [--user U] CMD`: CMD as root (or U) through polkit
  pkexec: simple('pkexec', '', ['user']),
  run0: simple('run0', 'uDgM', [
    'user',
    'chdir',
    'group',
    'machine',
    'description',
    'property',
    'setenv',
    'nice',
    'slice',
    'unit',
  ]),
  env,
  command: commandBuiltin,
  exec: simple('exec', 'a'),
  builtin: simple('builtin'),
  nohup: simple('nohup'),
  nice: simple('nice', 'n', ['adjustment'], true),
  time: simple('time', 'fo', ['format', 'output']),
  ...PROCESS_WRAPPERS,
  stdbuf: simple('stdbuf', 'ioe', ['input', 'output', 'error']),
  setsid: simple('setsid'),
  ...DETACHERS,
  unbuffer: simple('unbuffer'),
  runuser: (args) => {
    const p = getopt(args, {
      short: 'ugGcsw',
      long: ['user', 'group', 'supp-group', 'command', 'shell', 'whitelist-environment', 'session-command'],
    });
    const c = p.opts.get('c') ?? p.opts.get('command');
    if (c !== undefined) return { label: 'runuser', argv: [], script: { text: c, dynamic: p.dynamic } };
    return p.opts.has('u') || p.opts.has('user') ? { label: 'runuser', argv: args.slice(p.index) } : su(args);
  },
  su,
  sg,
  ...RECORDERS,
  caffeinate: simple('caffeinate', 'tw'),
  linux32: simple('linux32'),
  linux64: simple('linux64'),
  proxychains: simple('proxychains', 'f'),
  proxychains4: simple('proxychains4', 'f'),
  torsocks: simple('torsocks'),
  vim: vimPeeler,
  nvim: vimPeeler,
  vi: vimPeeler,
  ex: vimPeeler,
  view: vimPeeler,
  tmux,
  screen,
  'systemd-run': systemdRun,
  cmake: cmakeCommandMode,
  // SageMath: Python, or one of its bundled tools (front-ends.ts)
  sage,
  ...TRACERS,
  ...RUNNERS,
  ...MONOREPO_RUNNERS,
  ...LAUNCHERS,
  ...DEV_ENVS,
  ...TOOL_ENVS,
  ...PY_TOOL_RUNNERS,
  ...MULTI_REPO,
  ...DOTFILES,
  ...CMD_EXE,
};

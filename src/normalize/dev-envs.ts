/**
 * Development environments entered to run one command, read as wrappers (wrappers.ts). They
 * run it on this machine, with this user's home (distrobox and toolbox share it with the
 * host), so what it names is read as local:
 * - `distrobox enter [opts] [NAME] -- CMD…` (also `distrobox-enter`, and `ephemeral`);
 * - `toolbox run [-c NAME] [-d DISTRO] [-r RELEASE] CMD…`;
 * - `nix-shell … --run|--command 'CMD'` (a shell command string), `nix develop|shell …
 *   -c|--command CMD…`, `nix run INSTALLABLE [--] ARGS…` (the flake's program, named as nix
 *   names it, with ARGS);
 * - `devbox run [opts] [--] CMD…`, `conda|mamba|micromamba run [-n ENV] [--cwd DIR] CMD…`,
 *   `pixi run|exec [opts] CMD…` (a task name in their place is read as a command: harmless).
 * - `wsl [-d DISTRO] [-u USER] [--cd DIR] [--] CMD…` (through the distribution's shell) and
 *   `wsl -e|--exec CMD…`: the distribution's files are read as this machine's (its home is
 *   another home, which the rules treat alike); its administration (`--unregister`,
 *   `--list` …) is no launch, read by src/extract/fs-volumes.ts.
 * Without a command each of them starts an interactive shell, which runs nothing here.
 * Each reads only its own argv.
 */
import { joinFields } from './fields.js';
import { getopt } from './options.js';
import type { Field } from './state.js';
import type { Peel, Peeler } from './wrappers.js';

/** The words after the first `--` (undefined = none). */
function afterDashes(args: Field[]): Field[] | undefined {
  const i = args.findIndex((f) => f.text === '--');
  return i >= 0 ? args.slice(i + 1) : undefined;
}

/** `distrobox enter|ephemeral [opts] [NAME] [-- CMD…]`, `distrobox-enter …`. */
function distroboxEnter(label: string, args: Field[]): Peel {
  const dashed = afterDashes(args);
  const head = dashed ? args.slice(0, args.length - dashed.length - 1) : args;
  const p = getopt(head, {
    short: 'nai',
    long: ['name', 'additional-flags', 'image', 'init-hooks', 'pre-init-hooks', 'additional-packages'],
  });
  if (p.opts.has('d') || p.opts.has('dry-run')) return { label, argv: [] };
  // `-e CMD…` / `--exec CMD…` (older releases): the rest of the line is the command.
  const exec = head.findIndex((f) => f.text === '-e' || f.text === '--exec');
  if (!dashed && exec >= 0) return { label, argv: head.slice(exec + 1) };
  if (dashed) return { label, argv: dashed };
  // without `--`: the words after the container's name
  const named = p.opts.has('n') || p.opts.has('name');
  return { label, argv: head.slice(p.index + (named ? 0 : 1)) };
}

const distrobox: Peeler = (args) => {
  const sub = args[0];
  if (!sub || sub.dynamic || !/^(enter|ephemeral)$/.test(sub.text)) return undefined;
  return distroboxEnter(`distrobox ${sub.text}`, args.slice(1));
};

/** `toolbox [-v|-y|--log-level L] run [-c NAME] [-d DISTRO] [-r RELEASE] CMD…`. */
const toolbox: Peeler = (args) => {
  const g = getopt(args, { long: ['log-level'] });
  if (args[g.index]?.text !== 'run') return undefined;
  const rest = args.slice(g.index + 1);
  const p = getopt(rest, { short: 'cdr', long: ['container', 'distro', 'release', 'preserve-fds'] });
  return { label: 'toolbox run', argv: rest.slice(p.index) };
};

/** `nix-shell [opts] --run|--command 'CMD'`: CMD through bash in the environment (the last one given wins). */
const nixShell: Peeler = (args) => {
  let script: Field | undefined;
  args.forEach((f, i) => {
    if ((f.text === '--run' || f.text === '--command') && args[i + 1]) script = args[i + 1];
  });
  return script ? { label: 'nix-shell --run', argv: [], script } : { label: 'nix-shell', argv: [] };
};

/** nix's global options that take a value (`--option NAME VALUE` takes two). */
const NIX_VALUE =
  /^(-I|--include|--store|--log-format|--extra-experimental-features|--experimental-features)$/;

/** `nix run` options that take one value, and those that take two (`--override-input NAME REF`). */
const NIX_RUN_VALUE =
  /^(-I|--include|--store|--eval-store|--inputs-from|--update-input|--reference-lock-file|--output-lock-file|--expr|-f|--file|--profile|--priority|--log-format|--extra-experimental-features|--experimental-features)$/;
const NIX_RUN_TWO = /^(--option|--override-input|--arg|--argstr|--override-flake)$/;

/**
 * The program a flake installable runs, by the name nix gives it: the attribute after `#`
 * (`nixpkgs#hello` → hello, `.#packages.x86_64-linux.db-tool` → db-tool), else the
 * repository or path's last name (`github:nix-community/disko` → disko,
 * `git+https://host/o/tool.git?ref=v1` → tool). '' = not known (`.`, `.#default`).
 */
export function flakeProgram(ref: string): string {
  const [source, attr = ''] = ref.split('#', 2);
  const last = attr.split('.').pop() ?? '';
  if (last && last !== 'default') return last;
  const path = source.replace(/[?].*$/, '').replace(/^[a-z+]+:(\/\/[^/]+)?/, '');
  // github:OWNER/REPO[/REF]: the repository names the tool
  const parts = path.split('/').filter(Boolean);
  const name = /^(github|gitlab|sourcehut):/.test(source) ? (parts[1] ?? '') : (parts.pop() ?? '');
  return name.replace(/\.git$|\.tar(\.\w+)?$|\.zip$/, '').replace(/^\.+$/, '');
}

/**
 * `nix run [opts] INSTALLABLE [--] ARGS…`: the installable's program run with ARGS, read as
 * that program (`nix run github:nix-community/disko -- --mode destroy …` is `disko --mode
 * destroy …`); with no installable, or one whose program is not known, nothing is read here.
 */
function nixRun(rest: Field[]): Peel {
  const label = 'nix run';
  let i = 0;
  for (; i < rest.length && rest[i].text.startsWith('-') && rest[i].text !== '--'; i++) {
    if (NIX_RUN_TWO.test(rest[i].text)) i += 2;
    else if (NIX_RUN_VALUE.test(rest[i].text)) i++;
  }
  const installable = rest[i];
  if (!installable || installable.text === '--') return { label, argv: [] };
  // fail closed: an installable not known statically runs unknown code
  if (installable.dynamic) return { label, argv: rest.slice(i) };
  const program = flakeProgram(installable.text);
  if (!program) return { label, argv: [] };
  const args = rest.slice(i + 1);
  const dash = args.findIndex((f) => f.text === '--');
  return {
    label: `${label} ${installable.text}`,
    argv: [
      { text: program, dynamic: false },
      ...(dash >= 0 ? [...args.slice(0, dash), ...args.slice(dash + 1)] : args),
    ],
  };
}

/** `nix [globals] develop|shell [installables] [opts] -c|--command CMD…`, `nix run …`; other nix commands are not launches. */
const nix: Peeler = (args) => {
  let sub = 0;
  for (; sub < args.length && args[sub].text.startsWith('-'); sub++) {
    if (args[sub].text === '--option') sub += 2;
    else if (NIX_VALUE.test(args[sub].text)) sub++;
  }
  if (args[sub]?.text === 'run') return nixRun(args.slice(sub + 1));
  if (!args[sub] || !/^(develop|shell)$/.test(args[sub].text)) return undefined;
  const rest = args.slice(sub + 1);
  const c = rest.findIndex((f) => f.text === '-c' || f.text === '--command');
  return { label: `nix ${args[sub].text}`, argv: c >= 0 ? rest.slice(c + 1) : [] };
};

/** How one tool's `SUB [opts] [--] CMD…` reads. */
export interface RunSpec {
  /** Subcommands that run a command. */
  subs: RegExp;
  /** Short option letters that take a value. */
  short: string;
  /** Long option names that take a value. */
  long: string[];
  /** The option that sets the directory the command runs in; absent = none. */
  cwd?: string;
  /** Options that only print what would run (a dry run); absent = none. */
  dryRun?: string[];
}

/** `TOOL SUB [opts] [--] CMD…` for the subcommands of `spec` (also used by tool-envs.ts). */
export const subcommandRun =
  (tool: string, spec: RunSpec): Peeler =>
  (args) => {
    const sub = args[0];
    if (!sub || sub.dynamic || !spec.subs.test(sub.text)) return undefined;
    const label = `${tool} ${sub.text}`;
    const p = getopt(args.slice(1), { short: spec.short, long: spec.long });
    if (spec.dryRun?.some((o) => p.opts.has(o))) return { label, argv: [] };
    const dir = spec.cwd ? p.opts.get(spec.cwd) : undefined;
    return {
      label,
      argv: args.slice(1 + p.index),
      ...(dir !== undefined ? { cwd: { text: dir, dynamic: p.dynamic } } : {}),
    };
  };

/** `wsl [opts] [--] CMD…`: the options that take a value before the command. */
const WSL_VALUE = /^(-d|--distribution|-u|--user|--cd|--distribution-id|--shell-type)$/;

const wsl: Peeler = (args) => {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (args[i].dynamic) return undefined;
    if (t === '-e' || t === '--exec') return { label: 'wsl -e', argv: args.slice(i + 1) };
    if (t === '--' || !t.startsWith('-')) {
      const cmd = args.slice(t === '--' ? i + 1 : i);
      return cmd.length ? { label: 'wsl', argv: [], script: joinFields(cmd) } : { label: 'wsl', argv: [] };
    }
    if (WSL_VALUE.test(t)) i++;
    // an administration option (`--unregister NAME`, `--list`): no command runs
    else return undefined;
  }
  return { label: 'wsl', argv: [] };
};

const condaRun = (tool: string) =>
  subcommandRun(tool, {
    subs: /^run$/,
    short: 'np',
    long: ['name', 'prefix', 'cwd', 'root-prefix'],
    cwd: 'cwd',
  });

/** Development-environment launchers → their peelers (the command they run inside the environment). */
export const DEV_ENVS: Record<string, Peeler> = {
  distrobox,
  'distrobox-enter': (args) => distroboxEnter('distrobox-enter', args),
  'distrobox-ephemeral': (args) => distroboxEnter('distrobox-ephemeral', args),
  toolbox,
  'nix-shell': nixShell,
  nix,
  devbox: subcommandRun('devbox', {
    subs: /^run$/,
    short: 'ce',
    long: ['config', 'env', 'env-file', 'environment'],
  }),
  conda: condaRun('conda'),
  mamba: condaRun('mamba'),
  micromamba: condaRun('micromamba'),
  wsl,
  'wsl.exe': wsl,
  pixi: subcommandRun('pixi', {
    subs: /^(run|exec)$/,
    short: 'esc',
    long: ['manifest-path', 'environment', 'spec', 'channel', 'platform'],
    dryRun: ['n', 'dry-run'],
  }),
};

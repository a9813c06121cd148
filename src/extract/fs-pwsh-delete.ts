/**
 * PowerShell's deleting and emptying cmdlets typed on the command line (inside `pwsh -c` the
 * normalizer reads Remove-Item itself, src/normalize/pwsh.ts): `Remove-Item` and its aliases
 * (`ri`, and `rm|del|erase|rd|rmdir` given PowerShell parameters such as `-Recurse`) delete
 * what `-Path`/`-LiteralPath` or the positional words name (recursive with `-Recurse`, forced
 * with `-Force`); `Clear-Content` (`clc`) and `Clear-Item` empty the files they name (op
 * `truncate`). Fed by `Get-ChildItem PATH [-Recurse] |` (`gci`, `dir`, `ls`, `Get-Item`), they
 * act on what is listed below PATH; fed by anything else, on names not known here (fail
 * closed: `unknown`). `-WhatIf` only shows.
 *
 * Targets are Windows paths judged by windowsTarget (fs-windows.ts: a drive's root, Windows'
 * own folders, profiles, any other drive folder outside the workspace), after the PowerShell
 * spellings bash leaves alone are read: `$env:TEMP\x` and `${env:TEMP}` as `%TEMP%\x` (temp
 * space; `$env:USERPROFILE\…` a home's folder), `~\x` (which bash does not expand) as a
 * folder of the home, `..\x` (`..x` once bash dropped the backslash) as the parent's, and
 * registry keys (`HKLM:\…`, `HKCU:\…`) as outside the workspace, and provider paths
 * (src/normalize/pwsh-providers.ts): `FileSystem::P` as P, the machine's stores (`Cert:\…`)
 * outside the workspace, the session's own state (`Env:\X`) as no file, any other provider
 * unknown. Reads the words only.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { windowsTarget } from './fs-windows.js';
import { providerPath } from '../normalize/pwsh-providers.js';

/** Parameters of these cmdlets that take no value (any prefix PowerShell accepts). */
const SWITCHES = [
  'recurse',
  'force',
  'whatif',
  'confirm',
  'verbose',
  'debug',
  'file',
  'directory',
  'hidden',
  'readonly',
  'system',
  'name',
  'followsymlink',
  'asstring',
];
/** PowerShell parameter names (or their prefixes) that mark `rm`/`del`/`rd` as the cmdlet's alias. */
const PWSH_PARAM = /^-(rec\w*|forc\w*|pat\w*|literalpath|lp|whatif|confirm(:.*)?|incl\w*|excl\w*|filt\w*)$/i;

/** True when an argv uses PowerShell's parameters (`rm -Recurse -Force X`): Remove-Item's alias. */
export function pwshStyle(argv: string[]): boolean {
  return argv.some((a, i) => i > 0 && PWSH_PARAM.test(a) && a.length > 2);
}

/**
 * argv with the words bash joined at a backslash before a space split again: `-Path C:\
 * -Force` reaches us as `C: -Force` (the backslash escaped the space), read as `C:\` and
 * `-Force`.
 */
export function unjoined(argv: string[]): string[] {
  // nothing joined without a space (a new array all the same: callers may change it)
  if (!argv.some((a) => a.includes(' '))) return argv.slice();
  return argv.flatMap((a) => {
    const m = /^(\S*) (-[a-z]\w*)$/i.exec(a);
    return m ? [`${m[1]}\\`, m[2]] : [a];
  });
}

/** A word's index and text. */
interface Arg {
  i: number;
  text: string;
}

/** A cmdlet's parameters: named (lower case → its value word; text '' for a switch) and the positional words. */
function params(words: string[]): { named: Map<string, Arg>; pos: Arg[] } {
  // each word of the split argv with the index of the word it came from
  const argv: Arg[] = words.flatMap((w, i) => unjoined([w]).map((text) => ({ i, text })));
  const named = new Map<string, Arg>();
  const pos: Arg[] = [];
  for (let n = 1; n < argv.length; n++) {
    const m = /^-([a-z][\w]*)(?::(.*))?$/i.exec(argv[n].text);
    if (!m) {
      pos.push(argv[n]);
      continue;
    }
    const name = m[1].toLowerCase();
    // `-f`, `-r`: any prefix of a switch (`-fo` Force, `-r` Recurse) takes no value
    const isSwitch = SWITCHES.some((s) => s.startsWith(name));
    if (m[2] !== undefined) named.set(name, { i: argv[n].i, text: m[2] });
    else if (isSwitch || n + 1 >= argv.length) named.set(name, { i: argv[n].i, text: '' });
    else named.set(name, argv[++n]);
  }
  return { named, pos };
}

/** The named parameter one of whose full names starts with it (`-rec` → recurse); undefined = absent. */
function param(named: Map<string, Arg>, ...full: string[]): Arg | undefined {
  for (const [k, v] of named) if (full.some((f) => f.startsWith(k))) return v;
  return undefined;
}

/** `-WhatIf`, `-WhatIf:$true`: nothing is done. */
const whatIf = (named: Map<string, Arg>) => {
  const v = param(named, 'whatif');
  return v !== undefined && !/^\$?false$/i.test(v.text);
};

/** Environment variables' names as PowerShell writes them (`$env:TEMP`), longest first. */
const ENV_NAMES = [
  'programfiles(x86)',
  'allusersprofile',
  'localappdata',
  'programfiles',
  'userprofile',
  'programdata',
  'systemdrive',
  'systemroot',
  'homepath',
  'appdata',
  'windir',
  'temp',
  'tmp',
];

/** The name in `$env:NAME…` or `${env:NAME}…` and what follows; undefined = not that form. */
function envPath(word: string): string | undefined {
  const braced = /^\$\{env:([^}]+)\}(.*)$/is.exec(word);
  if (braced) return `%${braced[1]}%${braced[2]}`;
  const m = /^\$env:(.*)$/is.exec(word);
  if (!m) return undefined;
  const rest = m[1];
  for (const name of ENV_NAMES) {
    if (!rest.toLowerCase().startsWith(name)) continue;
    const after = rest.slice(name.length);
    // `$env:TEMP\x`, or `$env:TEMPx` once bash dropped the backslash (a longer upper-case
    // name such as `$env:TEMPLATE_DIR` is another variable: not read as TEMP)
    if (after === '' || /^[\\/]/.test(after)) return `%${name}%${after}`;
    if (!/[\\/]/.test(after) && /^[a-z0-9.-]/.test(after)) return `%${name}%\\${after}`;
  }
  // fail closed: another variable may name any folder
  return '%(unknown)%';
}

/** Registry drives and paths (`HKLM:\…`, `Registry::HKEY_…`): keys outside the workspace. */
const REGISTRY = /^(hk(lm|cu|cr|u|cc):|registry::)/i;

/** A Windows path operand of a PowerShell cmdlet, classified (see the header). */
export function pwshTarget(
  raw: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  dynamic: boolean,
): FsTarget {
  const glob = /[*?]/.test(raw);
  const env = envPath(raw);
  if (env !== undefined) return windowsTarget(env, cmd, ctx, false);
  if (REGISTRY.test(raw)) return { raw, path: raw, class: 'outside-workspace', glob };
  // fail closed: a word the normalizer could not resolve may name anything
  if (dynamic) return { raw, path: '', class: 'unknown', glob };
  const pv = providerPath(raw);
  // `FileSystem::C:\Users`: the path after the provider; a store of the machine (Cert:) is
  // outside the workspace; the session's own state (Env:) is no file
  if (pv?.provider === 'filesystem') return { ...pwshTarget(pv.path, cmd, ctx, false), raw };
  if (pv?.provider === 'host') return { raw, path: raw, class: 'outside-workspace', glob };
  // fail closed: a provider or drive not known here may be anything but the workspace
  if (pv) return { raw, path: '', class: 'unknown', glob };
  // `~\x` (not expanded by bash) is below the home
  if (/^~[^/]/.test(raw)) return { raw, path: raw, class: 'outside-workspace', glob };
  // `..\x` that lost its backslash (`..x`) is the parent's `x`
  const up = /^\.\.([^./\\].*)$/s.exec(raw);
  if (up) return windowsTarget(`../${up[1]}`, cmd, ctx);
  return windowsTarget(raw, cmd, ctx);
}

/** Listing cmdlets whose output a deleting cmdlet takes from the pipe. */
const LISTS = /^(get-childitem|gci|dir|ls|get-item|gi)$/i;

/** The path words of a command's own parameters (`-Path`, `-LiteralPath`, positional; `a, b` lists). */
function pathWords(cmd: NormalizedCommand, p: ReturnType<typeof params>): Arg[] {
  const given = param(p.named, 'path', 'literalpath', 'lp', 'pspath');
  const words: Arg[] = given !== undefined ? [given] : [];
  words.push(...p.pos);
  return words.flatMap(({ i, text }) =>
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => ({ i, text: t })),
  );
}

/** Whether a path word names the session's own state (`Env:\X`, `Variable:\x`), not a file. */
const isSession = (a: Arg, cmd: NormalizedCommand) =>
  !cmd.dynamicArgs.includes(a.i) && providerPath(a.text)?.provider === 'session';

/** True when every path the command names is the session's own state: nothing on disk or in the host changes. */
function sessionOnly(cmd: NormalizedCommand, p: ReturnType<typeof params>): boolean {
  const words = pathWords(cmd, p);
  return words.length > 0 && words.every((a) => isSession(a, cmd));
}

/** The paths a command's own words name (the session's own state left out). */
function named(cmd: NormalizedCommand, ctx: AnalyzeContext, p: ReturnType<typeof params>): FsTarget[] {
  return pathWords(cmd, p)
    .filter((a) => !isSession(a, cmd))
    .map(({ i, text }) => pwshTarget(text, cmd, ctx, cmd.dynamicArgs.includes(i)));
}

/** What the command acts on, and whether the listing feeding it recursed. */
function targetsOf(cmd: NormalizedCommand, ctx: AnalyzeContext): { targets: FsTarget[]; deep: boolean } {
  const p = params(cmd.argv);
  const own = named(cmd, ctx, p);
  if (own.length || cmd.stdin?.kind !== 'pipe') {
    // fail closed: no path and no pipe: PowerShell asks for one, which may name anything
    return {
      targets: own.length ? own : [{ raw: '(no path)', path: '', class: 'unknown', glob: false }],
      deep: false,
    };
  }
  const from = cmd.stdin.from;
  if (!from || !LISTS.test(from.program)) {
    // fail closed: names piped from another command are not known here
    return { targets: [{ raw: '(pipeline input)', path: '', class: 'unknown', glob: false }], deep: false };
  }
  const lp = params(from.argv);
  const listed = named(from, ctx, lp);
  const roots = listed.length ? listed : [windowsTarget('.', from, ctx)];
  const deep = param(lp.named, 'recurse') !== undefined;
  // what is listed is below each root: its contents, not the folder itself (a drive's
  // contents are the whole drive)
  const below = roots.map((t) =>
    t.class === 'unknown' || t.class === 'root'
      ? t
      : { ...pwshTarget(`${t.raw.replace(/[\\/]+$/, '')}\\*`, from, ctx, false), raw: t.raw },
  );
  return { targets: below, deep };
}

/** `Remove-Item [-Path] P… [-Recurse] [-Force]`, or fed by Get-ChildItem. */
export const removeItem: FsHandler = (cmd, ctx) => {
  const p = params(cmd.argv);
  if (whatIf(p.named) || sessionOnly(cmd, p)) return [];
  const { targets, deep } = targetsOf(cmd, ctx);
  const recursive = deep || param(p.named, 'recurse') !== undefined;
  return fsFact(cmd, 'delete', targets, recursive, param(p.named, 'force') !== undefined);
};

/** `Clear-Content [-Path] P…` / `Clear-Item`: the files emptied. */
const clearContent: FsHandler = (cmd, ctx) => {
  const p = params(cmd.argv);
  if (whatIf(p.named) || sessionOnly(cmd, p)) return [];
  const { targets, deep } = targetsOf(cmd, ctx);
  return fsFact(cmd, 'truncate', targets, deep, param(p.named, 'force') !== undefined);
};

/** The cmdlets by lower-case name; `rm|del|erase|rd|rmdir` come here only with PowerShell parameters. */
export const PWSH_DELETE_HANDLERS: Record<string, FsHandler> = {
  'remove-item': removeItem,
  ri: removeItem,
  'clear-content': clearContent,
  clc: clearContent,
  'clear-item': clearContent,
};

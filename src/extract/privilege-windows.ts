/**
 * Programs set to run as Windows' SYSTEM account, which is above any administrator: PsExec's
 * `-s` (`psexec -s -i cmd.exe` opens a SYSTEM shell, verb `root-shell`; any other program run
 * so is `grant-admin`), a service created or reconfigured to run as LocalSystem (`sc create
 * NAME binPath= EXE [obj= LocalSystem]`: LocalSystem is the default when obj= is not given)
 * and a scheduled task created to run as SYSTEM (`schtasks /create … /ru SYSTEM`). Reads the
 * words only; each finding is [verb, the words that say so].
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** Names of the SYSTEM account (`NT AUTHORITY\SYSTEM`, `LocalSystem`, `.\LocalSystem`, `S-1-5-18`). */
const SYSTEM = /^((nt authority|\.)?[\\/]?)?(system|localsystem)$|^s-1-5-18$/i;

/** Shells whose interactive run under PsExec is a SYSTEM shell. */
const SHELL = /^(cmd|powershell|pwsh|bash|wsl)(\.exe)?$/i;

/** `psexec [\\host] -s [-i] PROGRAM …`: PROGRAM runs as SYSTEM. */
function psexec(argv: string[]): Finding | undefined {
  if (!argv.some((a) => /^-s$/i.test(a))) return undefined;
  let prog = '';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('\\\\') || a.startsWith('//')) continue;
    if (a.startsWith('-')) {
      if (/^-(u|p|w|n|r|g|a)$/i.test(a)) i++;
      continue;
    }
    prog = a;
    break;
  }
  const said = `psexec -s ${prog}`.trim();
  return SHELL.test(prog.split(/[\\/]/).pop() ?? '') || prog === ''
    ? ['root-shell', `${said}: a shell as SYSTEM`]
    : ['grant-admin', `${said}: runs as SYSTEM`];
}

/** sc.exe's `key= value` (or `key=value`) pairs, keys lower case. */
function scPairs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 1; i < argv.length; i++) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(argv[i]);
    if (!m) continue;
    const value = m[2] !== '' ? m[2] : (argv[++i] ?? '');
    out.set(m[1].toLowerCase(), value);
  }
  return out;
}

/** `sc [\\host] create|config NAME binPath= EXE [obj= ACCOUNT]`: EXE runs as the account. */
function sc(argv: string[]): Finding | undefined {
  const words = argv.slice(1).filter((a) => !a.startsWith('\\\\'));
  const verb = (words[0] ?? '').toLowerCase();
  if (verb !== 'create' && verb !== 'config') return undefined;
  const pairs = scPairs(argv);
  const bin = pairs.get('binpath');
  const obj = pairs.get('obj');
  // `sc config NAME start= auto` changes no account; create runs as LocalSystem unless told otherwise
  const asSystem = obj !== undefined ? SYSTEM.test(obj) : verb === 'create';
  if (!asSystem || (verb === 'config' && obj === undefined)) return undefined;
  return ['grant-admin', `sc ${verb} ${words[1] ?? ''}: ${bin ?? 'its program'} runs as LocalSystem`];
}

/** `schtasks /create … /ru SYSTEM`: the task's program runs as SYSTEM. */
function schtasks(argv: string[]): Finding | undefined {
  const lower = argv.map((a) => a.toLowerCase());
  if (!lower.includes('/create') && !lower.includes('/change')) return undefined;
  const ru = lower.findIndex((a) => a === '/ru');
  if (ru < 0 || !SYSTEM.test(argv[ru + 1] ?? '')) return undefined;
  const tr = lower.indexOf('/tr');
  return [
    'grant-admin',
    `schtasks /ru ${argv[ru + 1]}: ${tr > 0 ? argv[tr + 1] : 'the task'} runs as SYSTEM`,
  ];
}

/** What `cmd` sets to run as SYSTEM (see the header), as a finding; undefined = none. */
export function systemRun(cmd: NormalizedCommand): Finding | undefined {
  const name = cmd.program.toLowerCase();
  if (/^psexec(64)?$/.test(name)) return psexec(cmd.argv);
  if (name === 'sc') return sc(cmd.argv);
  return name === 'schtasks' ? schtasks(cmd.argv) : undefined;
}

/**
 * Secrets handed to code fetched from the network: a pipeline engine that runs a module or
 * target named by a remote reference, with secret arguments it reads on this machine.
 * - Dagger: `dagger [-m|--mod REF] call FN… --ARG env:NAME|env://NAME|file:PATH|cmd:CMD|op://…|
 *   vault://…|libsecret://…` (`-m` also after `call`; `DAGGER_MODULE` when no `-m`; the words of
 *   a `-c` script of dagger's shell too): the module's
 *   code receives the secret's value. A module in the workspace (`.`, `./ci`, no `-m`) is the
 *   project's own code: not read.
 * - Earthly: `earthly [--secret NAME[=V]|-s …] [--secret-file NAME=PATH] HOST/PATH+TARGET`: a
 *   remote target (`github.com/org/repo+build`) gets the secrets; `+target` and `./dir+target`
 *   are local.
 * A reference is remote when its first component names a host (`github.com/…`, `git@…`,
 * `https://…`); fail closed: one only known at run time (`-m "$MOD"`) counts as remote.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { SecretSource } from './exfil-sources.js';

/** One secret handed to remote code. */
export interface ModuleSend {
  /** What the secret is read from: a variable, a file, or a command or secret store. */
  source: SecretSource;
  /** The host the module or target is fetched from. */
  host: string;
  /** `dagger call`, `earthly`. */
  sink: string;
  /** How the evidence names the secret (`env:GITHUB_TOKEN`). */
  what: string;
}

/** A module or target reference's host; '' = a local path (see the header). */
export function remoteHost(ref: string): string {
  if (/\$|`/.test(ref)) return '(set at run time)';
  const url = /^(?:[a-z][\w+.-]*:\/\/)(?:[^@/]*@)?([^/:]+)/i.exec(ref);
  if (url) return url[1].toLowerCase();
  const scp = /^[\w.-]+@([\w.-]+):/.exec(ref);
  if (scp) return scp[1].toLowerCase();
  const first = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?\//i.exec(ref);
  return first && !/^\.|^[\w-]+\.(js|ts|go|py)$/i.test(first[1]) ? first[1].toLowerCase() : '';
}

/** Dagger's secret providers → what the secret is read from. */
function daggerSecret(value: string): SecretSource | undefined {
  if (/^env:(\/\/)?[A-Za-z_]/.test(value)) return 'env-var';
  if (/^file:(\/\/)?./.test(value)) return 'credential-file';
  if (/^(cmd:|op:\/\/|vault:\/\/|libsecret:\/\/)./.test(value)) return 'credential-store';
  return undefined;
}

/** dagger's global and `call` options that take the next word. */
const DAGGER_VALUED = /^(-m|--mod|--progress|-o|--output|--interactive-command|-W|--workdir|--model)$/;

function dagger(cmd: NormalizedCommand): ModuleSend[] {
  // `dagger [-m REF] -c 'FN --ARG env:X'` and `dagger shell -c …`: the script's words are read too
  const c = cmd.argv.findIndex((w) => w === '-c' || w === '--command');
  const script =
    c > 0 ? (cmd.argv[c + 1] ?? '').split(/[\s|;]+/).map((w) => w.replace(/^['"]|['"]$/g, '')) : [];
  const a = [...cmd.argv, ...script];
  if (!a.includes('call') && !script.length) return [];
  let mod = cmd.vars?.DAGGER_MODULE ?? '';
  const secrets: [SecretSource, string][] = [];
  for (let i = 1; i < a.length; i++) {
    const [opt, inline] = a[i].startsWith('--') ? a[i].split(/=(.*)/s, 2) : [a[i], undefined];
    if (opt === '-m' || opt === '--mod') mod = inline ?? a[++i] ?? '';
    else if (/^--?[\w-]+$/.test(opt)) {
      const value = inline ?? (DAGGER_VALUED.test(opt) ? a[++i] : a[i + 1]) ?? '';
      const s = daggerSecret(value);
      if (s) secrets.push([s, value]);
    }
  }
  // dagger's shell loads a module named as the first word of a pipeline stage (`github.com/x/y | fn …`)
  const stages =
    c > 0 ? (cmd.argv[c + 1] ?? '').split(/[|;\n]/).map((t) => t.trim().split(/\s+/)[0] ?? '') : [];
  const host = [mod, ...stages].map((m) => (m ? remoteHost(m) : '')).find(Boolean) ?? '';
  if (!host) return [];
  return secrets.map(([source, what]) => ({ source, host, sink: 'dagger call', what }));
}

/** earthly's options that take the next word. */
const EARTHLY_VALUED =
  /^(-s|--secret|--secret-file|--build-arg|--platform|--org|--project|--satellite|--sat|--config|--buildkit-host|--remote-cache|--output|--artifact|--image|--ssh-auth-sock|--buildkit-image|--cache-from)$/;

function earthly(cmd: NormalizedCommand): ModuleSend[] {
  const a = cmd.argv;
  const secrets: [SecretSource, string][] = [];
  let target = '';
  for (let i = 1; i < a.length; i++) {
    const [opt, inline] = a[i].startsWith('--') ? a[i].split(/=(.*)/s, 2) : [a[i], undefined];
    if (EARTHLY_VALUED.test(opt)) {
      const v = inline ?? a[++i] ?? '';
      if (opt === '-s' || opt === '--secret') secrets.push(['env-var', v.split('=')[0]]);
      if (opt === '--secret-file') secrets.push(['credential-file', v]);
    } else if (!a[i].startsWith('-') && !target) target = a[i];
  }
  // a remote target names its repository before the `+`
  const host = target.includes('+') ? remoteHost(target.slice(0, target.indexOf('+')) + '/') : '';
  if (!host) return [];
  return secrets.map(([source, what]) => ({ source, host, sink: 'earthly', what }));
}

/** The secrets `cmd` hands to remote code; empty = none. */
export function moduleSends(cmd: NormalizedCommand): ModuleSend[] {
  if (cmd.program === 'dagger') return dagger(cmd);
  if (cmd.program === 'earthly') return earthly(cmd);
  return [];
}

/**
 * SSH port forwards that let others through this connection:
 * - a remote forward (`ssh -R [bind:]PORT:HOST:HOSTPORT`, `-R [bind:]PORT` for a remote SOCKS
 *   proxy, or `-o RemoteForward=…`): the remote end listens and forwards into this machine's
 *   network. Exposed when the remote host is a public tunnel service, the remote bind is not
 *   loopback (`0.0.0.0`, `*`, an empty host, an interface address), or what is forwarded is a
 *   service port;
 * - a local or dynamic forward (`-L [bind:]PORT:HOST:HOSTPORT`, `-D [bind:]PORT`, or
 *   `-o LocalForward|DynamicForward=…`) bound beyond loopback: whoever reaches this machine
 *   reaches the far side's network through it (`-D 0.0.0.0:1080` is an open SOCKS proxy into
 *   the bastion's network). A forward without a bind address listens on loopback unless `-g`
 *   or `-o GatewayPorts=yes` says every address.
 * Options are read as ssh's getopt does: combined flags (`-NfgD 1080`), a value joined
 * (`-D0.0.0.0:1080`) or as the next word, `-o Key=Value` and `-o 'Key Value'` in any case.
 * Each finding is ['tunnel', the words].
 */
import type { NormalizedCommand } from '../engine/types.js';
import { LOOPBACK } from './exposure-servers.js';
import { hasServicePort } from './exposure-tunnels.js';
import type { Finding } from './word-facts.js';

/** Hosts that give whoever connects through them a public address. */
const PUBLIC_TUNNEL_HOST =
  /(^|\.)(serveo\.net|localhost\.run|pinggy\.io|a\.pinggy\.io|srv\.us|ssh\.localhost\.run|tunnel\.pyjam\.as|bore\.pub|remote\.moe|tuns\.sh|ngrok\.com|lhr\.life|jprq\.io)$/i;

/** ssh's options that take a value (getopt letters); the others are flags. */
const SSH_VALUED = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));

/** What one ssh command line asks to forward, and where it connects. */
interface SshForwards {
  /** `-L` / LocalForward specs as written ('' never). Empty = none. */
  local: string[];
  /** `-D` / DynamicForward specs. Empty = none. */
  dynamic: string[];
  /** `-R` / RemoteForward specs. Empty = none. */
  remote: string[];
  /** True with `-g` or `-o GatewayPorts=yes`: local forwards without a bind listen on every address. */
  gateway: boolean;
  /** The host connected to, without the user ('' = none seen). */
  host: string;
}

/** `-o` options that forward, by lower-case name → the list they add to. */
const FORWARD_OPTS: Record<string, 'local' | 'dynamic' | 'remote'> = {
  localforward: 'local',
  dynamicforward: 'dynamic',
  remoteforward: 'remote',
};

/** The forwards of an `ssh`/`autossh` argv (see the header); undefined = another program. */
export function sshForwards(cmd: NormalizedCommand): SshForwards | undefined {
  if (cmd.program !== 'ssh' && cmd.program !== 'autossh') return undefined;
  const a = cmd.argv;
  const out: SshForwards = { local: [], dynamic: [], remote: [], gateway: false, host: '' };
  const option = (letter: string, value: string) => {
    if (letter === 'L') out.local.push(value);
    else if (letter === 'D') out.dynamic.push(value);
    else if (letter === 'R') out.remote.push(value);
    else if (letter === 'o') {
      const m = /^\s*(\w+)\s*(?:=\s*|\s+)(.*)$/.exec(value);
      if (!m) return;
      const key = m[1].toLowerCase();
      // `LocalForward 8080 db:5432` names the listener and the target apart: one spec
      const spec = m[2].trim().replace(/\s+/, ':');
      if (key === 'gatewayports') out.gateway = /^(yes|true)$/i.test(m[2].trim());
      else if (Object.hasOwn(FORWARD_OPTS, key)) out[FORWARD_OPTS[key]].push(spec);
    }
  };
  for (let i = 1; i < a.length; i++) {
    const w = a[i];
    if (w === '--') {
      out.host ||= (a[i + 1] ?? '').replace(/^[^@]*@/, '');
      break;
    }
    if (!w.startsWith('-') || w === '-') {
      if (out.host) break; // the rest is the remote command
      out.host = w.replace(/^[^@]*@/, '').replace(/^ssh:\/\//, '');
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const letter = w[j];
      // autossh's own -M PORT is valued too
      if (SSH_VALUED.has(letter) || (cmd.program === 'autossh' && letter === 'M')) {
        const value = j + 1 < w.length ? w.slice(j + 1) : (a[++i] ?? '');
        option(letter, value);
        break;
      }
      if (letter === 'g') out.gateway = true;
    }
  }
  return out;
}

/**
 * The parts of a forward spec split on `:` outside brackets (`[::]:9200:h:9200` → `[::]`,
 * `9200`, `h`, `9200`; `:1080` → '', `1080`).
 */
function parts(spec: string): string[] {
  const out = [''];
  let depth = 0;
  for (const ch of spec) {
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ':' && depth === 0) out.push('');
    else out[out.length - 1] += ch;
  }
  return out;
}

/** True when a bind address reaches beyond this machine (`*`, '' and `0.0.0.0` are every address). */
const beyond = (bind: string) => !LOOPBACK.test(bind.replace(/^\[|\]$/g, ''));

/**
 * The bind address of a forward spec, undefined when it names none (`1080`, `8080:db:5432`,
 * a socket path). `-L`/`-R`: `[bind:]port:host:hostport` or `[bind:]port:socket`; `-D` and a
 * remote SOCKS `-R`: `[bind:]port`.
 */
function bindOf(spec: string, kind: 'local' | 'dynamic' | 'remote'): string | undefined {
  if (spec.startsWith('/')) return undefined; // a socket listens on a path
  const p = parts(spec);
  if (kind === 'dynamic' || (kind === 'remote' && p.length === 2 && !p[1].startsWith('/')))
    return p.length >= 2 ? p[0] : undefined;
  if (p.length >= 4) return p[0];
  // `bind:port:/socket` vs `port:host:hostport`
  if (p.length === 3 && p[2].startsWith('/') && !/^\d+$/.test(p[0])) return p[0];
  return undefined;
}

/** What an ssh command's forwards open to others, as [kind, words]; empty = none. */
export function sshExposures(cmd: NormalizedCommand): Finding[] {
  const f = sshForwards(cmd);
  if (!f) return [];
  const out: Finding[] = [];
  for (const spec of f.remote) {
    const p = parts(spec);
    const bind = bindOf(spec, 'remote');
    const forwarded = p.length >= 3 ? p[p.length - 1] : '';
    if (PUBLIC_TUNNEL_HOST.test(f.host) || (bind !== undefined && beyond(bind)) || hasServicePort(forwarded))
      out.push(['tunnel', `ssh -R ${spec} ${f.host}`]);
  }
  for (const kind of ['local', 'dynamic'] as const) {
    const flag = kind === 'local' ? '-L' : '-D';
    for (const spec of f[kind]) {
      const bind = bindOf(spec, kind);
      const open = bind === undefined ? f.gateway : beyond(bind);
      const how = bind === undefined ? ' with GatewayPorts' : '';
      if (open)
        out.push([
          'tunnel',
          `ssh ${flag} ${spec}${how} ${f.host}: ${kind === 'dynamic' ? 'a SOCKS proxy' : 'a forward'} into ${f.host || 'the remote network'} for anyone who reaches this machine`,
        ]);
    }
  }
  return out;
}

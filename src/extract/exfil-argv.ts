/**
 * Programs that send their own arguments to a host they name: a message client (`wscat -c
 * wss://relay.example.net -x MSG`, `websocat`, `mosquitto_pub -h broker.example.net -m MSG`),
 * a query tool (`whois -h 198.51.100.7 QUERY`), any command-line client no other sink reads.
 * The host is what the words name: a URL with a network scheme, or the value of a host
 * option (`-h`, `--host`, `--server`, …) that looks like a host name or an address. Sent is
 * every other word that carries secret material read from a credential file, the
 * environment or a stored credential (`"$(cat .env)"`, `"$(grep TOKEN .env)"`), except the
 * value of an option that is a credential (`-p`, `--password`, `--token`): there the secret is
 * used for its purpose, to log in.
 *
 * Reads the command's words only (and the substitutions left in them, exfil-sources.ts).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { carriesSecret } from '../normalize/credentials.js';
import { TEXT_TOOLS } from './exposure.js';
import { substitutedSecret } from './exfil-sources.js';
import { isLocalHost } from './http-url.js';

/** One host the words name and the words sent to it. */
export interface ArgvSend {
  /** The program, as the sink's name. */
  sink: string;
  /** The host named (lower case). */
  host: string;
  /** argv indices of the words that carry secret material. Empty = none (then no send is reported). */
  dataArgs: number[];
}

/** A URL of a network scheme (`wss://h/ws`, `tcp://h:1883`); not `file:`. */
const URL_HOST = /^(?!file:)[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?(\[[^\]]+\]|[^/:?#\s]+)/i;
/** Options whose value is the host to reach. */
const HOST_OPT = /^(-h|-H|-s|--host|--hostname|--server|--broker|--endpoint|--url|--connect|-c)$/;
/** A host name with a dot, an IPv4 address or a bracketed IPv6 one, with an optional port. */
const HOST_LIKE =
  /^(\[[0-9a-f:]+\]|(\d{1,3}\.){3}\d{1,3}|([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(:\d+)?$/i;
/** Long options whose value is a credential used to log in. */
const CREDENTIAL_OPT = /pass|token|key|secret|auth|cred|user|login|cert|identity|sasl/i;
/** Short options that take a password, a user, a key or an identity file in common clients. */
const CREDENTIAL_SHORT = /^-[pPaukKiwWU]/;

/** The host a word names, through an option before it or as a URL; '' = none. */
function hostOf(argv: string[], i: number): string {
  const w = argv[i];
  const [opt, inline] = w.split(/=(.*)/s, 2);
  const value =
    inline !== undefined && HOST_OPT.test(opt) ? inline : HOST_OPT.test(argv[i - 1] ?? '') ? w : '';
  const url = URL_HOST.exec(inline ?? w)?.[1];
  if (url) return url.replace(/^\[|\]$/g, '').toLowerCase();
  return HOST_LIKE.test(value) ? value.replace(/:\d+$/, '').toLowerCase() : '';
}

/**
 * True when word `i` is a credential given to log in (`-p SECRET`, `-pSECRET`, `--password=…`).
 * A bare `NAME=…` word is not one: a credential file's text expanded in place reads the same.
 */
function credentialWord(argv: string[], i: number): boolean {
  const w = argv[i];
  const prev = argv[i - 1] ?? '';
  const [opt, inline] = w.split(/=(.*)/s, 2);
  if (inline !== undefined && opt.startsWith('--') && CREDENTIAL_OPT.test(opt)) return true;
  if (CREDENTIAL_SHORT.test(w) && !w.startsWith('--')) return true; // `-p$(…)` attached
  return /^--/.test(prev) ? CREDENTIAL_OPT.test(prev) : /^-[pPaukKiwWU]$/.test(prev);
}

/** What `cmd` sends of the secret material in its words to the host they name; undefined = nothing. */
export function argvSend(cmd: NormalizedCommand, ctx: AnalyzeContext): ArgvSend | undefined {
  if (TEXT_TOOLS.has(cmd.program) || cmd.remote) return undefined;
  const argv = cmd.argv;
  let host = '';
  let hostAt = -1;
  for (let i = 1; i < argv.length && !host; i++) {
    host = hostOf(argv, i);
    if (host) hostAt = i;
  }
  if (!host || isLocalHost(host)) return undefined;
  const dataArgs: number[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (i === hostAt || credentialWord(argv, i)) continue;
    const w = argv[i];
    if (carriesSecret(w) || (cmd.dynamicArgs.includes(i) && substitutedSecret(w, cmd, ctx))) dataArgs.push(i);
  }
  return dataArgs.length ? { sink: cmd.program, host, dataArgs } : undefined;
}

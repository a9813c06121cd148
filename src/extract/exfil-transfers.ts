/**
 * Programs whose job is to send local files (or their stdin) to another machine or network,
 * read from their words: relay and peer senders (`croc send`, `wormhole send`, `wormhole-rs send`,
 * `portal send`, `sendme send`: exfil-peer-senders.ts; `ffsend upload`, `onionshare-cli`),
 * content networks (`ipfs add`), paste services (`pastebinit`,
 * `wgetpaste`), terminal recordings (`asciinema upload`), file-transfer clients driven by a script in an option, a
 * batch file or on stdin (`lftp -e 'put F'`, `lftp -f FILE`, `sftp|psftp -b FILE`, `smbclient -c 'put F'`,
 * `ftp host <<< 'put F'`, `tftp -c put F`, `ncftpput`; pscp and WinSCP: exfil-transfers-windows.ts),
 * message brokers (exfil-brokers.ts), other devices (`tailscale file cp`, `kdeconnect-cli --share`,
 * Bluetooth, `adb push`, `qrcp`: exfil-devices.ts); copies to a bucket are read by exfil-buckets.ts. What is sent is judged by the caller
 * (exfil.ts): a credential file or a secret text, never the act of uploading.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { PEER_SENDERS } from './exfil-peer-senders.js';
import { windowsTransfers } from './exfil-transfers-windows.js';
import { readPayloadFile } from './http-body.js';
import { wordSet } from './word-set.js';
import { broker } from './exfil-brokers.js';
import { deviceSends } from './exfil-devices.js';

/** One transfer: where it goes and what it carries. */
export interface Transfer {
  /** The program and its verb (`croc send`, `lftp put`). */
  sink: string;
  /** The host, relay or network; '' = unknown. */
  host: string;
  /** Local files sent, as written. Empty = none. */
  files: string[];
  /** argv indices of texts sent (`croc send --text T`, `mosquitto_pub -m M`). Empty = none. */
  dataArgs: number[];
  /** True when stdin is sent. */
  sendsStdin: boolean;
}

/** A word of argv and its index. */
export type Operand = [number, string];

/**
 * Positional words after argv[from] (the verb), skipping the value of an option in `withValue`
 * (`-b host`); `--opt=value` carries its own. Options in `withValue` are also returned in `opts`.
 */
export function scan(argv: string[], from: number, withValue: Set<string>) {
  const pos: Operand[] = [];
  const opts: [string, string, number][] = [];
  for (let i = from + 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      pos.push(...argv.slice(i + 1).map((w, k): Operand => [i + 1 + k, w]));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      pos.push([i, a]);
      continue;
    }
    const [opt, inline] = a.split(/=(.*)/s, 2);
    if (inline !== undefined) opts.push([opt, inline, i]);
    else if (withValue.has(opt)) {
      opts.push([opt, argv[i + 1] ?? '', i + 1]);
      i++;
    } else opts.push([opt, '', -1]);
  }
  const value = (...names: string[]) => opts.find(([o]) => names.includes(o));
  return { pos, value, flag: (re: RegExp) => opts.some(([o]) => re.test(o)) };
}

/** `scheme://user@host:port/…`, `user@host:path`, `//host/share`, `host:port` → host. */
export function hostOf(target: string): string {
  const m = /^(?:[a-z][\w+.-]*:\/\/|\/\/)?(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/\s]+)/i.exec(target);
  return (m?.[1] ?? '').toLowerCase();
}

/** Relay and peer senders (exfil-peer-senders.ts): verb, options with a value, the option naming the relay, the default relay. */

function sender(cmd: NormalizedCommand): Transfer[] {
  const t = Object.hasOwn(PEER_SENDERS, cmd.program) ? PEER_SENDERS[cmd.program] : undefined;
  if (!t) return [];
  const s = scan(cmd.argv, 0, t.withValue);
  const verbAt = t.verb ? s.pos.findIndex(([, w]) => w === t.verb) : -1;
  if (t.verb && verbAt < 0) return [];
  // `ipfs add --only-hash` computes the address and sends nothing
  if (cmd.program === 'ipfs' && s.flag(/^(-n|--only-hash)$/)) return [];
  const relay = s.value(...t.relay)?.[1];
  const text = s.value('--text');
  const named = s.pos.slice(verbAt + 1).map(([, w]) => w);
  if (cmd.program === 'pastebinit') named.push(s.value('-i')?.[1] ?? '');
  const files = named.filter((f) => f && f !== '-');
  return [
    {
      sink: `${cmd.program}${t.verb ? ` ${t.verb}` : ''}`,
      host: relay ? hostOf(relay) : t.host,
      files,
      dataArgs: text ? [text[2]] : [],
      sendsStdin: (files.length === 0 && !text) || named.includes('-'),
    },
  ];
}

/**
 * The local files a transfer-client script puts (`put F [REMOTE]`, `mput A B`, `reput`,
 * `append`, `send`, lftp's `mirror -R DIR`), and the host it opens (`open HOST`).
 */
export function scriptPuts(script: string): { files: string[]; host: string } {
  const files: string[] = [];
  let host = '';
  for (const line of script.split(/[;\n]|&&/)) {
    const w = line.trim().split(/\s+/).filter(Boolean);
    const verb = w[0]?.toLowerCase() ?? '';
    const args = w.slice(1);
    const plain: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (/^-[oO]$/.test(args[i])) i++;
      else if (!args[i].startsWith('-')) plain.push(args[i]);
    }
    if (verb === 'open' && plain[0]) host = hostOf(plain[0]);
    if (verb === 'mput' || (verb === 'put' && args.some((a) => a.startsWith('-')))) files.push(...plain);
    else if (/^(put|reput|append|send)$/.test(verb) && plain[0]) files.push(plain[0]);
    else if (verb === 'mirror' && args.some((a) => /^(-R|--reverse)$/.test(a)) && plain[0])
      files.push(plain[0]);
  }
  return { files, host };
}

/**
 * Transfer clients that take a script: the options holding it, the options naming a file that
 * holds it (read through ctx; absent = none), and the options with a value.
 */
const CLIENTS: Record<string, { script: string[]; scriptFile?: string[]; withValue: Set<string> }> = {
  lftp: {
    script: ['-e', '-c'],
    scriptFile: ['-f'],
    withValue: wordSet('-e -c -f -u -p --user --password --env-password -d'),
  },
  smbclient: {
    script: ['-c', '--command'],
    withValue: wordSet(
      '-c --command -U --user -W --workgroup -I --ip-address -p --port -m -n -s -O -D --directory -A --authentication-file -T -b -t -l -R',
    ),
  },
  ftp: { script: [], withValue: wordSet('-P -s -o -T -q -r') },
  tnftp: { script: [], withValue: wordSet('-P -s -o -T -q -r') },
  sftp: { script: [], scriptFile: ['-b'], withValue: wordSet('-P -i -F -o -c -l -B -R -S -J -b -D -s -X') },
  // PuTTY's sftp client: commands from `-b FILE` or stdin
  psftp: {
    script: [],
    scriptFile: ['-b'],
    withValue: wordSet('-b -P -l -pw -pwfile -i -hostkey -proxycmd -sshlog -sshrawlog -load -jumphost'),
  },
  tftp: { script: ['-c'], withValue: wordSet('-m -R') },
};

function client(cmd: NormalizedCommand, ctx?: AnalyzeContext): Transfer[] {
  const p = cmd.program;
  const t = Object.hasOwn(CLIENTS, p) ? CLIENTS[p] : undefined;
  if (!t) return [];
  const s = scan(cmd.argv, 0, t.withValue);
  const target = s.pos[0]?.[1] ?? '';
  // tftp-hpa's `-c put FILE` runs the rest of argv as one command
  const tftpAt = p === 'tftp' ? cmd.argv.indexOf('-c') : -1;
  const scripts = [
    ...t.script.map((o) => s.value(o)?.[1] ?? ''),
    tftpAt > 0 ? cmd.argv.slice(tftpAt + 1).join(' ') : '',
    cmd.stdin?.text ?? '',
    // a batch file (`sftp -b FILE`; `-` is stdin, above); one not readable here adds nothing
    // (cloud-stdin-repls.ts fails it closed: unknown-commands, which asks)
    ...(t.scriptFile ?? []).map((o) => {
      const f = s.value(o)?.[1] ?? '';
      return f && f !== '-' && ctx ? (readPayloadFile(f, cmd, ctx).text ?? '') : '';
    }),
  ];
  const puts = scripts.map(scriptPuts);
  const files = puts.flatMap((x) => x.files);
  // BSD ftp's `-u URL FILE…` uploads the files to the URL
  if ((p === 'ftp' || p === 'tnftp') && s.flag(/^-u$/)) files.push(...s.pos.slice(1).map(([, w]) => w));
  if (!files.length) return [];
  return [
    {
      sink: `${p} put`,
      host: hostOf(target) || (puts.find((x) => x.host)?.host ?? ''),
      files,
      dataArgs: [],
      sendsStdin: false,
    },
  ];
}

/** `ncftpput [opts] HOST REMOTE-DIR FILE…`. */
function ncftpput(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, wordSet('-u -p -P -j -t -a -m -f -c -A -U'));
  const [host, , ...files] = s.pos.map(([, w]) => w);
  return host && files.length
    ? [{ sink: 'ncftpput', host: hostOf(host), files, dataArgs: [], sendsStdin: false }]
    : [];
}

/** The transfers `cmd` makes; empty = none. Without ctx, batch and script files are not read. */
export function transfersOf(cmd: NormalizedCommand, ctx?: AnalyzeContext): Transfer[] {
  if (cmd.program === 'ncftpput') return ncftpput(cmd);
  return [
    ...sender(cmd),
    ...client(cmd, ctx),
    ...broker(cmd),
    ...deviceSends(cmd),
    ...windowsTransfers(cmd, ctx),
  ];
}

/**
 * Programs whose job is to send local files (or their stdin) to another machine or network,
 * read from their words: relay and peer senders (`croc send`, `wormhole send`, `wormhole-rs send`,
 * `portal send`, `sendme send`: exfil-peer-senders.ts; `ffsend upload`, `onionshare-cli`), content networks (`ipfs add`), paste services (`pastebinit`,
 * `wgetpaste`), terminal recordings (`asciinema upload`), file-transfer clients driven by a script in an option or on stdin (`lftp -e
 * 'put F'`, `smbclient -c 'put F'`, `ftp host <<< 'put F'`, `tftp -c put F`, `ncftpput`),
 * message brokers (`kcat -P FILE`, `mosquitto_pub -f FILE`, `kafka-console-producer`, `nats
 * pub`); copies to a bucket are read by exfil-buckets.ts. What is sent is judged by the caller
 * (exfil.ts): a credential file or a secret text, never the act of uploading.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { PEER_SENDERS, type PeerSender } from './exfil-peer-senders.js';

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

export const set = (s: string) => new Set(s.split(' '));

/** `scheme://user@host:port/…`, `user@host:path`, `//host/share`, `host:port` → host. */
export function hostOf(target: string): string {
  const m = /^(?:[a-z][\w+.-]*:\/\/|\/\/)?(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/\s]+)/i.exec(target);
  return (m?.[1] ?? '').toLowerCase();
}

/** Relay and peer senders: verb, options with a value, the option naming the relay, the default relay. */
const SENDERS: Record<string, PeerSender> = {
  croc: {
    verb: 'send',
    withValue: set(
      '-c --code --hash --text --exclude --port --transfers --relay --relay6 --pass --socks5 --connect --curve --ip',
    ),
    relay: ['--relay', '--relay6'],
    host: 'croc.schollz.com',
  },
  wormhole: {
    verb: 'send',
    withValue: set('--code -c --code-length --text --relay-url --transit-helper --appid --ignore-stdin'),
    relay: ['--relay-url'],
    host: 'relay.magic-wormhole.io',
  },
  'wormhole-william': {
    verb: 'send',
    withValue: set('--code --code-len --text --relay-url'),
    relay: ['--relay-url'],
    host: 'relay.magic-wormhole.io',
  },
  ffsend: {
    verb: 'upload',
    withValue: set('-H --host -d --downloads -e --expiry -p --password -n --name -a --archive'),
    relay: ['-H', '--host'],
    host: 'send.vis.ee',
  },
  'onionshare-cli': {
    verb: '',
    withValue: set('--config --title --auto-stop-timer --auto-start-timer'),
    relay: [],
    host: 'tor',
  },
  ipfs: {
    verb: 'add',
    withValue: set('--api --chunker -s --cid-version --hash --to-files'),
    relay: [],
    host: 'ipfs',
  },
  pastebinit: { verb: '', withValue: set('-a -b -f -i -t -u -p'), relay: ['-b'], host: 'paste.ubuntu.com' },
  wgetpaste: {
    verb: '',
    withValue: set('-s --service -l --language -d --description -n --nick -e --expiration'),
    relay: ['-s', '--service'],
    host: '',
  },
  // a terminal recording published to asciinema.org (or the server named)
  asciinema: {
    verb: 'upload',
    withValue: set('--server-url'),
    relay: ['--server-url'],
    host: 'asciinema.org',
  },
  fpaste: { verb: '', withValue: set('-n -t -l -x --url'), relay: ['--url'], host: 'paste.centos.org' },
};

// the Python package's name, as some write the program; more peer senders (exfil-peer-senders.ts)
SENDERS['magic-wormhole'] = SENDERS.wormhole;
Object.assign(SENDERS, PEER_SENDERS);

function sender(cmd: NormalizedCommand): Transfer[] {
  const t = Object.hasOwn(SENDERS, cmd.program) ? SENDERS[cmd.program] : undefined;
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

/** Transfer clients that take a script: the options holding it, options with a value, and how the host is named. */
const CLIENTS: Record<string, { script: string[]; withValue: Set<string> }> = {
  lftp: { script: ['-e', '-c'], withValue: set('-e -c -f -u -p --user --password --env-password -d') },
  smbclient: {
    script: ['-c', '--command'],
    withValue: set(
      '-c --command -U --user -W --workgroup -I --ip-address -p --port -m -n -s -O -D --directory -A --authentication-file -T -b -t -l -R',
    ),
  },
  ftp: { script: [], withValue: set('-P -s -o -T -q -r') },
  tnftp: { script: [], withValue: set('-P -s -o -T -q -r') },
  sftp: { script: [], withValue: set('-P -i -F -o -c -l -B -R -S -J -b -D -s -X') },
  tftp: { script: ['-c'], withValue: set('-m -R') },
};

function client(cmd: NormalizedCommand): Transfer[] {
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
  const s = scan(cmd.argv, 0, set('-u -p -P -j -t -a -m -f -c -A -U'));
  const [host, , ...files] = s.pos.map(([, w]) => w);
  return host && files.length
    ? [{ sink: 'ncftpput', host: hostOf(host), files, dataArgs: [], sendsStdin: false }]
    : [];
}

/** kcat/kafkacat's options with a value; producing (`-P`) it sends the files named, or stdin, to the first broker. */
const KCAT_VALUE = set('-b -t -p -G -c -D -K -k -H -o -X -F -s -r -f -z -m -a -M');

function broker(cmd: NormalizedCommand): Transfer[] {
  const p = cmd.program;
  if (p === 'kcat' || p === 'kafkacat') {
    const s = scan(cmd.argv, 0, KCAT_VALUE);
    if (!s.flag(/^-P$/)) return [];
    const files = s.pos.map(([, w]) => w);
    const host = hostOf(s.value('-b')?.[1]?.split(',')[0] ?? '');
    return [{ sink: p, host, files, dataArgs: [], sendsStdin: files.length === 0 }];
  }
  if (/^kafka-console-producer(\.sh)?$/.test(p)) {
    const s = scan(
      cmd.argv,
      0,
      set('--bootstrap-server --broker-list --topic --producer.config --property --producer-property'),
    );
    const host = hostOf((s.value('--bootstrap-server', '--broker-list')?.[1] ?? '').split(',')[0]);
    return [{ sink: p, host, files: [], dataArgs: [], sendsStdin: true }];
  }
  if (p === 'mosquitto_pub') {
    const s = scan(
      cmd.argv,
      0,
      set(
        '-h -p -t -m -f -u -P -i -I -q -k -A -L -V -D --cafile --capath --cert --key --will-payload --will-topic --id --url --host --port --topic --message --file --username --pw',
      ),
    );
    const url = s.value('-L', '--url')?.[1];
    const host = url ? hostOf(url) : (s.value('-h', '--host')?.[1] ?? 'localhost').toLowerCase();
    const file = s.value('-f', '--file')?.[1];
    const msg = s.value('-m', '--message');
    return [
      {
        sink: p,
        host,
        files: file ? [file] : [],
        dataArgs: msg ? [msg[2]] : [],
        sendsStdin: s.flag(/^(-s|-l|--stdin-file|--stdin-line)$/),
      },
    ];
  }
  if (p === 'nats' && cmd.argv[1] === 'pub') {
    const s = scan(
      cmd.argv,
      1,
      set('-s --server --creds --nkey --user --password --context --header -H --count --sleep --reply'),
    );
    const server = s.value('-s', '--server')?.[1];
    const body = s.pos[1];
    return [
      {
        sink: 'nats pub',
        host: server ? hostOf(server) : 'localhost',
        files: [],
        dataArgs: body ? [body[0]] : [],
        sendsStdin: !body,
      },
    ];
  }
  return [];
}

/** The transfers `cmd` makes; empty = none. */
export function transfersOf(cmd: NormalizedCommand): Transfer[] {
  if (cmd.program === 'ncftpput') return ncftpput(cmd);
  return [...sender(cmd), ...client(cmd), ...broker(cmd)];
}

/**
 * Senders of files and text to another device (a phone, a paired laptop) for
 * exfil-transfers.ts: KDE Connect (`kdeconnect-cli -n DEVICE --share FILE|URL`,
 * `--share-text TEXT`), Bluetooth OBEX push (`blueman-sendto`, `bluetooth-sendto`, `bt-obex -p
 * DEV FILE`, `obexftp -b MAC -p FILE`, `ussp-push MAC@CH FILE NAME`) and Android's debug bridge
 * (`adb [-s SERIAL] push LOCAL… REMOTE`), Tailscale's Taildrop (`tailscale file cp FILE…
 * TARGET:`) and `qrcp [send] FILE…` (served on the LAN for a phone to fetch). The device is
 * another machine whoever holds it can read, so what is sent is judged as leaving this one
 * (by exfil.ts).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Transfer } from './exfil-transfers.js';
import { scan } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

const KDECONNECT_VALUE = wordSet(
  '-d --device -n --name --share --share-text --ping-msg --send-sms --destination --attachment --send-keys --photo --lock-device',
);
const BLUETOOTH_VALUE = wordSet('-d --device --name --dest');
const OBEXFTP_VALUE = wordSet(
  '-b --bluetooth -B --channel -d --hci -u --usb -t --tty -n --network -U --uuid -H --noconn -c --chdir -C --mkdir -l --list -g --get -G --getdelete -p --put -k --delete -X --capability -Y --probe -x --info -m --move -a --copy -D --nopath',
);
const ADB_VALUE = wordSet('-s -t -H -P -L --one-device');

/** The values every occurrence of the options takes, with their argv indices. */
function valuesOf(argv: string[], names: Set<string>): [number, string][] {
  const out: [number, string][] = [];
  for (let i = 1; i < argv.length; i++) {
    const [opt, inline] = argv[i].split(/=(.*)/s, 2);
    if (!names.has(opt)) continue;
    if (inline !== undefined) out.push([i, inline]);
    else if (i + 1 < argv.length) out.push([i + 1, argv[++i]]);
  }
  return out;
}

/** A link other than a file: URL (opened on the device, not read here). */
const isLink = (v: string) => /^(?!file:)[a-z][\w+.-]*:\/\//i.test(v);

/** `kdeconnect-cli -n|-d DEVICE --share PATH|URL… --share-text TEXT`. */
function kdeconnect(cmd: NormalizedCommand): Transfer[] {
  const shared = valuesOf(cmd.argv, wordSet('--share'));
  const texts = valuesOf(cmd.argv, wordSet('--share-text'));
  if (!shared.length && !texts.length) return [];
  const s = scan(cmd.argv, 0, KDECONNECT_VALUE);
  const device = s.value('-n', '--name', '-d', '--device')?.[1] ?? '';
  return [
    {
      sink: 'kdeconnect-cli share',
      host: `kdeconnect device ${device}`.trim(),
      // a link is opened on the device; a path or a file: URL is a file sent
      files: shared.filter(([, v]) => !isLink(v)).map(([, v]) => v.replace(/^file:\/\//i, '')),
      dataArgs: [...texts, ...shared.filter(([, v]) => isLink(v))].map(([i]) => i),
      sendsStdin: false,
    },
  ];
}

/** `blueman-sendto [-d MAC] FILE…`, `bluetooth-sendto [--device=MAC] FILE…`. */
function bluetoothSendto(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, BLUETOOTH_VALUE);
  const files = s.pos.map(([, w]) => w);
  if (!files.length) return [];
  const device = s.value('-d', '--device', '--dest')?.[1] ?? '';
  return [{ sink: cmd.program, host: `bluetooth ${device}`.trim(), files, dataArgs: [], sendsStdin: false }];
}

/** `obexftp -b MAC -p FILE…` (Bluetooth, USB or IrDA): the files put. */
function obexftp(cmd: NormalizedCommand): Transfer[] {
  const files = valuesOf(cmd.argv, wordSet('-p --put')).map(([, v]) => v);
  if (!files.length) return [];
  const device = scan(cmd.argv, 0, OBEXFTP_VALUE).value('-b', '--bluetooth')?.[1] ?? '';
  return [
    { sink: 'obexftp put', host: `bluetooth ${device}`.trim(), files, dataArgs: [], sendsStdin: false },
  ];
}

/** `bt-obex -p DEVICE FILE` (bluez-tools), `ussp-push [--dev HCI] MAC@CH FILE NAME`. */
function obexPush(cmd: NormalizedCommand): Transfer[] {
  if (cmd.program === 'bt-obex') {
    const at = cmd.argv.findIndex((w) => w === '-p' || w === '--opp');
    const [device, file] = at > 0 ? cmd.argv.slice(at + 1) : [];
    return file
      ? [
          {
            sink: 'bt-obex push',
            host: `bluetooth ${device}`,
            files: [file],
            dataArgs: [],
            sendsStdin: false,
          },
        ]
      : [];
  }
  const pos = scan(cmd.argv, 0, wordSet('--dev')).pos.map(([, w]) => w);
  return pos.length >= 2
    ? [{ sink: 'ussp-push', host: `bluetooth ${pos[0]}`, files: [pos[1]], dataArgs: [], sendsStdin: false }]
    : [];
}

/** `adb [-s SERIAL] push [--sync] LOCAL… REMOTE`: the local files copied onto the device. */
function adbPush(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, ADB_VALUE);
  const verb = s.pos.findIndex(([, w]) => w === 'push');
  if (verb < 0) return [];
  const files = s.pos.slice(verb + 1, -1).map(([, w]) => w);
  if (!files.length) return [];
  const serial = s.value('-s')?.[1] ?? '';
  return [
    { sink: 'adb push', host: `android device ${serial}`.trim(), files, dataArgs: [], sendsStdin: false },
  ];
}

/** `tailscale [global opts] file cp [--name N] [--verbose] FILE… TARGET:` (`-` = stdin). */
function taildrop(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, wordSet('--socket --name'));
  const words = s.pos.map(([, w]) => w);
  const at = words.findIndex((w, i) => w === 'file' && words[i + 1] === 'cp');
  // `--targets` lists the devices a file could go to, and sends nothing
  if (at < 0 || s.flag(/^--targets$/)) return [];
  const rest = words.slice(at + 2);
  const target = rest.length > 1 && rest[rest.length - 1].endsWith(':') ? rest.pop()! : '';
  const files = rest.filter((f) => f !== '-');
  const sink = 'tailscale file cp';
  return [
    { sink, host: target.slice(0, -1) || 'tailnet', files, dataArgs: [], sendsStdin: rest.includes('-') },
  ];
}

/** `qrcp [send] [opts] FILE…` (`receive`, `config`, `version` send nothing). */
function qrcp(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, wordSet('-i --interface -p --port --bind --fqdn --path -o --output --config'));
  const words = s.pos.map(([, w]) => w);
  if (/^(receive|r|config|c|version|help|completion)$/.test(words[0] ?? '')) return [];
  const files = words[0] === 'send' || words[0] === 's' ? words.slice(1) : words;
  return files.length ? [{ sink: 'qrcp send', host: 'LAN', files, dataArgs: [], sendsStdin: false }] : [];
}

/** The sends `cmd` makes to another device; empty = none. */
export function deviceSends(cmd: NormalizedCommand): Transfer[] {
  const p = cmd.program;
  if (p === 'kdeconnect-cli') return kdeconnect(cmd);
  if (p === 'blueman-sendto' || p === 'bluetooth-sendto') return bluetoothSendto(cmd);
  if (p === 'obexftp') return obexftp(cmd);
  if (p === 'bt-obex' || p === 'ussp-push') return obexPush(cmd);
  if (p === 'adb') return adbPush(cmd);
  if (p === 'tailscale') return taildrop(cmd);
  if (p === 'qrcp') return qrcp(cmd);
  return [];
}

/**
 * Senders of local files to a nearby or paired device, for exfil-transfers.ts: Tailscale's
 * Taildrop (`tailscale file cp FILE… TARGET:`), KDE Connect (`kdeconnect-cli --share FILE
 * -d DEVICE`, `--share-text TEXT`), Bluetooth OBEX pushes (`bluetooth-sendto
 * [--device=ADDR] FILE…`, `blueman-sendto [-d ADDR] FILE…`, `obexftp -b ADDR -p FILE`) and
 * `qrcp [send] FILE…` (served on the LAN for a phone to fetch). What is sent is judged by the
 * caller (exfil.ts): a credential file or a secret text, never the act of sending.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { scan, type Transfer } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

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

/** `kdeconnect-cli [-d ID | -n NAME] --share PATH|URL`, `--share-text TEXT`. */
function kdeConnect(cmd: NormalizedCommand): Transfer[] {
  const s = scan(
    cmd.argv,
    0,
    wordSet('-d --device -n --name --share --share-text --ping-msg --send-sms --destination'),
  );
  const file = s.value('--share');
  const text = s.value('--share-text');
  if (!file && !text) return [];
  const host = s.value('-d', '--device', '-n', '--name')?.[1] ?? 'paired device';
  const files = file && !/^[a-z][\w+.-]*:\/\//i.test(file[1]) ? [file[1]] : [];
  return [
    { sink: 'kdeconnect-cli --share', host, files, dataArgs: text ? [text[2]] : [], sendsStdin: false },
  ];
}

/** Bluetooth OBEX pushes: `bluetooth-sendto [--device=ADDR] FILE…`, `blueman-sendto [-d ADDR] FILE…`. */
function bluetooth(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, wordSet('-d --device --name --dest'));
  const files = s.pos.map(([, w]) => w);
  if (!files.length) return [];
  const host = s.value('-d', '--device', '--dest')?.[1] ?? 'bluetooth device';
  return [{ sink: cmd.program, host, files, dataArgs: [], sendsStdin: false }];
}

/** `obexftp -b ADDR|-u IF|-i … -p|--put FILE…` (each put names a file). */
function obexftp(cmd: NormalizedCommand): Transfer[] {
  const files: string[] = [];
  for (let i = 1; i < cmd.argv.length; i++)
    if (/^(-p|--put)$/.test(cmd.argv[i]) && cmd.argv[i + 1]) files.push(cmd.argv[++i]);
    else if (cmd.argv[i].startsWith('--put=')) files.push(cmd.argv[i].slice(6));
  if (!files.length) return [];
  const at = cmd.argv.findIndex((a) => /^(-b|--bluetooth|-d|--device)$/.test(a));
  const host = at > 0 ? (cmd.argv[at + 1] ?? '') : 'obex device';
  return [{ sink: 'obexftp put', host, files, dataArgs: [], sendsStdin: false }];
}

/** `qrcp [send] [opts] FILE…` (`receive`, `config`, `version` send nothing). */
function qrcp(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, wordSet('-i --interface -p --port --bind --fqdn --path -o --output --config'));
  const words = s.pos.map(([, w]) => w);
  if (/^(receive|r|config|c|version|help|completion)$/.test(words[0] ?? '')) return [];
  const files = words[0] === 'send' || words[0] === 's' ? words.slice(1) : words;
  return files.length ? [{ sink: 'qrcp send', host: 'LAN', files, dataArgs: [], sendsStdin: false }] : [];
}

/** Readers by program. */
const DEVICE_SENDERS: Record<string, (cmd: NormalizedCommand) => Transfer[]> = {
  tailscale: taildrop,
  'kdeconnect-cli': kdeConnect,
  'bluetooth-sendto': bluetooth,
  'blueman-sendto': bluetooth,
  obexftp,
  qrcp,
};

/** The transfers to a nearby or paired device `cmd` makes; empty = none. */
export function deviceTransfers(cmd: NormalizedCommand): Transfer[] {
  return Object.hasOwn(DEVICE_SENDERS, cmd.program) ? DEVICE_SENDERS[cmd.program](cmd) : [];
}

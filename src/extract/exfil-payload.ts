/**
 * Data carried out in a packet's payload (exfil-messages.ts's `messagesOf` reads it as a
 * message): `ping -p HEX host` pads each packet with the pattern, `hping3 -E FILE host` sends
 * the file's bytes, `hping3 --sign TEXT` a text. Reads the command's words only.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Message } from './exfil-messages.js';

/** Options of ping/hping3 that take a value (so their value is not the host). */
const PING_WITH_ARG = /^-[cisIlMmQStWwFTBVk]$|^--(count|interval|size|interface|ttl|file|data|sign)$/;

/**
 * `ping -p HEX host` pads each packet with the pattern; `hping3 -E FILE -d N host` sends the
 * file's bytes. The host is the last positional word.
 */
export function payloadMessage(cmd: NormalizedCommand): Message | undefined {
  const dataArgs: number[] = [];
  const files: string[] = [];
  const pos: string[] = [];
  const hping = cmd.program.startsWith('hping');
  for (let i = 1; i < cmd.argv.length; i++) {
    const [opt, inline] = cmd.argv[i].split(/=(.*)/s, 2);
    const at = inline === undefined ? i + 1 : i;
    if (!hping && opt === '-p') dataArgs.push(at);
    else if (hping && (opt === '-E' || opt === '--file')) files.push(inline ?? cmd.argv[i + 1] ?? '');
    else if (hping && (opt === '--sign' || opt === '-e')) dataArgs.push(at);
    else if (opt.startsWith('-')) {
      if (inline === undefined && (PING_WITH_ARG.test(opt) || (hping && /^-[pdtsbr]$/.test(opt)))) i++;
      continue;
    } else {
      pos.push(cmd.argv[i]);
      continue;
    }
    if (inline === undefined) i++;
  }
  if (!dataArgs.length && !files.length) return undefined;
  const host = (pos[pos.length - 1] ?? '').toLowerCase();
  return { sink: hping ? 'hping' : 'ping', host, dataArgs, files, sendsStdin: false };
}

/**
 * A syslog message sent to a remote server: `logger -n HOST` / `--server HOST` (BSD `-h
 * HOST`) carries its message words, the lines of `-f FILE`, or stdin when neither is given,
 * to that server (and whoever reads its logs). Without a server the message stays in this
 * machine's log. Reads the command's words only.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Message } from './exfil-messages.js';

/** logger's options that take a value as the next word. */
const WITH_ARG = /^(-[nPftpuSh]|--(server|port|file|tag|priority|socket|size|msgid|sd-id|sd-param))$/;

/** The message `logger` sends to a remote syslog server; undefined when it logs here. */
export function syslogMessage(cmd: NormalizedCommand): Message | undefined {
  let host = '';
  const files: string[] = [];
  const dataArgs: number[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    const long = /^--(server|file)=(.*)$/.exec(a);
    const short = /^-([nf])(.+)$/.exec(a);
    if (a === '--') {
      for (let j = i + 1; j < cmd.argv.length; j++) dataArgs.push(j);
      break;
    }
    if (long || short) {
      const [opt, value] = long
        ? [long[1], long[2]]
        : [short?.[1] === 'n' ? 'server' : 'file', short?.[2] ?? ''];
      if (opt === 'server') host = value;
      else files.push(value);
    } else if (WITH_ARG.test(a)) {
      const value = cmd.argv[++i] ?? '';
      if (/^(-n|--server|-h)$/.test(a)) host = value;
      if (a === '-f' || a === '--file') files.push(value);
    } else if (!a.startsWith('-')) dataArgs.push(i);
  }
  if (!host) return undefined;
  return {
    sink: 'syslog',
    host: host.replace(/:\d+$/, '').toLowerCase(),
    dataArgs,
    files,
    sendsStdin: files.length === 0 && dataArgs.length === 0,
  };
}

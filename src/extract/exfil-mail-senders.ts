/**
 * Command-line SMTP senders whose options are single-dash words: mailsend (`mailsend -smtp S
 * -t TO -f FROM -sub T -M TEXT -attach FILE[,TYPE,a|i] -msg-body FILE`) and mailsend-go, whose
 * words are grouped in sections (`mailsend-go -smtp S -to TO -sub T auth -user U -pass P body
 * -msg TEXT|-file FILE attach -file FILE`). Each file attached or sent as the body leaves for
 * the server and the recipients; so do the subject and the message text. Runs that only print
 * (`-info`, `-help`, `-V`, `-example`) send nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Message } from './exfil-messages.js';
import { windowsPath } from './exfil-windows-paths.js';

/**
 * Options of either sender that take a value (mailsend's `-smtp -t -attach -msg-body …`,
 * mailsend-go's `-to -from -list -fname …` and its sections' `-user -pass -msg -file -name
 * -value`). Any other option is a flag; a word that is itself an option is never taken as a
 * value (`-show-attach -attach FILE`).
 */
const VALUED = new Set([
  ...'-smtp -port -domain -t -to -cc -bc -bcc -f -from -sub -list_address -list -log -cs -separator'.split(
    ' ',
  ),
  ...'-enc-type -aname -content-id -mime-type -disposition -dispostion -attach -M -content-type'.split(' '),
  ...'-msg-body -embed-image -H -name -rt -rrr -rp -user -pass -msg -file -fname -tname -value'.split(' '),
]);
/** Options that only print (help, version, server info, examples): nothing is sent. */
const PRINT_ONLY = /^-(info|help|h|V|version|example|print-mime-types)$/;
/** mailsend-go's section words. */
const SECTIONS = new Set(['auth', 'body', 'attach', 'header']);

/** The message a mailsend or mailsend-go line sends; undefined when it only prints. */
export function mailsendMessage(cmd: NormalizedCommand): Message | undefined {
  const a = cmd.argv;
  if (a.length < 2 || a.some((w) => PRINT_ONLY.test(w))) return undefined;
  const go = /^mailsend-go(\.exe)?$/i.test(cmd.program);
  const files: string[] = [];
  const dataArgs: number[] = [];
  let section = '';
  let server = '';
  let to = '';
  let body = false;
  for (let i = 1; i < a.length; i++) {
    const w = a[i];
    if (go && SECTIONS.has(w)) {
      section = w;
      continue;
    }
    if (!VALUED.has(w) || VALUED.has(a[i + 1] ?? '')) continue;
    const at = ++i;
    const v = a[at] ?? '';
    if (w === '-smtp') server = v;
    else if ((w === '-t' || w === '-to') && !to) to = v.split(',')[0];
    else if (w === '-sub' || w === '-M' || (w === '-msg' && section === 'body')) {
      dataArgs.push(at);
      body ||= w !== '-sub';
    } else if (w === '-attach' || w === '-msg-body' || w === '-embed-image') {
      // mailsend's `-attach FILE,TYPE,DISPOSITION`
      files.push(windowsPath(w === '-attach' ? v.split(',')[0] : v));
      body = true;
    } else if (w === '-file' && (section === 'body' || section === 'attach')) {
      files.push(windowsPath(v));
      body = true;
    }
  }
  const domain = /@([^>\s]+)/.exec(to)?.[1] ?? '';
  return {
    sink: 'mail',
    host: (server || domain).toLowerCase(),
    dataArgs,
    files,
    // mailsend reads the body from stdin when the line gives none
    sendsStdin: !go && !body,
  };
}

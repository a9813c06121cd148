/**
 * Data carried out in a message rather than a connection the command names: mail (`mail -s
 * subj addr < file`, `mutt -a FILE… -- addr`, `sendmail -t`, `swaks --attach @FILE`,
 * `sendemail -s SERVER -a FILE…`, `mpack FILE ADDR`, `mailsend[-go] … attach -file F` (exfil-mail-senders.ts), `blat FILE -to ADDR -attach F`, PowerShell's `Send-MailMessage -Attachments A,B`) sends
 * its stdin as the body and the files it attaches (a Windows path read as the same file:
 * `$HOME\.ssh\id_rsa`, `$env:USERPROFILE\…`, `C:\Users\NAME\…` is the home folder); a packet payload (`ping -p HEX host`,
 * `hping3 -E FILE host`, exfil-payload.ts) carries the bytes given to whoever receives or watches
 * the traffic; a remote syslog message (`logger -n HOST`, exfil-syslog.ts) its text, file or stdin.
 * Reads the command's words only: where it goes (the recipient's domain, or the host), the
 * texts sent (their argv indices) and the files.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { payloadMessage } from './exfil-payload.js';
import { syslogMessage } from './exfil-syslog.js';
import { windowsPath } from './exfil-windows-paths.js';
import { mailsendMessage } from './exfil-mail-senders.js';

export { windowsPath };

/** One message: where it goes and what it carries. */
export interface Message {
  /** mail | ping | hping | syslog, a notification publisher's command (`ntfy publish`, exfil-notify.ts) or a chat uploader's (`slackcat`, exfil-chat.ts) */
  sink: string;
  /** The recipient's domain or the target host; 'localhost' for a local user; '' = unknown. */
  host: string;
  /** argv indices of texts sent (subject, body, payload pattern). Empty = none. */
  dataArgs: number[];
  /** Files sent (attachments, payload files). Empty = none. */
  files: string[];
  /** True when stdin is the body. */
  sendsStdin: boolean;
}

/** Mail clients that read the body from stdin. */
const MAILERS = new Set([
  'mail',
  'mailx',
  'bsd-mailx',
  's-nail',
  'nail',
  'mutt',
  'neomutt',
  'sendmail',
  'msmtp',
  'ssmtp',
  // XMPP: the message is stdin (`sendxmpp -t -u U -j HOST TO < file`)
  'sendxmpp',
]);
/** Options of mail clients that take a value, and which of them are sent as text or files. */
const MAIL_TEXT = new Set(['-s', '--subject']);
const MAIL_FILE = new Set(['-a', '-A', '--attach', '--content-filename']);
const MAIL_WITH_ARG = new Set(['-c', '-b', '-r', '-f', '-F', '-S', '-q', '-i', '-e', '-C', '-o', '-O', '-L']);
/** sendxmpp's options that take a value (its `-t` is TLS, its `-u` the sender). */
const XMPP_WITH_ARG = new Set([
  '-u',
  '--username',
  '-p',
  '--password',
  '-j',
  '--jserver',
  '-r',
  '--resource',
  '-f',
  '--file',
  '-o',
  '--component',
  '-m',
  '--message-type',
]);

/** The domain of a recipient (`ops@example.org` → example.org); a local user (`root`) stays here. */
function recipientHost(to: string): string {
  const at = to.lastIndexOf('@');
  if (at < 0) return /^[\w.-]+$/.test(to) ? 'localhost' : '';
  return to
    .slice(at + 1)
    .replace(/[>\s].*$/, '')
    .toLowerCase();
}

function mailMessage(cmd: NormalizedCommand): Message {
  const dataArgs: number[] = [];
  const files: string[] = [];
  const to: string[] = [];
  // mutt's `-a` takes every file up to the next option or `--`
  const mutt = /^(neo)?mutt$/.test(cmd.program);
  let attaching = false;
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a === '--' || a.startsWith('-')) attaching = false;
    if (a === '--') continue;
    if (attaching) {
      files.push(windowsPath(a));
      continue;
    }
    const [opt, inline] = a.split(/=(.*)/s, 2);
    const at = inline === undefined ? i + 1 : i;
    const value = inline ?? cmd.argv[i + 1] ?? '';
    if (MAIL_TEXT.has(opt)) dataArgs.push(at);
    else if (MAIL_FILE.has(opt)) {
      files.push(windowsPath(value));
      attaching = mutt && opt === '-a';
    } else if (!(cmd.program === 'sendxmpp' ? XMPP_WITH_ARG : MAIL_WITH_ARG).has(opt)) {
      if (!a.startsWith('-')) to.push(a);
      continue;
    }
    if (inline === undefined) i++;
  }
  // `sendmail -t` reads the recipients from the message: where it goes is not known.
  return { sink: 'mail', host: to.length ? recipientHost(to[0]) : '', dataArgs, files, sendsStdin: true };
}

/** `swaks --to a@b --server s --body @FILE --attach @FILE`: `@` names a file, otherwise the text is sent. */
function swaksMessage(cmd: NormalizedCommand): Message {
  const dataArgs: number[] = [];
  const files: string[] = [];
  let to = '';
  let server = '';
  for (let i = 1; i < cmd.argv.length; i++) {
    const [opt, inline] = cmd.argv[i].split(/=(.*)/s, 2);
    const at = inline === undefined ? i + 1 : i;
    const value = inline ?? cmd.argv[i + 1] ?? '';
    if (/^--(body|attach|data|header|h-[\w-]+|attach-body)$/.test(opt) || opt === '-d') {
      if (value.startsWith('@')) files.push(value.slice(1));
      else if (opt === '--attach') files.push(value);
      else dataArgs.push(at);
    } else if (opt === '--to' || opt === '-t') to = value;
    else if (opt === '--server' || opt === '-s') server = value.replace(/:\d+$/, '');
    else continue;
    if (inline === undefined) i++;
  }
  const sendsStdin = files.includes('-') || cmd.argv.includes('-');
  return {
    sink: 'mail',
    host: server.toLowerCase() || recipientHost(to),
    dataArgs,
    files: files.filter((f) => f !== '-'),
    sendsStdin,
  };
}

/** `sendemail -f FROM -t TO… -u SUBJECT… -m TEXT… -s SERVER[:PORT] -a FILE…`: each option takes the words up to the next. */
function sendemailMessage(cmd: NormalizedCommand): Message {
  const dataArgs: number[] = [];
  const files: string[] = [];
  let opt = '';
  let to = '';
  let server = '';
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (/^-[a-z]+$/i.test(a)) {
      opt = a;
      continue;
    }
    if (opt === '-a') files.push(windowsPath(a));
    else if (opt === '-u' || opt === '-m') dataArgs.push(i);
    else if (opt === '-t' && !to) to = a;
    else if (opt === '-s') server = a.replace(/:\d+$/, '');
  }
  // without `-m` the body is read from stdin
  const sendsStdin = !cmd.argv.includes('-m');
  return { sink: 'mail', host: server.toLowerCase() || recipientHost(to), dataArgs, files, sendsStdin };
}

/** PowerShell's `Send-MailMessage -To A -SmtpServer S -Subject T -Body B -Attachments F,G` (names case-folded, any prefix). */
function sendMailMessage(cmd: NormalizedCommand): Message {
  const dataArgs: number[] = [];
  const files: string[] = [];
  let to = '';
  let server = '';
  for (let i = 1; i < cmd.argv.length; i++) {
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(cmd.argv[i]);
    if (!m) continue;
    const at = m[2] === undefined ? i + 1 : i;
    const value = m[2] ?? cmd.argv[i + 1] ?? '';
    if (m[2] === undefined) i++;
    const name = m[1].toLowerCase();
    if ('attachments'.startsWith(name) && name.length >= 2)
      files.push(...value.split(',').map((f) => windowsPath(f.trim().replace(/^["']|["']$/g, ''))));
    else if (/^(subject|body)$/.test(name)) dataArgs.push(at);
    else if (name === 'to' && !to) to = value.split(',')[0];
    else if (/^(smtpserver|computername)$/.test(name)) server = value;
  }
  return {
    sink: 'mail',
    host: server.toLowerCase() || recipientHost(to),
    dataArgs,
    files,
    sendsStdin: false,
  };
}

/** `mpack [-s SUBJECT] [-d DESCFILE] [-c TYPE] [-m SIZE] FILE ADDRESS…`: the file is sent as a MIME message. */
function mpackMessage(cmd: NormalizedCommand): Message | undefined {
  const dataArgs: number[] = [];
  const pos: string[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a === '-s') dataArgs.push(++i);
    else if (/^-[dcmon]$/.test(a)) i++;
    else if (!a.startsWith('-')) pos.push(a);
  }
  // `-o FILE` / `-n GROUPS` write or post instead of mailing; the file is still the first word
  if (!pos.length) return undefined;
  return {
    sink: 'mail',
    host: pos[1] ? recipientHost(pos[1]) : '',
    dataArgs,
    files: [pos[0]],
    sendsStdin: false,
  };
}

/** blat's options that take a value; of them, the files attached and the texts sent. */
const BLAT_VALUE =
  /^-(to|tf|cc|cf|bcc|bf|subject|s|sf|server|serversmtp|f|from|i|port|u|pw|hostname|log|attach|attacht|attachi|embed|af|atf|aef|body|bodyf|ps|sig|tag|charset|try|priority|organization|org|replyto|returnpath|sender|mailfrom|x|profile|delay|maxnames|userlist)$/i;
const BLAT_FILES = /^-(attach|attacht|attachi|embed|bodyf|af|atf|aef|ps|sig|tag)$/i;

/** `blat FILE -to ADDR [-server S] [-attach F,…] [-subject T] [-body T]`: FILE is the body (`-` = stdin). */
function blatMessage(cmd: NormalizedCommand): Message | undefined {
  const a = cmd.argv;
  // `blat -install|-profile …` sets blat up and sends nothing
  if (a.some((w) => /^-(install|profile|h|help|\?)$/i.test(w))) return undefined;
  const files: string[] = [];
  const dataArgs: number[] = [];
  let to = '';
  let server = '';
  let stdin = false;
  for (let i = 1; i < a.length; i++) {
    const w = a[i];
    if (!w.startsWith('-') || (w === '-' && i === 1)) {
      if (w === '-') stdin = true;
      else if (i === 1) files.push(windowsPath(w));
      continue;
    }
    if (!BLAT_VALUE.test(w)) continue;
    const v = a[++i] ?? '';
    if (BLAT_FILES.test(w)) files.push(...v.split(',').map((f) => windowsPath(f.trim())));
    else if (/^-(subject|s|body)$/i.test(w)) dataArgs.push(i);
    else if (/^-to$/i.test(w) && !to) to = v.split(',')[0];
    else if (/^-(server|serversmtp)$/i.test(w)) server = v.replace(/:\d+$/, '');
  }
  return {
    sink: 'mail',
    host: server.toLowerCase() || recipientHost(to),
    dataArgs,
    files,
    sendsStdin: stdin,
  };
}

/** The messages `cmd` sends; empty = none. */
export function messagesOf(cmd: NormalizedCommand): Message[] {
  const p = cmd.program;
  if (MAILERS.has(p)) return [mailMessage(cmd)];
  // mailsend and mailsend-go (exfil-mail-senders.ts)
  if (/^mailsend(-go)?(\.exe)?$/i.test(p)) return [mailsendMessage(cmd)].filter((m) => m !== undefined);
  if (/^sendemail$/i.test(p)) return [sendemailMessage(cmd)];
  if (/^send-mailmessage$/i.test(p)) return [sendMailMessage(cmd)];
  if (p === 'mpack') return [mpackMessage(cmd)].filter((m) => m !== undefined);
  if (p === 'swaks') return [swaksMessage(cmd)];
  if (/^blat(\.exe)?$/i.test(p)) return [blatMessage(cmd)].filter((m) => m !== undefined);
  if (/^(ping6?|hping3?)$/.test(p)) return [payloadMessage(cmd)].filter((m) => m !== undefined);
  // logger -n HOST: a remote syslog server (exfil-syslog.ts)
  if (p === 'logger') return [syslogMessage(cmd)].filter((m) => m !== undefined);
  return [];
}

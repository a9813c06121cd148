/**
 * Credential files sent out by code through a mail or file-transfer library (inline
 * `python3 -c`, `node -e`, code on stdin or a file the script wrote and runs): attached to a
 * message or made its text (smtplib with `add_attachment(open(…).read())`, `MIMEApplication(f.read())`,
 * `sendmail(a, b, open(…).read())`,
 * yagmail's `contents`, nodemailer's `attachments: [{path}]`, PHPMailer's `addAttachment`,
 * Ruby's Mail `add_file`) or uploaded (paramiko's and pysftp's `put`, ssh2-sftp-client's
 * `put`/`fastPut`, ftplib's `storbinary`, Net::SFTP's `upload!`). The file is what the call's
 * arguments name: a literal path (after a home prefix or joined to the home folder), or a
 * variable assigned one (`f` of `with open(PATH) as f`, `p = PATH`), followed two hops. A key
 * the library only logs in with (`key_filename=`, `privateKey:`) is not an argument of such a
 * call. The host is the first literal the code connects to ('' = computed); loopback stays
 * here. Pure.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { credentialLiteral } from './exfil-code.js';
import { interpreterCode } from './interpreter-code.js';
import { isLocalHost } from './http-url.js';

/** One file sent by code. */
export interface CodeFileSend {
  /** mail | sftp (any file-transfer library) */
  sink: string;
  /** Destination host; '' = the code computes it. */
  host: string;
  /** The credential file as the code names it. */
  file: string;
}

/** A kind of library: loading it, where it connects, and the calls or keys that carry a file. */
interface Sender {
  sink: string;
  loads: RegExp;
  host: RegExp;
  carries: RegExp;
}

const SENDERS: Sender[] = [
  {
    sink: 'mail',
    loads:
      /\b(?:import|from)\s+(?:smtplib|aiosmtplib|yagmail|redmail|envelopes|flask_mail)\b|\bdjango\.core\.mail\b|['"](?:nodemailer|emailjs|smtp-client|mail)['"]|\bNet::SMTP\b|\bPHPMailer\b|\bMIME::Lite\b|\bEmail::(?:Sender|Stuffer)\b/,
    host: /\b(?:SMTP(?:_SSL)?|createTransport|SMTPClient|SMTP\.(?:new|start)|SMTPConnection)\s*\(\s*\{?\s*(?:host\s*[:=]\s*)?(['"])([^'"\s]+)\1|\b(?:Host|host)\s*=\s*(['"])([^'"\s]+)\3/,
    carries:
      /(?:\.|->)(?:add_attachment|attach_file|attach|addAttachment|add_file|attach_alternative|set_payload|set_content|sendmail|send_message)\s*\(|\b(?:MIMEApplication|MIMEBase|MIMEImage|MIMEAudio|MIMEText)\s*\(|\b(?:attachments|attachment|contents|files|text|html)\s*(?::|=>|=(?!=))\s*/g,
  },
  {
    sink: 'sftp',
    loads:
      /\b(?:import|from)\s+(?:paramiko|pysftp|ftplib|scp|asyncssh|fabric)\b|['"](?:ssh2-sftp-client|ssh2|basic-ftp|ftp|node-scp|scp2)['"]|\bNet::(?:SFTP|FTP|SCP)\b/,
    host: /\b(?:Transport|Connection|connect|FTP(?:_TLS)?|Net::SFTP\.start|Net::SCP\.start|Net::SFTP::Foreign->new)\s*\(\s*[({]?\s*(?:(?:host|hostname)\s*[:=]\s*)?(['"])([^'"\s]+)\1/,
    carries:
      /(?:\.|->)(?:put|fastPut|putfo|uploadFrom|upload!?|upload_file|put_file|storbinary|storlines)\s*\(/g,
  },
];

/** Brackets that open and close the text a call or key carries. */
const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The text from `at` to the bracket that closes the one before it (or the value's line); strings kept whole. */
function spanFrom(code: string, at: number): string {
  const opened = code[at - 1];
  let start = at;
  let close = opened !== undefined ? CLOSE[opened] : undefined;
  if (!close) {
    // a key's value: one bracketed expression, or up to the end of the line
    const first = code[at];
    close = first !== undefined ? CLOSE[first] : undefined;
    if (!close) return code.slice(at, code.indexOf('\n', at) < 0 ? undefined : code.indexOf('\n', at));
    start = at + 1;
  }
  const stack = [close];
  for (let i = start; i < code.length && i < start + 4000; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = code.indexOf(c, i + 1);
      if (end < 0) break;
      i = end;
    } else if (CLOSE[c]) stack.push(CLOSE[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (!stack.length) return code.slice(start, i);
    }
  }
  return code.slice(start, start + 4000);
}

/** Deepest chain of variables followed from a call's arguments (`part` → `f` → `open(PATH)`). */
const MAX_HOPS = 2;

/** The credential file `text` names, directly or through a variable it uses; '' = none. */
function namedCredential(
  text: string,
  code: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  hops = 0,
): string {
  const direct = credentialLiteral(text, cmd, ctx);
  if (direct || hops >= MAX_HOPS) return direct;
  // identifiers that are not attributes (`f` of `f.read()`, not `read`), strings blanked out
  const bare = text.replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');
  for (const m of bare.matchAll(/(?<![\w.$>])([A-Za-z_$][\w$]*)\b(?!\s*[(=:])/g)) {
    const name = m[1].replace(/\$/g, '\\$');
    const assigned = [
      ...code.matchAll(new RegExp(`(?<![\\w.])${name}\\s*=(?!=)\\s*([^\\n;]+)`, 'g')),
      ...code.matchAll(new RegExp(`\\bopen\\s*\\(([^)]*)\\)\\s*as\\s+${name}\\b`, 'g')),
    ];
    for (const a of assigned) {
      const found = namedCredential(a[1], code, cmd, ctx, hops + 1);
      if (found) return found;
    }
  }
  return '';
}

/** Credential files `cmd`'s code attaches to mail or uploads (see the header); empty = none. */
export function codeFileSends(cmd: NormalizedCommand, ctx: AnalyzeContext): CodeFileSend[] {
  const code = interpreterCode(cmd);
  if (code === undefined) return [];
  const out: CodeFileSend[] = [];
  for (const s of SENDERS) {
    if (!s.loads.test(code)) continue;
    const hm = s.host.exec(code);
    const host = (hm?.[2] ?? hm?.[4] ?? '').toLowerCase();
    if (host && isLocalHost(host)) continue;
    for (const m of code.matchAll(s.carries)) {
      const file = namedCredential(spanFrom(code, (m.index ?? 0) + m[0].length), code, cmd, ctx);
      if (file) {
        out.push({ sink: s.sink, host, file });
        break;
      }
    }
  }
  return out;
}

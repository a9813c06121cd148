/**
 * Windows file-transfer clients, read from their words: PuTTY's `pscp [opts] SRC… [USER@]HOST:DEST`
 * (an upload when the last operand is remote; `-ls` and downloads send nothing) and WinSCP's
 * console (`WinSCP.com|winscp.exe [SESSION-URL] /command "open URL" "put FILE [DEST]" "exit"`,
 * `/script=FILE`: the script's `put`, `mput`, `synchronize remote|both LOCAL` and
 * `keepuptodate LOCAL` lines; switches are written `/name` or `-name`). psftp's batch
 * scripts are read with the other script-driven clients (exfil-transfers.ts). What is sent
 * is judged by exfil.ts (a credential file, never the act of uploading).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { hostOf, scan, scriptPuts, type Transfer } from './exfil-transfers.js';

/** pscp's options that take a value. */
const PSCP_VALUE = new Set(
  '-P -l -pw -pwfile -i -hostkey -proxycmd -sshlog -sshrawlog -load -jumphost -logfile'.split(' '),
);

/** A remote operand: `[user@]host:path`, not a drive letter (`C:\\x`, `C:Usersdev…`). */
const REMOTE = /^(?:[^@/:\\\s]+@)?([^/:\\\s]{2,}|\[[^\]]+\]):/;

/** `pscp SRC… HOST:DEST`: the local sources sent to HOST. */
function pscp(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, PSCP_VALUE);
  if (s.flag(/^-ls$/)) return [];
  const pos = s.pos.map(([, w]) => w);
  const dest = REMOTE.exec(pos[pos.length - 1] ?? '');
  if (!dest || pos.length < 2) return [];
  const files = pos.slice(0, -1).filter((f) => !REMOTE.test(f));
  return files.length
    ? [{ sink: 'pscp', host: dest[1].toLowerCase(), files, dataArgs: [], sendsStdin: false }]
    : [];
}

/** A WinSCP switch (`/command`, `-script=FILE`, `/ini=nul`): its name in lower case and inline value. */
function winscpSwitch(word: string): [string, string] | undefined {
  const m = /^[/-]([a-z?]+)(?:=(.*))?$/is.exec(word);
  return m ? [m[1].toLowerCase(), m[2] ?? ''] : undefined;
}

/** WinSCP's console: the files its commands (`/command …`, `/script=FILE`) put, and where. */
function winscp(cmd: NormalizedCommand, ctx?: AnalyzeContext): Transfer[] {
  const lines: string[] = [];
  let session = '';
  let inCommand = false;
  for (const w of cmd.argv.slice(1)) {
    const sw = winscpSwitch(w);
    if (sw) {
      inCommand = sw[0] === 'command';
      if (sw[0] === 'script' && sw[1] && ctx) lines.push(readPayloadFile(sw[1], cmd, ctx).text ?? '');
      continue;
    }
    if (inCommand) lines.push(w);
    else if (!session && /^[a-z]+:\/\//i.test(w)) session = w;
  }
  const puts = scriptPuts(lines.map(syncLine).join('\n'));
  if (!puts.files.length) return [];
  return [
    {
      sink: 'winscp put',
      host: puts.host || hostOf(session),
      files: puts.files,
      dataArgs: [],
      sendsStdin: false,
    },
  ];
}

/** WinSCP's upload commands other than put, as the `put` line scriptPuts reads (`synchronize remote L R` → `put L`). */
function syncLine(line: string): string {
  const w = line.trim().split(/\s+/);
  const plain = w.slice(1).filter((x) => !x.startsWith('-'));
  const verb = w[0]?.toLowerCase();
  if (verb === 'synchronize' && /^(remote|both)$/i.test(plain[0] ?? '') && plain[1]) return `put ${plain[1]}`;
  if (verb === 'keepuptodate' && plain[0]) return `put ${plain[0]}`;
  return line;
}

/** The uploads of a Windows transfer client; empty = none or another program. */
export function windowsTransfers(cmd: NormalizedCommand, ctx?: AnalyzeContext): Transfer[] {
  const p = cmd.program.toLowerCase();
  if (p === 'pscp') return pscp(cmd);
  if (p === 'winscp' || p === 'winscp.com') return winscp(cmd, ctx);
  return [];
}

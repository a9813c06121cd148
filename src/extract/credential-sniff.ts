/**
 * Credentials picked off the network: a live capture told to keep or print what carries
 * them — tshark's display filter (`-Y`, `-R`) or printed fields (`-e`) naming an
 * authentication field or a password command (`http.authorization`, `ftp.request.command ==
 * "PASS"`, `imap.request contains "LOGIN"`, `ntlmssp`, `kerberos`, `snmp.community`) or its
 * credentials tap (`-z credentials`); ngrep's match expression looking for such words
 * (`ngrep -i 'pass|user' port 21`); a capture's text (tcpdump/tshark/windump) piped straight
 * into a search for them (`tcpdump -A port 21 | grep -i pass`); and the sniffers built for it
 * (dsniff, net-creds, PCredz, CredSLayer). A capture read from a file of the workspace
 * (`tshark -r trace.pcap …`, `ngrep -I trace.pcap …`) is the project's own and is not
 * reported, nor is a capture whose filter names no credential (`tshark -i lo -c 10`).
 */
import path from 'node:path';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { resolvePath } from './http-body.js';

/** Words of a filter, field list or search pattern that single out credentials. */
const CARRIES_CREDENTIAL =
  /pass|auth|cookie|token|secret|credential|\blogin\b|ntlm|kerberos|krb5|community|bearer|api[_-]?key/i;

/** Sniffers whose every run prints the credentials they see. */
const SNIFFERS = /^(dsniff|net-creds|pcredz|credslayer)(\.py)?$/i;

/** Programs whose output is the text of captured packets. */
const CAPTURERS = /^(tcpdump|tshark|windump|tshark\.exe|windump\.exe)$/i;

/** Programs that search their input for words. */
const SEARCHERS = /^(grep|egrep|fgrep|rg|ag|awk|ngrep|findstr|findstr\.exe|select-string|sls)$/i;

/** ngrep's options that take a value. */
const NGREP_VALUED = /^-[dAsSnWcPFIOK]$/;

/** True when `file` (as written) is inside the workspace. */
function inWorkspace(file: string, cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  const rel = path.relative(ctx.workspace, resolvePath(file, cmd, ctx));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The values of `opt` in argv (`-Y X`, `-YX`). */
function values(argv: string[], opt: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === opt) out.push(argv[i + 1] ?? '');
    else if (argv[i].startsWith(opt) && argv[i].length > opt.length && !argv[i].startsWith('--'))
      out.push(argv[i].slice(opt.length));
  }
  return out;
}

/** tshark: a live capture (or a capture file outside the workspace) filtered or printed for credentials. */
function tshark(cmd: NormalizedCommand, ctx: AnalyzeContext): string {
  const a = cmd.argv;
  const file = values(a, '-r')[0];
  if (file !== undefined && inWorkspace(file, cmd, ctx)) return '';
  if (values(a, '-z').some((z) => /^credentials/.test(z))) return 'tshark -z credentials';
  const said = [...values(a, '-Y'), ...values(a, '-R'), ...values(a, '-e')].find((w) =>
    CARRIES_CREDENTIAL.test(w),
  );
  return said ? `tshark filter ${said}` : '';
}

/** ngrep: its match expression (the first word that is neither an option nor its value). */
function ngrep(cmd: NormalizedCommand, ctx: AnalyzeContext): string {
  const a = cmd.argv;
  const file = values(a, '-I')[0];
  if (file !== undefined && inWorkspace(file, cmd, ctx)) return '';
  for (let i = 1; i < a.length; i++) {
    if (NGREP_VALUED.test(a[i])) i++;
    else if (!a[i].startsWith('-')) return CARRIES_CREDENTIAL.test(a[i]) ? `ngrep ${a[i]}` : '';
  }
  return '';
}

/** What credentials `cmd` sniffs off the network, as a label; '' = none. */
export function sniffedCredentials(cmd: NormalizedCommand, ctx: AnalyzeContext): string {
  const p = cmd.program.toLowerCase();
  // help printed and nothing captured; a searcher's `-h` is another flag (grep: no file names)
  const searcher = /^(e|f|z)?grep$|^(rg|ag|ack)$/.test(p);
  if (cmd.argv.some((w) => w === '--help' || (w === '-h' && !searcher))) return '';
  // the sniffer itself, or its script run by Python (`python3 net-creds.py -i eth0`)
  const script = /^python[\d.]*$/.test(p) ? (cmd.argv.slice(1).find((w) => !w.startsWith('-')) ?? '') : '';
  const sniffer = [cmd.program, script.split('/').pop() ?? ''].find((w) => SNIFFERS.test(w));
  if (sniffer) return `credentials sniffed by ${sniffer}`;
  if (p === 'tshark' || p === 'tshark.exe') return tshark(cmd, ctx);
  if (p === 'ngrep') return ngrep(cmd, ctx);
  // `tcpdump -A … | grep -i pass`: the capture's text searched for credentials as it comes
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  if (from && CAPTURERS.test(from.program) && SEARCHERS.test(p)) {
    const file = values(from.argv, '-r')[0];
    if (file !== undefined && inWorkspace(file, from, ctx)) return '';
    const pattern = cmd.argv.slice(1).find((w) => CARRIES_CREDENTIAL.test(w));
    if (pattern) return `${from.program} capture searched for ${pattern}`;
  }
  return '';
}

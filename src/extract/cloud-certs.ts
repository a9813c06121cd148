/**
 * Certificates revoked by the tools of certificate authorities and ACME clients: `step ca
 * revoke` / `step ssh revoke` (smallstep), `certbot revoke`, `lego … revoke`, `acme.sh
 * --revoke`, `easyrsa revoke NAME` (and `revoke-issued|-expired|-renewed`), `cfssl revoke`,
 * `openssl ca -revoke FILE`. A revocation cannot be taken back: every client and server that
 * trusts the certificate stops doing so once the CRL or OCSP answer spreads. Read as a CloudFact
 * of service `certificate`, verb `revoke`, with the serial, name or file as its resource.
 * Issuing, renewing, inspecting and listing certificates make no fact here; the tools' other
 * words keep the generic reading.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** Options naming the certificate revoked (serial, path, name or domain); their value is the resource. */
const NAMING = /^(--serial|-serial|--cert|--cert-path|--cert-name|-d|--domain|--domains|-revoke|--crt)$/;

/**
 * The revocation `cmd` makes, the command's words ending at argv index `verbEnd` (0 = a flag
 * such as `--revoke` is the verb): what the naming options give, else the word after the verb.
 */
function revoked(cmd: NormalizedCommand, verbEnd: number): CloudDraft {
  const names: string[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const [opt, inline] = cmd.argv[i].split(/=(.*)/s, 2);
    if (NAMING.test(opt)) names.push(inline ?? cmd.argv[++i] ?? '');
  }
  const next = verbEnd > 0 ? cmd.argv[verbEnd] : undefined;
  if (!names.length && next !== undefined && !next.startsWith('-')) names.push(next);
  return {
    tool: cmd.program,
    service: 'certificate',
    verb: 'revoke',
    // empty: the certificate is not named on the command line (a prompt, a config file)
    resource: names.filter(Boolean).join(' '),
    all: false,
    force: true,
  };
}

/** The argv index just after `verbs` when they are the command's first positional words, else -1. */
function after(cmd: NormalizedCommand, verbs: (string | RegExp)[]): number {
  let k = 0;
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a.startsWith('-')) continue;
    const v = verbs[k];
    if (typeof v === 'string' ? a !== v : !v.test(a)) return -1;
    if (++k === verbs.length) return i + 1;
  }
  return -1;
}

const step = (cmd: NormalizedCommand) => {
  const at = Math.max(after(cmd, ['ca', 'revoke']), after(cmd, ['ssh', 'revoke']));
  return at > 0 ? revoked(cmd, at) : undefined;
};

/** `certbot revoke …`, `easyrsa revoke NAME`: the verb is the first positional word. */
const single = (verb: string | RegExp) => (cmd: NormalizedCommand) => {
  const at = after(cmd, [verb]);
  return at > 0 ? revoked(cmd, at) : undefined;
};

/** `lego --email E --domains D revoke`: the command comes after global options with values. */
function lego(cmd: NormalizedCommand): CloudDraft | undefined {
  const at = cmd.argv.indexOf('revoke');
  return at > 0 ? revoked(cmd, at + 1) : undefined;
}

/** `acme.sh --revoke -d example.com`, `openssl ca -revoke cert.pem`. */
const flagged = (flag: string, first?: string) => (cmd: NormalizedCommand) => {
  if (first !== undefined && cmd.argv[1] !== first) return undefined;
  return cmd.argv.includes(flag) ? revoked(cmd, 0) : undefined;
};

/** Program → reader of its certificate revocations; a program not listed revokes nothing here. */
export const CERT_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  step,
  certbot: single('revoke'),
  'certbot-auto': single('revoke'),
  easyrsa: single(/^revoke(-issued|-expired|-renewed)?$/),
  'easyrsa.sh': single(/^revoke(-issued|-expired|-renewed)?$/),
  cfssl: single('revoke'),
  lego,
  'acme.sh': flagged('--revoke'),
  openssl: flagged('-revoke', 'ca'),
};

/**
 * Pack signatures: OpenSSH signatures made and checked by the system `ssh-keygen -Y`
 * (namespace `agentfw-pack`), with an allowed-signers file naming who may sign packs.
 * The signature of `pack.yaml` is `pack.yaml.sig` beside it.
 *
 * When an org requires signatures, a pack loads only if its signature verifies against
 * the allowed signers: a missing (stripped) or bad signature refuses the pack. The check
 * is keyed on the presence of the requirement, never on which key signed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { AgentfwError } from '../errors.js';

export const NAMESPACE = 'agentfw-pack';

/** An org's signature requirement. Absent = packs load unsigned. */
export interface SignatureRequirement {
  /** ssh-keygen allowed-signers file: `principal namespaces="agentfw-pack" ssh-ed25519 AAAA…`. */
  allowedSigners: string;
}

export type VerifyResult = { ok: true; signer: string } | { ok: false; problem: string };

function sshKeygen(args: string[], input?: Buffer): { code: number; out: string; err: string } {
  const r = spawnSync('ssh-keygen', args, { input, encoding: 'buffer', timeout: 10_000 });
  if (r.error)
    throw new AgentfwError(
      'E_SSH_KEYGEN',
      `cannot run ssh-keygen: ${r.error.message}`,
      'install OpenSSH (Debian: openssh-client); pack signing uses `ssh-keygen -Y`',
    );
  return { code: r.status ?? 1, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** Signs `file` with the private key `keyFile`; writes `file.sig`. */
export function signPack(file: string, keyFile: string): string {
  // ssh-keygen will not overwrite an old signature without asking: re-signing replaces it.
  rmSync(file + '.sig', { force: true });
  const r = sshKeygen(['-Y', 'sign', '-f', keyFile, '-n', NAMESPACE, file]);
  if (r.code !== 0)
    throw new AgentfwError(
      'E_PACK_SIGN',
      `ssh-keygen could not sign ${file}: ${r.err.trim().split('\n').pop() ?? ''}`,
      'pass an OpenSSH private key (ssh-keygen -t ed25519) with --key; keys with a passphrase need ssh-agent',
    );
  return file + '.sig';
}

/** Verifies `file` against `file.sig` (or `sigFile`) and the allowed signers. */
export function verifyPack(file: string, req: SignatureRequirement, sigFile = file + '.sig'): VerifyResult {
  if (!existsSync(sigFile)) return { ok: false, problem: `no signature (${sigFile} is missing)` };
  if (!existsSync(req.allowedSigners))
    return { ok: false, problem: `the allowed-signers file ${req.allowedSigners} is missing` };
  const who = sshKeygen(['-Y', 'find-principals', '-s', sigFile, '-f', req.allowedSigners]);
  const principal = who.out.split('\n')[0]?.trim();
  if (who.code !== 0 || !principal)
    return { ok: false, problem: 'signed by a key that is not an allowed signer' };
  const data = readFileSync(file);
  const v = sshKeygen(
    ['-Y', 'verify', '-f', req.allowedSigners, '-I', principal, '-n', NAMESPACE, '-s', sigFile],
    data,
  );
  if (v.code !== 0)
    return { ok: false, problem: 'the signature does not match the file (edited after signing?)' };
  return { ok: true, signer: principal };
}

/**
 * `agentfw rules sign FILE... --key KEY` and `agentfw rules verify FILE... --allowed-signers FILE`:
 * OpenSSH signatures over pack files (namespace `agentfw-pack`), see src/rules/signing.ts.
 * verify exits 0 when every file verifies, 1 otherwise (one line per file).
 */
import { expandRulesetPaths } from '../rules/load.js';
import { signPack, verifyPack } from '../rules/signing.js';
import { usageError } from '../errors.js';

export function signCommand(paths: string[], key: string | undefined): number {
  if (!paths.length || !key)
    throw usageError(
      'rules sign needs pack files and --key',
      'agentfw rules sign packs/*.yaml --key ~/.ssh/pack_signing_ed25519',
    );
  for (const f of expandRulesetPaths(paths)) process.stdout.write(`signed ${f} → ${signPack(f, key)}\n`);
  return 0;
}

export function verifyCommand(paths: string[], allowed: string | undefined): number {
  if (!paths.length || !allowed)
    throw usageError(
      'rules verify needs pack files and --allowed-signers',
      'agentfw rules verify packs/*.yaml --allowed-signers allowed_signers (lines: principal namespaces="agentfw-pack" ssh-ed25519 AAAA…)',
    );
  let bad = 0;
  for (const f of expandRulesetPaths(paths)) {
    const v = verifyPack(f, { allowedSigners: allowed });
    if (v.ok) process.stdout.write(`ok   ${f}  signed by ${v.signer}\n`);
    else {
      bad += 1;
      process.stdout.write(`FAIL ${f}  ${v.problem}\n`);
    }
  }
  return bad ? 1 : 0;
}

/**
 * Previews of a destroy (src/extract/cloud-preview.ts, and pulumi's `--preview-only` in
 * src/extract/cloud-iac.ts): shown, nothing destroyed, so allowed; the destroy itself still
 * asks. Through the real pipeline with the saas pack (CLIs no table models) and the
 * terraform pack (pulumi).
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const iac = await packVerdict('terraform');

describe('a destroy only previewed', () => {
  it.each([
    'kpt live preview --destroy deploy/prod',
    'sudo kpt live preview --destroy --inventory-policy=strict deploy/prod',
    'spacectl stack preview --id prod-network --destroy',
    'mytool plan --destroy -e production',
    'kapp delete -a shop --diff-run',
    'kpt live destroy deploy/prod --dry-run',
  ])('%s stays allowed', (cmd) => {
    expect(saas(cmd)).toBe('allow');
  });

  it.each([
    'kpt live destroy deploy/prod',
    'kapp delete -a shop -y',
    // a plan that is itself deleted is no preview
    'billingctl plan delete gold-2023',
    'kapp delete -a shop --diff-run=false',
  ])('%s asks', (cmd) => {
    expect(saas(cmd)).toBe('ask saas/unknown-cli-destroy');
  });

  it.each<[string, string]>([
    ['pulumi destroy --preview-only --stack prod', 'allow'],
    ['pulumi destroy --preview-only=true -s prod', 'allow'],
    ['pulumi destroy --stack prod --yes', 'ask terraform/destroy'],
    ['pulumi destroy --preview-only=false --stack prod --yes', 'ask terraform/destroy'],
  ])('%s → %s', (cmd, want) => {
    expect(iac(cmd)).toBe(want);
  });
});

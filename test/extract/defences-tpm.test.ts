/**
 * The TPM cleared or its keys deleted (src/extract/defences-tpm.ts): tpm2_clear, tpm2 clear,
 * tpm_clear, Clear-Tpm, Initialize-Tpm -AllowClear, a persistent key evicted and an NV index
 * undefined ask; reading the TPM, help and making a key persistent do not. Through the real
 * pipeline with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');

describe('the TPM cleared', () => {
  it.each([
    'sudo tpm2_clear -c p',
    'tpm2_clear',
    'tpm2 clear -c l',
    'sudo tpm_clear --force',
    'pwsh -c Clear-Tpm',
    'powershell -Command "Initialize-Tpm -AllowClear"',
    'sudo tpm2_evictcontrol -C o -c 0x81000001',
    'tpm2_evictcontrol -C o --object-context=0x81010001',
    'tpm2 evictcontrol -C o -c 0x81000002',
    'tpm2_nvundefine -C o 0x1500016',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe('ask host/recovery-off');
  });

  it.each([
    'tpm2_getcap properties-fixed',
    'tpm2_pcrread sha256:0,7',
    'tpm2_clear --help',
    'tpm2 clear -h',
    'sudo tpm2_evictcontrol -C o -c key.ctx 0x81000002',
    'tpm2_nvread -C o 0x1500016',
    'pwsh -c Get-Tpm',
    'powershell -Command "Initialize-Tpm"',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});

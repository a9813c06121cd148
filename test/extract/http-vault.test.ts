import { describe, expect, it } from 'vitest';
import { parseVaultCli } from '../../src/extract/http-vault.js';
import { analyzeContext, command, packVerdict, WS } from '../helpers/command.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });
const read = (argv: string[], vars: Record<string, string> = {}) =>
  parseVaultCli(command(argv, { vars }), ctx).map((r) => [r.method, r.urls[0]]);
const API = 'https://vault.configured.invalid:8200/v1';

describe("Vault's CLI read as the system-API request it sends", () => {
  it.each<[string[], Record<string, string>, unknown[]]>([
    [['vault', 'operator', 'seal'], {}, [['PUT', `${API}/sys/seal`]]],
    [['bao', 'operator', 'step-down'], {}, [['PUT', `${API}/sys/step-down`]]],
    [
      ['vault', 'operator', 'seal'],
      { VAULT_ADDR: 'https://v.example.com' },
      [['PUT', 'https://v.example.com/v1/sys/seal']],
    ],
    [
      ['vault', 'operator', 'seal', '-address', 'https://v2.example.com'],
      {},
      [['PUT', 'https://v2.example.com/v1/sys/seal']],
    ],
    [
      ['vault', 'lease', 'revoke', '-prefix', 'aws/creds'],
      {},
      [['PUT', `${API}/sys/leases/revoke-prefix/aws/creds`]],
    ],
    [
      ['vault', 'lease', 'revoke', '-force', '-prefix', 'aws/'],
      {},
      [['PUT', `${API}/sys/leases/revoke-force/aws/`]],
    ],
    [
      ['vault', 'operator', 'raft', 'remove-peer', 'node3'],
      {},
      [['POST', `${API}/sys/storage/raft/remove-peer`]],
    ],
    [
      ['vault', 'operator', 'raft', 'snapshot', 'restore', '-force', 'b.snap'],
      {},
      [['POST', `${API}/sys/storage/raft/snapshot-force`]],
    ],
    [['vault', 'write', '-f', 'sys/seal'], {}, [['PUT', `${API}/sys/seal`]]],
    [['vault', 'read', 'sys/health'], {}, [['GET', `${API}/sys/health`]]],
    // not read here: a single lease, secrets paths, a printed curl line, status
    [['vault', 'lease', 'revoke', 'aws/creds/abc'], {}, []],
    [['vault', 'write', 'secret/app', 'k=v'], {}, []],
    [['vault', 'operator', 'seal', '-output-curl-string'], {}, []],
    [['vault', 'status'], {}, []],
  ])('%j %j', (argv, vars, want) => {
    expect(read(argv, vars)).toEqual(want);
  });
});

describe('Vault system operations through the pipeline', () => {
  const verdict = packVerdict('http');
  it.each<[string, string]>([
    ['vault operator seal', 'ask http/vault-system-operation'],
    [
      'xh PUT https://vault.example.com:8200/v1/sys/seal X-Vault-Token:hvs.FAKEROOTTOKEN000',
      'ask http/vault-system-operation',
    ],
    ['vault lease revoke -prefix aws/creds', 'ask http/vault-system-operation'],
    ['vault status', 'allow'],
    ['xh GET https://vault.example.com:8200/v1/sys/health', 'allow'],
    ['vault read sys/seal-status', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});

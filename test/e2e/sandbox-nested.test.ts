/**
 * `agentfw run` inside an `agentfw run` session, as real processes: through a renamed
 * symlink, through `node …/bin/agentfw`, and with the environment stripped (`env -i`). The
 * nested session can't relax the outer one (`--on-ask allow` is refused or has no effect),
 * never loops, and the loopback API never receives the mutation. Control: the same inner
 * command without the outer session delivers it.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeApi } from '../../src/supervisor/demo-api.js';
import type { Scratch } from '../gates/shim/gate-helpers.js';
import { BIN, headless, useApiScratch } from './run-helpers.js';

let api: FakeApi;
let s: Scratch;
useApiScratch((t) => {
  ({ api, s } = t);
  symlinkSync(BIN, path.join(s.ws, 'fw'));
});

const mutation = () =>
  `curl -s -m 5 -X POST ${api.url}/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-n\\") }"}'`;
const q = (t: string) => `'${t.replace(/'/g, `'\\''`)}'`;
const inner = (launcher: string, extra = '') =>
  `${launcher} run --headless --on-ask allow ${extra} -- /bin/bash -c ${q(mutation())}; echo inner-exit=$?`;

describe('nested agentfw run', () => {
  it('control: the inner command alone, with --on-ask allow, delivers the mutation', async () => {
    const before = api.mutations().length;
    const r = await headless(s, ['/bin/bash', '-c', mutation()], {
      sandbox: false,
      flags: ['--on-ask', 'allow'],
    });
    expect(r.code).toBe(0);
    expect(api.mutations().length).toBe(before + 1);
  });

  it.each([
    ['a renamed symlink', './fw'],
    ['node …/bin/agentfw', `${process.execPath} ${BIN}`],
  ])('through %s: --on-ask allow is refused (E_NESTED_RELAX); nothing arrives', async (_n, launcher) => {
    const before = api.mutations().length;
    const r = await headless(s, ['/bin/sh', '-c', inner(launcher)]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain('E_NESTED_RELAX');
    expect(r.stdout).toContain('inner-exit=2');
    expect(api.mutations().length).toBe(before);
  });

  it('a plain nested run inherits the outer policy: the mutation is refused, no loop', async () => {
    const before = api.mutations().length;
    const script = `./fw run --headless -- /bin/bash -c ${q(mutation())}; echo inner-exit=$?`;
    const r = await headless(s, ['/bin/sh', '-c', script]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain("under the outer session's gates");
    expect(r.stdout).toMatch(/inner-exit=(126|1)\b/);
    expect(api.mutations().length).toBe(before);
  });

  it('env -i: a fresh inner session with --on-ask allow is still judged by the outer exec gate', async () => {
    const before = api.mutations().length;
    const launcher = `env -i PATH=/usr/bin:/bin HOME=${s.home} ${process.execPath} ${BIN}`;
    const r = await headless(s, ['/bin/sh', '-c', inner(launcher, '--no-sandbox')]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('inner-exit=0');
    expect(api.mutations().length).toBe(before);
  });
});

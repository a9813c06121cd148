import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createExternalApprover, parseApproverCommand } from '../../src/approval/external.js';
import type { ApprovalRequest } from '../../src/approval/types.js';

let dir: string;
const req = (confirm?: string): ApprovalRequest => ({
  id: 4,
  ts: 't',
  layer: 'shell',
  cwd: '/w',
  command: 'psql -c "DROP DATABASE production"',
  decision: { decision: 'ask', findings: [], reason: 'r', commands: [], facts: [], issues: [], ms: 1 },
  ...(confirm ? { confirm } : {}),
});

/** Write an approver script that runs `body` with the request on stdin. */
function script(name: string, body: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-ext-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('external approver', () => {
  it.each<[string, string, string | undefined, object]>([
    ['allow', `echo '{"verdict":"allow"}'`, undefined, { verdict: 'allow', scope: 'once' }],
    [
      'deny with message',
      `echo '{"verdict":"deny","message":"not today"}'`,
      undefined,
      { verdict: 'deny', message: 'not today' },
    ],
    [
      'session scope',
      `echo '{"verdict":"allow","scope":"session"}'`,
      undefined,
      { verdict: 'allow', scope: 'session' },
    ],
    [
      'blank lines before the verdict',
      `printf '\\n\\n{"verdict":"allow"}\\n'`,
      undefined,
      { verdict: 'allow' },
    ],
    [
      'confirm echoed back',
      `echo '{"verdict":"allow","confirm":"production"}'`,
      'production',
      { verdict: 'allow' },
    ],
    [
      'allow without the confirm value',
      `echo '{"verdict":"allow"}'`,
      'production',
      { verdict: 'deny', message: expect.stringMatching(/typed confirmation/) },
    ],
    ['wrong confirm value', `echo '{"verdict":"allow","confirm":"prod"}'`, 'production', { verdict: 'deny' }],
    [
      'non-zero exit',
      `echo '{"verdict":"allow"}'; exit 3`,
      undefined,
      { verdict: 'deny', message: expect.stringMatching(/exited with code 3.*ask the user/) },
    ],
    [
      'garbage',
      `echo 'yes please'`,
      undefined,
      { verdict: 'deny', message: expect.stringMatching(/no valid verdict/) },
    ],
    ['no output', `true`, undefined, { verdict: 'deny' }],
    ['unknown verdict', `echo '{"verdict":"ask"}'`, undefined, { verdict: 'deny' }],
    [
      'killed by a signal',
      `kill -9 $$`,
      undefined,
      { verdict: 'deny', message: expect.stringMatching(/SIGKILL/) },
    ],
  ])('%s', async (name, body, confirm, want) => {
    const cmd = script(name.replace(/\W+/g, '-') + '.sh', body);
    const a = createExternalApprover(cmd);
    expect(a.name).toBe(`external:${path.basename(cmd)}`);
    const r = await a.decide(req(confirm), new AbortController().signal);
    expect(r).toMatchObject({ ...want, approver: a.name });
  });

  it('passes the request JSON on stdin', async () => {
    const out = path.join(dir, 'stdin.json');
    const cmd = script('cat.sh', `cat > ${out}; echo '{"verdict":"deny"}'`);
    await createExternalApprover(cmd).decide(req('production'), new AbortController().signal);
    const got = JSON.parse(readFileSync(out, 'utf8')) as ApprovalRequest;
    expect(got).toMatchObject({
      id: 4,
      command: 'psql -c "DROP DATABASE production"',
      confirm: 'production',
    });
  });

  it('denies on timeout and kills the command', async () => {
    const cmd = script('slow.sh', `sleep 5; echo '{"verdict":"allow"}'`);
    const t0 = Date.now();
    const r = await createExternalApprover(cmd, { timeoutMs: 300 }).decide(
      req(),
      new AbortController().signal,
    );
    expect(r.verdict).toBe('deny');
    expect(r.message).toMatch(/no answer within 0 s/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('denies when the broker withdraws the request', async () => {
    const cmd = script('slow2.sh', `sleep 5; echo '{"verdict":"allow"}'`);
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    const r = await createExternalApprover(cmd).decide(req(), ctl.signal);
    expect(r.verdict).toBe('deny');
  });

  it('denies when the command does not exist', async () => {
    const r = await createExternalApprover(path.join(dir, 'missing')).decide(
      req(),
      new AbortController().signal,
    );
    expect(r).toMatchObject({ verdict: 'deny', approver: 'external:missing' });
  });

  it.each([
    ['notify --to ops', ['notify', '--to', 'ops']],
    ['"/opt/my approver/run" -v', ['/opt/my approver/run', '-v']],
  ])('parses %j', (cmd, argv) => expect(parseApproverCommand(cmd)).toEqual(argv));

  it.each(['a | b', 'a; rm -rf /', 'a > out', 'a && b', ''])('refuses %j', (cmd) => {
    expect(() => parseApproverCommand(cmd)).toThrow(/not a plain command/);
  });
});

/**
 * CLI conventions through the real built CLI: NO_COLOR, `--json` where a command reports
 * (and a usage error where it does not), `--audit` in a missing folder, `rules lint`
 * naming misspelled match fields and unknown placeholders, the shipped packs linting
 * without problems, and `agentfw log` filters on a real audit log written by a session.
 */
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'agentfw');
let root: string;
let home: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'afw-cli-'));
  home = path.join(root, 'home');
  mkdirSync(path.join(home, 'ws'), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = (extra: Record<string, string> = {}) => ({
  HOME: home,
  PATH: process.env.PATH ?? '',
  AGENTFW_RUNTIME_DIR: path.join(root, 'rt'),
  ...extra,
});
const run = (args: string[], extra: Record<string, string> = {}) =>
  execa(BIN, args, { reject: false, env: env(extra), extendEnv: false, cwd: path.join(home, 'ws') });

describe('colour', () => {
  it('check never colours piped output, and NO_COLOR is honoured', async () => {
    const r = await run(['check', '--', 'rm -rf /'], { NO_COLOR: '1' });
    expect(r.exitCode).toBe(20);
    expect(r.stdout).not.toContain('\x1b[');
  });
});

describe('--json', () => {
  it.each<[string[], number]>([
    [['rules', 'lint', '--json'], 0],
    [['rules', 'test', '--json'], 0],
    [['demo', '--json'], 0],
    [['doctor', '--json'], 0],
  ])(
    '%j prints one JSON document',
    async (args, code) => {
      const r = await run(args);
      expect(r.exitCode).toBe(code);
      expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    },
    120_000,
  );

  it.each([[['mask', '--json']], [['watch', '--json']], [['rules', 'schema', '--json']]])(
    '%j is refused with a usage error',
    async (args) => {
      const r = await run(args);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/E_USAGE/);
    },
  );

  it('demo --json shows the unprotected run deleting and the protected one holding', async () => {
    const r = await run(['demo', '--json']);
    const j = JSON.parse(r.stdout) as {
      ok: boolean;
      without_agentfw: { destructive_mutations: string[] };
      with_agentfw: { destructive_mutations: string[] };
    };
    expect(j.without_agentfw.destructive_mutations).toEqual(['volumeDelete']);
    expect(j.with_agentfw.destructive_mutations).toEqual([]);
    expect(j.ok).toBe(true);
  }, 120_000);
});

describe('--audit', () => {
  it('a file in a folder that does not exist is a usage error, and nothing is created', async () => {
    const missing = path.join(root, 'no-such-dir', 'sub', 'audit.jsonl');
    const r = await run(['run', '--headless', '--audit', missing, '--', 'true']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(() => readFileSync(missing)).toThrow();
    expect(() => readFileSync(path.dirname(path.dirname(missing)))).toThrow(/ENOENT/);
  });
});

describe('the end of a session', () => {
  it('prints one summary line with the counts and the audit path', async () => {
    const audit = path.join(root, 'summary.jsonl');
    const r = await run([
      'run',
      '--headless',
      '--audit',
      audit,
      '--',
      'bash',
      '-c',
      'ls >/dev/null; rm -rf ~/zz',
    ]);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('agentfw: session ended'));
    expect(lines).toEqual([
      `agentfw: session ended: 1 command(s) checked, 0 asked a human, 1 refused; audit: ${audit} (agentfw log --audit ${audit})`,
    ]);
  });
});

describe('rules lint names', () => {
  it('misspelled match fields and unknown placeholders are named, with a suggestion', async () => {
    const file = path.join(root, 'typo.yaml');
    writeFileSync(
      file,
      `pack: typo
version: 1.0.0
rules:
  - id: delete-build
    title: delete of a build folder
    severity: low
    decision: ask
    match:
      kind: fs
      op: delete
      targets.pth: { regex: "build" }
    message: "deletes {targets.pht}"
    agent_message: "ask the user"
    examples:
      match:
        - rm -rf build
      not_match:
        - rm -rf src
`,
    );
    const r = await run(['rules', 'lint', '--json', file]);
    const j = JSON.parse(r.stdout) as { problems: unknown[]; warnings: string[] };
    const w = j.warnings.join('\n');
    expect(w).toMatch(
      /match field "targets\.pth" is not a field of fs facts \(did you mean "targets\.path"\?\)/,
    );
    expect(w).toMatch(
      /placeholder \{targets\.pht\} names no field of fs facts \(did you mean \{targets\.path\}\?\)/,
    );
  });

  it('the shipped packs lint with no problem and no unknown names', async () => {
    const r = await run(['rules', 'lint', '--json']);
    const j = JSON.parse(r.stdout) as { problems: unknown[]; warnings: string[] };
    expect(j.problems).toEqual([]);
    expect(j.warnings.filter((x) => /match field|placeholder/.test(x))).toEqual([]);
  });
});

describe('agentfw log filters', () => {
  let audit: string;
  beforeAll(async () => {
    audit = path.join(root, 'log.jsonl');
    // Two real sessions writing to one log: one harmless, one refused.
    await run(['run', '--headless', '--audit', audit, '--', 'bash', '-c', 'echo hi']);
    await run(['run', '--headless', '--audit', audit, '--', 'bash', '-c', 'rm -rf ~/x']);
  }, 120_000);

  const records = async (...args: string[]) => {
    const r = await run(['log', '--audit', audit, '--json', ...args]);
    expect(r.exitCode).toBe(0);
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { session: string; decision: string; verdict: string; rules: string[] });
  };

  it.each<[string, string[], (r: { decision: string; verdict: string; rules: string[] }) => boolean]>([
    ['--decision deny', ['--decision', 'deny'], (r) => r.decision === 'deny'],
    ['--decision allow', ['--decision', 'allow'], (r) => r.decision === 'allow'],
    ['--decision ask', ['--decision', 'ask'], (r) => r.verdict === 'ask'],
    ['--rule filesystem', ['--rule', 'filesystem'], (r) => r.rules.some((x) => x.startsWith('filesystem/'))],
    ['--since 1h', ['--since', '1h'], () => true],
  ])('%s keeps exactly the matching records', async (_n, args, keep) => {
    const all = await records();
    expect(all.length).toBeGreaterThanOrEqual(2);
    const got = await records(...args);
    expect(got).toEqual(all.filter(keep));
    expect(got.length).toBeGreaterThan(0);
  });

  it('--session keeps one session, and --since in the future keeps none', async () => {
    const all = await records();
    const first = all[0].session;
    expect((await records('--session', first.slice(0, 8))).every((r) => r.session === first)).toBe(true);
    expect(await records('--since', '2999-01-01')).toEqual([]);
  });

  it.each([
    [['--decision', 'maybe'], /not allow, ask or deny/],
    [['--since', 'yesterday'], /neither a duration nor a date/],
    [['--verify', '--rule', 'x'], /--verify checks the whole log/],
  ])('%j is a usage error', async (args, msg) => {
    const r = await run(['log', '--audit', audit, ...args]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  it('--follow prints records appended after it started', async () => {
    const p = execa(BIN, ['log', '--audit', audit, '--json', '--follow', '--since', '2999-01-01'], {
      reject: false,
      env: env(),
      extendEnv: false,
    });
    let out = '';
    p.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    await run(['run', '--headless', '--audit', audit, '--', 'bash', '-c', 'echo followed']);
    // The new records are in the future-filtered view only if --since let them through: use a second follower.
    const q = execa(BIN, ['log', '--audit', audit, '--json', '--follow', '--rule', 'filesystem'], {
      reject: false,
      env: env(),
      extendEnv: false,
    });
    let qout = '';
    q.stdout?.on('data', (d: Buffer) => (qout += d.toString()));
    const before = await waitFor(
      () => qout.split('\n').filter(Boolean).length,
      (n) => n > 0,
    );
    await run(['run', '--headless', '--audit', audit, '--', 'bash', '-c', 'rm -rf ~/y']);
    await waitFor(
      () => qout.split('\n').filter(Boolean).length,
      (n) => n > before,
    );
    expect(qout).toContain('rm -rf ~/y');
    p.kill('SIGINT');
    q.kill('SIGINT');
    await Promise.all([p, q]);
    expect(out).toBe('');
  }, 120_000);
});

async function waitFor<T>(get: () => T, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = get();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

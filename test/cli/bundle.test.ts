/**
 * The bundled CLI (dist/bundle/, scripts/bundle.mjs) behaves as the modules it was made
 * from: the paths each module finds from its own location (package root, gate client,
 * rulesets, grammars, the worker's entry file) resolve from dist/bundle/ too. Run through
 * the bundle directly, in a temporary HOME and workspace. Needs `npm run build` with
 * esbuild installed (a devDependency); without the bundle there is nothing to check.
 */
import { execa } from 'execa';
import { isAscii } from 'node:buffer';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'main.js');
/** The CommonJS bundle bin/agentfw runs with V8's code cache (bin/bundle-loader.mjs). */
const CJS = path.join(ROOT, 'dist', 'bundle', 'main.cjs');
const LOADER = path.join(ROOT, 'bin', 'bundle-loader.mjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = { ...process.env, HOME: tmp, XDG_CACHE_HOME: path.join(tmp, 'cache') };
const LOAD = {
  esm: `const m = await import(${JSON.stringify(BUNDLE)});`,
  cjs: `const { loadBundle } = await import(${JSON.stringify(LOADER)}); const m = loadBundle(${JSON.stringify(CJS)}).exports;`,
};
const viaBundle = (kind: keyof typeof LOAD, args: string[]) =>
  execa(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `${LOAD[kind]} process.exitCode = await m.main(process.argv.slice(1));`,
      ...args,
    ],
    { cwd: tmp, env, reject: false, timeout: 60_000 },
  );

describe.each([
  ['esm', BUNDLE],
  ['cjs', CJS],
] as const)('the bundled CLI (%s)', (kind, file) => {
  it.skipIf(!existsSync(file)).each([
    // the engine in-process: rulesets, grammar query, parser
    [['check', 'rm -rf ~'], 20, /^DENY\s+filesystem\/destroy-root-home-system/m],
    [['check', 'ls -la'], 0, /^ALLOW/m],
    // inline code: the Python grammar, loaded on first use (`/x` is also Git Bash's name of drive X:'s root)
    [['check', 'python3 -c "import shutil; shutil.rmtree(\'/x\')"'], 20, /^DENY\s+filesystem\//m],
  ])('%j exits %i', async (args, code, out) => {
    const r = await viaBundle(kind, args);
    expect(r.stdout).toMatch(out);
    expect(r.exitCode).toBe(code);
  });

  it.skipIf(!existsSync(file))(
    'runs a session whose command is refused by the worker pool, and audits it',
    async () => {
      // Control: without agentfw the command does delete the home it is given.
      const spare = mkdtempSync(path.join(tmp, 'spare-home-'));
      writeFileSync(path.join(spare, 'keep'), 'x');
      await execa('bash', ['-c', 'rm -rf ~'], { env: { ...env, HOME: spare } });
      expect(existsSync(spare)).toBe(false);

      writeFileSync(path.join(tmp, 'keep'), 'x');
      const audit = path.join(tmp, `audit-${kind}.jsonl`);
      const r = await viaBundle(kind, [
        'run',
        '--headless',
        '--no-sandbox',
        '--audit',
        audit,
        '--',
        'bash',
        '-c',
        'rm -rf ~',
      ]);
      expect(r.exitCode).toBe(126);
      expect(r.stdout).toMatch(/BLOCKED \(shell gate\)/);
      expect(readFileSync(path.join(tmp, 'keep'), 'utf8')).toBe('x');
      const recs = readFileSync(audit, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { decision?: string });
      expect(recs.some((x) => x.decision === 'deny')).toBe(true);
    },
  );

  it.skipIf(kind !== 'cjs' || !existsSync(file))('is ASCII, so the loader reads it as one-byte text', () => {
    expect(isAscii(readFileSync(file))).toBe(true);
  });
});

/**
 * `./mvnw GOALS` under `agentfw run --headless` is judged as `mvn GOALS` once, for both
 * forms projects ship: Maven's script-only wrapper (no wrapper jar: the script reads
 * .mvn/wrapper/maven-wrapper.properties and execs the Maven installed under
 * ~/.m2/wrapper/dists) and the classic wrapper (a java on the wrapper jar, its exec over
 * continued lines). Stand-ins: a Maven and a `java` that print what they were started with.
 * A wrapper written during the session is analysed as the script it is and asked about; so
 * are a script-only mvnw without its properties file (it cannot know which Maven to run)
 * and a classic mvnw without its jar (it would download one and run it). Controls: without agentfw the same wrappers run the same way.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/wrappers/${name}`, import.meta.url));
let s: Scratch;
let approver: string;
let javaBin: string;

/** `dir/mvnw` from `fixture`, with the given files under `dir/.mvn/wrapper/`. */
function project(dir: string, name: string, files: Record<string, string>): void {
  mkdirSync(path.join(dir, '.mvn', 'wrapper'), { recursive: true });
  copyFileSync(fixture(name), path.join(dir, 'mvnw'));
  chmodSync(path.join(dir, 'mvnw'), 0o755);
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, '.mvn', 'wrapper', f), text);
}

const PROPS =
  'distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.6/apache-maven-3.9.6-bin.zip\n';

beforeAll(() => {
  ensureBuilt();
  s = scratch();
  // The workspace: the script-only form (no jar). classic/: the classic form (jar present).
  // bare/: a script-only mvnw whose properties file is missing.
  project(s.ws, 'mvnw-only-script', { 'maven-wrapper.properties': PROPS });
  project(path.join(s.ws, 'classic'), 'mvnw-classic', {
    'maven-wrapper.jar': 'PK\x03\x04 stand-in jar',
    'maven-wrapper.properties': PROPS,
  });
  project(path.join(s.ws, 'bare'), 'mvnw-only-script', {});
  // nojar/: a classic mvnw whose jar is missing (the real one would download a jar and run it).
  project(path.join(s.ws, 'nojar'), 'mvnw-classic', { 'maven-wrapper.properties': PROPS });
  // The Maven the script-only wrapper installed earlier (outside the workspace).
  const mavenBin = path.join(s.home, '.m2', 'wrapper', 'dists', 'apache-maven-3.9.6', 'bin');
  mkdirSync(mavenBin, { recursive: true });
  writeFileSync(path.join(mavenBin, 'mvn'), '#!/bin/sh\necho "maven started with: $*"\n');
  chmodSync(path.join(mavenBin, 'mvn'), 0o755);
  javaBin = path.join(s.root, 'jdk', 'bin');
  mkdirSync(javaBin, { recursive: true });
  writeFileSync(path.join(javaBin, 'java'), '#!/bin/sh\necho "java started with: $*"\n');
  chmodSync(path.join(javaBin, 'java'), 0o755);
  approver = path.join(s.root, 'approver.mjs');
  writeFileSync(
    approver,
    `#!/usr/bin/env node
import { appendFileSync, readFileSync } from 'node:fs';
const req = JSON.parse(readFileSync(0, 'utf8').split('\\n')[0]);
appendFileSync(process.env.ASK_LOG, JSON.stringify({ layer: req.layer, command: req.command }) + '\\n');
console.log(JSON.stringify({ verdict: 'deny' }));
`,
  );
  chmodSync(approver, 0o755);
});
afterAll(() => s?.cleanup());

const plainEnv = () => ({ ...process.env, HOME: s.home, PATH: `${javaBin}:${process.env.PATH}` });

let n = 0;
async function through(cmd: string) {
  const log = path.join(s.root, `asks-${++n}.jsonl`);
  writeFileSync(log, '');
  const env = cliEnv(s, { PATH: `${javaBin}:${process.env.PATH}`, ASK_LOG: log, HOME: s.home });
  const r = await cli(
    ['run', '--headless', '--no-sandbox', '--approver', approver, '--', 'bash', '-c', cmd],
    {
      env,
      cwd: s.ws,
    },
  );
  const asks = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { layer: string; command: string });
  return { ...r, asks };
}

const FORMS: [string, string, string][] = [
  ['script-only (no jar)', './mvnw', 'maven started with: '],
  [
    'classic (jar, exec over continued lines)',
    './classic/mvnw',
    'org.apache.maven.wrapper.MavenWrapperMain ',
  ],
];

describe('./mvnw is mvn with these goals', () => {
  it.each(FORMS)('control: without agentfw the %s wrapper runs its Maven', (_form, script, started) => {
    const r = spawnSync(script, ['package'], { cwd: s.ws, env: plainEnv(), encoding: 'utf8' });
    expect(r.stdout).toContain(`${started}package`);
  });

  it.each(
    FORMS.flatMap(([form, script, started]) => [
      [form, script, 'package', started],
      [form, script, 'deploy -DskipTests', started],
    ]),
  )('%s: %s %s asks nothing and runs', async (_form, script, goals, started) => {
    const r = await through(`${script} ${goals}`);
    expect(r.asks.map((a) => `${a.layer}: ${a.command.slice(0, 200)}`)).toEqual([]);
    expect(r.stdout).toContain(`${started}${goals}`);
    expect(r.code).toBe(0);
  });

  it('a wrapper written during the session is analysed as a script (asked about, not run)', async () => {
    const r = await through(
      `node -e "require('fs').copyFileSync('mvnw','mvnw-new')" && bash -c './mvnw-new package'`,
    );
    expect(r.asks.some((a) => a.command.includes('./mvnw-new package'))).toBe(true);
    expect(r.stdout).not.toContain('maven started with');
  });

  it('a classic mvnw without its jar: the jar it would run is unknown, so it is asked about', async () => {
    const r = await through('./nojar/mvnw package');
    expect(r.asks.map((a) => a.command)).toEqual(['./nojar/mvnw package']);
    expect(r.stdout).not.toContain('MavenWrapperMain');
  });

  it('a script-only mvnw without its properties: without agentfw it fails; under agentfw it is asked about', async () => {
    const plain = spawnSync('./bare/mvnw', ['package'], { cwd: s.ws, env: plainEnv(), encoding: 'utf8' });
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toContain('maven-wrapper.properties');
    const r = await through('./bare/mvnw package');
    expect(r.asks.map((a) => a.command)).toEqual(['./bare/mvnw package']);
    expect(r.stdout).not.toContain('maven started with');
  });
});

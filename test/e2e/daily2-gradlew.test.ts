/**
 * `./gradlew TASKS` under `agentfw run --headless` (with --no-sandbox, and in the default
 * sandbox where the exec gate also sees the wrapper exec) is judged as `gradle TASKS` once, with
 * a faithful copy of a Gradle wrapper script and a stand-in `java` (outside the workspace)
 * that prints what it was started with. A wrapper written during the session (the same
 * bytes, copied by the agent) is analysed as the script it is and asked about.
 * Control: without agentfw the same wrapper runs the same way.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { askedRun, countingApprover, ensureBuilt } from './run-helpers.js';

const GRADLEW = fileURLToPath(new URL('../fixtures/wrappers/gradlew', import.meta.url));
let s: Scratch;
let approver: string;
let javaBin: string;

beforeAll(() => {
  ensureBuilt();
  s = scratch();
  copyFileSync(GRADLEW, path.join(s.ws, 'gradlew'));
  chmodSync(path.join(s.ws, 'gradlew'), 0o755);
  mkdirSync(path.join(s.ws, 'gradle', 'wrapper'), { recursive: true });
  writeFileSync(path.join(s.ws, 'gradle', 'wrapper', 'gradle-wrapper.jar'), 'PK\x03\x04 stand-in jar');
  writeFileSync(
    path.join(s.ws, 'gradle', 'wrapper', 'gradle-wrapper.properties'),
    'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.5-bin.zip\n',
  );
  // Under HOME (read-only but visible in the sandbox), like an installed JDK.
  javaBin = path.join(s.home, '.jdk', 'bin');
  mkdirSync(javaBin, { recursive: true });
  writeFileSync(path.join(javaBin, 'java'), '#!/bin/sh\necho "java started with: $*"\n');
  chmodSync(path.join(javaBin, 'java'), 0o755);
  approver = countingApprover(s);
});
afterAll(() => s?.cleanup());

/** Runs `bash -c CMD` under agentfw (default sandbox or not) with the stand-in java on PATH; every dialog is denied. */
const through = (cmd: string, sandbox: boolean) =>
  askedRun(s, approver, cmd, {
    verdict: 'deny',
    sandbox,
    env: { PATH: `${javaBin}:${process.env.PATH}`, HOME: s.home },
  });

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
const modes: [string, boolean][] = [['--no-sandbox', false]];
if (HAS_BWRAP) modes.push(['the default sandbox (exec gate on)', true]);

describe('./gradlew control', () => {
  it('control: without agentfw the wrapper starts java on the wrapper main class', () => {
    const r = spawnSync('./gradlew', ['publish'], {
      cwd: s.ws,
      env: { ...process.env, PATH: `${javaBin}:${process.env.PATH}` },
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('org.gradle.wrapper.GradleWrapperMain publish');
  });
});

describe.each(modes)('./gradlew is gradle with these tasks, %s', (_mode, sandbox) => {
  it.each([['publish'], ['build --info']])('./gradlew %s asks nothing and runs', async (tasks) => {
    const r = await through(`./gradlew ${tasks}`, sandbox);
    expect(r.asks.map((a) => `${a.layer}: ${a.command.slice(0, 200)}`)).toEqual([]);
    expect(r.stdout).toContain(`org.gradle.wrapper.GradleWrapperMain ${tasks}`);
    expect(r.code).toBe(0);
  });

  it('a wrapper written during the session is analysed as a script (asked about, not run)', async () => {
    // Written by a tool the analysis cannot follow; the nested shell is judged when it starts,
    // after the copy exists: then the new file is read, found newer than the session, and analysed.
    const r = await through(
      `node -e "require('fs').copyFileSync('gradlew','gradlew-new')" && bash -c './gradlew-new publish'`,
      sandbox,
    );
    expect(r.asks.length).toBeGreaterThan(0);
    expect(r.asks.some((a) => a.command.includes('./gradlew-new publish'))).toBe(true);
    expect(r.stdout).not.toContain('java started with');
  });
});

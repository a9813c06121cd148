/**
 * What an exec of a shim or wrapper is judged as (src/gates/exec/exec-shims.ts): real files
 * in a scratch HOME and workspace. `since` stands for the session start: files changed
 * after it are not trusted as shims.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateRequest } from '../../../src/gates/protocol.js';
import { execShimOf } from '../../../src/gates/exec/exec-shims.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-xs-'));
const home = path.join(dir, 'home');
const ws = path.join(dir, 'ws');
const GRADLEW = fileURLToPath(new URL('../../fixtures/wrappers/gradlew', import.meta.url));
const AFTER = 0; // a session that started before every file: nothing predates it
let BEFORE = 0; // a session that started after the files were made

const shim = (root: string) =>
  `#!/usr/bin/env bash\nset -e\n[ -n "$PYENV_DEBUG" ] && set -x\nprogram="\${0##*/}"\nexport PYENV_ROOT="${root}"\nexec "${root}/libexec/pyenv" exec "$program" "$@"\n`;

function file(p: string, text: string) {
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  chmodSync(p, 0o755);
}

beforeAll(() => {
  const root = path.join(home, '.pyenv');
  file(path.join(root, 'libexec/pyenv'), '#!/usr/bin/env bash\nexec "$@"\n');
  file(path.join(root, 'shims/pip'), shim(root));
  file(path.join(home, '.local/bin/mise'), '\x7fELF stand-in');
  mkdirSync(path.join(home, '.local/share/mise/shims'), { recursive: true });
  symlinkSync(path.join(home, '.local/bin/mise'), path.join(home, '.local/share/mise/shims/node'));
  file(path.join(ws, 'gradlew'), '');
  copyFileSync(GRADLEW, path.join(ws, 'gradlew'));
  file(path.join(ws, 'gradle/wrapper/gradle-wrapper.jar'), 'PK');
  file(path.join(ws, 'gradle/wrapper/gradle-wrapper.properties'), 'distributionUrl=x\n');
  file(path.join(ws, 'other.sh'), '#!/usr/bin/env bash\nrm -rf "$1"\n');
  BEFORE = Date.now() + 1000;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const req = (argv: string[], p = ''): GateRequest => ({ layer: 'exec', argv, cwd: ws, pid: 0, path: p });

describe('execShimOf', () => {
  it.each<[string, () => GateRequest, () => number, unknown]>([
    [
      'a pyenv shim exec’d directly: the tool, its manager, and the interpreter env starts',
      () => req([path.join(home, '.pyenv/shims/pip'), '--version']),
      () => BEFORE,
      () => ({
        argv: ['pip', '--version'],
        file: path.join(home, '.pyenv/shims/pip'),
        managerRoot: path.join(home, '.pyenv'),
        interpreter: ['bash', path.join(home, '.pyenv/shims/pip'), '--version'],
      }),
    ],
    [
      'the shim run by bash (what env execs next)',
      () => req(['bash', path.join(home, '.pyenv/shims/pip'), 'list'], '/usr/bin/bash'),
      () => BEFORE,
      () => ({
        argv: ['pip', 'list'],
        file: path.join(home, '.pyenv/shims/pip'),
        managerRoot: path.join(home, '.pyenv'),
      }),
    ],
    [
      'a shim changed during the session is judged by content',
      () => req([path.join(home, '.pyenv/shims/pip'), '--version']),
      () => AFTER,
      () => undefined,
    ],
    ['a script that is no shim', () => req(['./other.sh', '/x']), () => BEFORE, () => undefined],
    [
      'a link to a multiplexing manager binary: the tool is the link name',
      () => req([path.join(home, '.local/share/mise/shims/node'), '-e', '1']),
      () => BEFORE,
      () => ({ argv: ['node', '-e', '1'], file: path.join(home, '.local/share/mise/shims/node') }),
    ],
    [
      'a multiplexer link made during the session',
      () => req([path.join(home, '.local/share/mise/shims/node'), '-e', '1']),
      () => AFTER,
      () => undefined,
    ],
    [
      "the project's own ./gradlew",
      () => req(['./gradlew', 'build']),
      () => BEFORE,
      () => ({ argv: ['gradle', 'build'], file: path.join(ws, 'gradlew') }),
    ],
    [
      'a ./gradlew written during the session',
      () => req(['./gradlew', 'build']),
      () => AFTER,
      () => undefined,
    ],
  ])('%s', (_n, r, since, expected) => {
    const got = execShimOf(r(), { home, workspace: ws, since: since() });
    const want = (expected as () => unknown)();
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toEqual(expect.objectContaining(want as object));
  });
});

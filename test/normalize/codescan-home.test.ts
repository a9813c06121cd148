/** Paths as code spells them (src/normalize/codescan-home.ts), read through the code scanner's valueOf. */
import { describe, expect, it } from 'vitest';
import { lex, type Lang } from '../../src/normalize/codelex.js';
import { valueOf } from '../../src/normalize/codescan-values.js';
import { pathMethod } from '../../src/normalize/codescan-home.js';

/** The value of one expression of `lang` code, home /h: its text, or `dynamic:` and its text. */
function value(lang: Lang, expr: string): string {
  const lx = lex(expr, lang);
  const v = valueOf(lx.skel, lx, '/h');
  return v.dynamic ? `dynamic:${v.text}` : v.text;
}

describe('paths built from the home directory', () => {
  it.each<[Lang, string, string]>([
    ['python', "Path.home().joinpath('.pypirc')", '/h/.pypirc'],
    ['python', "pathlib.Path.home().joinpath('.config', 'gh', 'hosts.yml')", '/h/.config/gh/hosts.yml'],
    ['python', "Path('~/.npmrc').expanduser()", '/h/.npmrc'],
    ['python', "pathlib.Path('~').expanduser().joinpath('.netrc')", '/h/.netrc'],
    ['python', "(Path.home() / '.cargo' / 'credentials.toml').resolve()", '/h/.cargo/credentials.toml'],
    ['python', "os.path.expanduser('~') + '/.databrickscfg'", '/h/.databrickscfg'],
    ['node', "require('os').homedir() + '/.kube/config'", '/h/.kube/config'],
    ['node', "os.homedir() + '/.docker/' + 'config.json'", '/h/.docker/config.json'],
    ['node', "path.resolve(os.homedir(), '.npmrc')", '/h/.npmrc'],
    ['ruby', "File.expand_path('~/.ssh/id_ed25519')", '~/.ssh/id_ed25519'],
    // a part not known statically keeps the path unknown
    ['python', 'Path.home().joinpath(name)', 'dynamic:/h/name'],
    ['node', 'os.homedir() + rel', 'dynamic:/hrel'],
    ['python', "Path('build').joinpath('out.log')", 'build/out.log'],
    // Scala's system properties and environment
    ['jvm', 'sys.props("user.home") + "/.aws/credentials"', '/h/.aws/credentials'],
    ['jvm', 'sys.env("HOME") + "/.netrc"', '/h/.netrc'],
    ['jvm', 'sys.props("java.io.tmpdir") + "/x"', 'dynamic:sys.props("java.io.tmpdir")/x'],
  ])('%s %s → %s', (lang, expr, want) => expect(value(lang, expr)).toBe(want));
});

describe('pathMethod', () => {
  it.each<[string, string, string[], boolean] | [string, undefined]>([
    ['p.joinpath(a, b)', 'p', ['a', ' b'], true],
    ['Path.home().joinpath(x)', 'Path.home()', ['x'], true],
    ['p.expanduser()', 'p', [], false],
    ['p.resolve()', 'p', [], false],
    // Node's path.resolve(a, b) and Ruby's File.expand_path(p) are joins of their arguments, read elsewhere
    ["path.resolve(os.homedir(), '.npmrc')", undefined],
    ['File.expand_path(p)', undefined],
    // not a path object's last call
    ['p.joinpath(a).name', undefined],
    ['sep.join(parts)', undefined],
  ])('%s', (t, receiver, args?, joined?) => {
    const m = pathMethod(t);
    if (receiver === undefined) expect(m).toBeUndefined();
    else expect(m).toEqual({ receiver, args, joined });
  });
});

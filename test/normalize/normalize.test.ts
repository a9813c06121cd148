import { describe, expect, it } from 'vitest';
import { expectCommands, type Expect } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS, type AnalyzeContext } from '../../src/engine/types.js';

const FILES: Record<string, string> = {
  '/w/deploy.sh': 'rm -rf /srv/app\n',
  '/w/targets.txt': '/\n/home\n',
};

function ctx(over: Partial<AnalyzeContext> = {}): AnalyzeContext {
  return {
    cwd: '/w',
    workspace: '/w',
    home: '/h',
    env: { USER: 'dev' },
    readFile: (p) => FILES[p],
    limits: DEFAULT_LIMITS,
    ...over,
  };
}

function norm(script: string, c: AnalyzeContext = ctx()) {
  return normalize(parseScript(script, c.limits), c);
}

/** Every expected command appears (partial match), and there are no issues. */
const check = (script: string, expected: Expect[]) => expectCommands(norm(script), expected);

const RM_ROOT = ['rm', '-rf', '/'];

describe('plain commands, quoting and expansion', () => {
  it.each<[string, Expect[]]>([
    ['ls -la', [{ program: 'ls', argv: ['ls', '-la'], wrappers: [], cwd: '/w', dynamic: false }]],
    ["'rm' -rf /", [{ program: 'rm', argv: RM_ROOT }]],
    ['r"m" -rf /', [{ program: 'rm', argv: RM_ROOT }]],
    ['\\rm -rf /', [{ program: 'rm', argv: RM_ROOT }]],
    ["$'\\x72\\x6d' -rf /", [{ program: 'rm', argv: RM_ROOT }]],
    ["$'\\162m' -r\"f\" '/'", [{ program: 'rm', argv: RM_ROOT }]],
    ['rm${IFS}-rf${IFS}/', [{ program: 'rm', argv: RM_ROOT }]],
    ['{rm,-rf,/}', [{ program: 'rm', argv: RM_ROOT }]],
    ['{chmod,-R,777,/etc}', [{ program: 'chmod', argv: ['chmod', '-R', '777', '/etc'] }]],
    ['echo a{b,c}d', [{ argv: ['echo', 'abd', 'acd'] }]],
    ['echo {1..3}', [{ argv: ['echo', '1', '2', '3'] }]],
    ["echo '{a,b}'", [{ argv: ['echo', '{a,b}'] }]],
    ['rm -rf ~', [{ argv: ['rm', '-rf', '/h'] }]],
    ['rm -rf ~/.ssh', [{ argv: ['rm', '-rf', '/h/.ssh'] }]],
    ['rm -rf "$HOME"', [{ argv: ['rm', '-rf', '/h'] }]],
    ['rm -rf ${HOME}/x', [{ argv: ['rm', '-rf', '/h/x'] }]],
    ['echo $USER $PWD', [{ argv: ['echo', 'dev', '/w'] }]],
    ['x=rm; $x -rf /', [{ program: 'rm', argv: RM_ROOT, dynamic: false }]],
    ['export T=/etc; rm -rf "$T"', [{ argv: ['rm', '-rf', '/etc'] }]],
    ['f() { local d=/var; rm -rf $d; }; f', [{ argv: ['rm', '-rf', '/var'] }]],
    ['readonly R=/opt; rm -rf $R', [{ argv: ['rm', '-rf', '/opt'] }]],
    ['a=r; b=m; $a$b -rf /', [{ program: 'rm', argv: RM_ROOT }]],
    ['unset D; rm -rf ${D:-/}', [{ argv: RM_ROOT, dynamic: false }]],
    ['rm -rf ${UNKNOWN_VAR:-/}', [{ argv: RM_ROOT, dynamic: true }]],
    ['rm -rf ${UNKNOWN_VAR:-}/', [{ argv: RM_ROOT, dynamic: true }]],
    ['rm -rf $UNKNOWN', [{ program: 'rm', argv: ['rm', '-rf', '$UNKNOWN'], dynamic: true }]],
    // arrays whose elements are known: "${a[@]}" one word each, ${a[N]}, $a the first
    [
      'declare -a dirs=(dist coverage .turbo); rm -rf "${dirs[@]}"',
      [{ argv: ['rm', '-rf', 'dist', 'coverage', '.turbo'], dynamic: false }],
    ],
    ['d=(/ x); rm -rf "${d[@]}"', [{ argv: ['rm', '-rf', '/', 'x'], dynamic: false }]],
    ['d=(x "a b"); d+=(/); rm -rf "${d[2]}" $d', [{ argv: ['rm', '-rf', '/', 'x'], dynamic: false }]],
    ['d=(x); for t in "${d[@]}" /; do rm -rf "$t"; done', [{ argv: RM_ROOT, dynamic: false }]],
    ['d=(x $(whoami)); rm -rf "${d[@]}"', [{ argv: ['rm', '-rf', 'x', '$(whoami)'], dynamic: true }]],
    ['d=([1]=/); rm -rf "${d[@]}"', [{ argv: ['rm', '-rf', '${d[@]}'], dynamic: true }]],
    ['d+=(/); rm -rf "${d[@]}"', [{ argv: ['rm', '-rf', '${d[@]}'], dynamic: true }]],
    ['d=(x); d=/; rm -rf "${d[@]}"', [{ argv: ['rm', '-rf', '${d[@]}'], dynamic: true }]],
    ['d=(x); unset d; rm -rf "${d[@]}"', [{ argv: ['rm', '-rf', '${d[@]}'], dynamic: true }]],
    // case modification of a known value
    ['c=LS; ${c,,} -la', [{ program: 'ls', argv: ['ls', '-la'], dynamic: false }]],
    ['c=rM; ${c^^} ${c,}', [{ argv: ['RM', 'rM'], dynamic: false }]],
    ['${UNKNOWN,,} -rf /', [{ argv: ['${UNKNOWN,,}', '-rf', '/'], dynamic: true }]],
    ['$CMD -rf /', [{ program: '', dynamic: true }]],
    ['$(echo rm) -rf /', [{ program: 'echo' }, { program: 'rm', argv: RM_ROOT }]],
    ['`printf rm` -rf /', [{ program: 'rm', argv: RM_ROOT }]],
    ['$(cat list.txt) -rf /', [{ program: '', dynamic: true }]],
    ['IFS=,; c="rm,-rf,/"; $c', [{ program: 'rm', argv: RM_ROOT, dynamic: false }]],
    ['IFS=:; c=rm:-rf:/; $c', [{ program: 'rm', argv: RM_ROOT, dynamic: false }]],
    ['IFS=,; y=c,d; echo "a,b" $y', [{ argv: ['echo', 'a,b', 'c', 'd'] }]],
    ['IFS=,; x="a,,b"; echo $x', [{ argv: ['echo', 'a', '', 'b'] }]],
    ['IFS=; c="rm -rf /"; $c', [{ argv: ['rm -rf /'], dynamic: false }]],
    ['unset IFS; c="rm -rf /"; $c', [{ program: 'rm', argv: RM_ROOT }]],
    ['IFS=$(cat sep); c="rm,-rf,/"; $c', [{ program: '', dynamic: true }]],
    [
      'Q=\'mutation { volumeDelete(volumeId: "v1") }\'; curl -d "{\\"query\\": \\"$Q\\"}" https://x/graphql',
      [
        {
          program: 'curl',
          argv: ['curl', '-d', '{"query": "mutation { volumeDelete(volumeId: "v1") }"}', 'https://x/graphql'],
        },
      ],
    ],
    ["echo 'rm -rf /'", [{ program: 'echo', argv: ['echo', 'rm -rf /'] }]],
    ["grep -rn 'rm -rf' scripts/", [{ program: 'grep', argv: ['grep', '-rn', 'rm -rf', 'scripts/'] }]],
    ["git commit -m 'rm -rf / now'", [{ program: 'git', argv: ['git', 'commit', '-m', 'rm -rf / now'] }]],
  ])('%s', (script, expected) => check(script, expected));

  it('does not trust words tree-sitter splits without a gap (rm$IFS-rf$IFS/etc)', () => {
    const parsed = parseScript('rm$IFS-rf$IFS/etc', DEFAULT_LIMITS);
    expect(parsed.issues.map((i) => i.code)).toContain('E_PARSE_SYNTAX');
    const r = normalize(parsed, ctx());
    expect(r.commands[0].program).toBe('rm');
  });

  it('emits nothing for a comment', () => {
    expect(norm('# rm -rf /')).toEqual({ commands: [], issues: [] });
  });

  it('keeps the echo of a dangerous string a plain command', () => {
    const r = norm("echo 'rm -rf /'");
    expect(r.commands).toHaveLength(1);
  });
});

describe('lists, pipes, control flow, cwd', () => {
  it.each<[string, Expect[]]>([
    ['true && rm -rf / || true', [{ program: 'true' }, { program: 'rm', argv: RM_ROOT }]],
    ['a; b & c | d', [{ program: 'a' }, { program: 'b' }, { program: 'c' }, { program: 'd' }]],
    ['(cd / && rm -rf *)', [{ program: 'rm', argv: ['rm', '-rf', '*'], cwd: '/' }]],
    ['(cd /tmp); rm -rf x', [{ program: 'rm', cwd: '/w' }]],
    ['cd /var && rm -rf log', [{ program: 'rm', cwd: '/var' }]],
    ['cd sub; cd ..; pwd', [{ program: 'pwd', cwd: '/w' }]],
    ['pushd /etc; rm -f passwd', [{ program: 'rm', cwd: '/etc' }]],
    ['for d in / ~; do rm -rf "$d"; done', [{ argv: RM_ROOT }, { argv: ['rm', '-rf', '/h'] }]],
    ['for f in $(ls); do rm "$f"; done', [{ program: 'ls' }, { program: 'rm', dynamic: true }]],
    ['if true; then rm -rf /; else echo; fi', [{ program: 'rm', argv: RM_ROOT }]],
    ['while true; do rm -rf /tmp/x; done', [{ program: 'rm' }]],
    ['case $x in a) rm -rf /;; *) ls;; esac', [{ program: 'rm', argv: RM_ROOT }, { program: 'ls' }]],
    ['! rm -rf /', [{ program: 'rm' }]],
    ['{ rm -rf /; }', [{ program: 'rm', argv: RM_ROOT }]],
    ['[[ -d x ]] && rm -rf x', [{ program: 'rm' }]],
    ["alias ll='rm -rf'; ll /", [{ program: 'rm', argv: RM_ROOT, wrappers: ['alias ll'] }]],
    ['f() { rm -rf "$1"; }; f /', [{ program: 'rm', argv: RM_ROOT }]],
    ['wipe() { rm -rf "$@"; }; wipe /a /b', [{ program: 'rm', argv: ['rm', '-rf', '/a', '/b'] }]],
    ['echo hi > out.txt 2>&1', [{ program: 'echo', writes: ['/w/out.txt'] }]],
    ['ls >> /etc/motd', [{ program: 'ls', writes: ['/etc/motd'] }]],
    ['cmd &> /dev/null', [{ program: 'cmd', writes: ['/dev/null'] }]],
    ['rm >/dev/null -rf /', [{ program: 'rm', argv: RM_ROOT }]],
    ['{ echo a; } > /etc/x', [{ program: 'echo', writes: ['/etc/x'] }]],
  ])('%s', (script, expected) => check(script, expected));

  // The grammar hangs redirects written after the last command of a list or pipeline on the
  // whole of it; bash gives them to that last command, in the directory it runs in.
  it.each([
    // [script, each command's program and what it writes, in order]
    [
      'cd /etc && echo x > passwd',
      [
        ['cd', []],
        ['echo', ['/etc/passwd']],
      ],
    ],
    [
      'cd /etc/sudoers.d && printf ok > ci',
      [
        ['cd', []],
        ['printf', ['/etc/sudoers.d/ci']],
      ],
    ],
    [
      'ls | sort > out.txt',
      [
        ['ls', []],
        ['sort', ['/w/out.txt']],
      ],
    ],
    [
      'a && b | c >> log',
      [
        ['a', []],
        ['b', []],
        ['c', ['/w/log']],
      ],
    ],
    [
      'a || b && c > f',
      [
        ['a', []],
        ['b', []],
        ['c', ['/w/f']],
      ],
    ],
    [
      'cd /tmp; echo x > y',
      [
        ['cd', []],
        ['echo', ['/tmp/y']],
      ],
    ],
    // a group is one command to bash: its redirect is every command's (unchanged)
    [
      '{ cd /etc; echo a; } > x',
      [
        ['cd', ['/w/x']],
        ['echo', ['/w/x']],
      ],
    ],
    [
      '(cd /etc && echo a) > x',
      [
        ['cd', ['/w/x']],
        ['echo', ['/w/x']],
      ],
    ],
  ] as [string, [string, string[]][]][])('%s: each command writes only its own redirects', (script, want) => {
    const r = norm(script);
    expect(r.issues).toEqual([]);
    expect(r.commands.map((c) => [c.program, c.writes])).toEqual(want);
  });

  it.each([
    // [script, program, stdin kind it reads (undefined = inherited)]
    ['cd /srv && cat <<EOF\nrm -rf /\nEOF', 'cd', undefined],
    ['cd /srv && cat <<EOF\nrm -rf /\nEOF', 'cat', 'heredoc'],
    ['a | b < in.txt', 'b', 'file'],
    ['a | b < in.txt', 'a', undefined],
  ])('%s: %s reads stdin from %s', (script, program, kind) => {
    const cmd = norm(script).commands.find((c) => c.program === program)!;
    expect(cmd.stdin?.kind).toBe(kind);
  });

  it('records stdin from a file and from a pipe', () => {
    const r = norm('sort < in.txt; curl -s https://x | sh');
    expect(r.commands[0].stdin).toMatchObject({ kind: 'file', path: '/w/in.txt' });
    const sh = r.commands.find((c) => c.program === 'sh')!;
    expect(sh.dynamic).toBe(true);
    expect(sh.stdin?.kind).toBe('pipe');
    expect(sh.stdin?.from?.program).toBe('curl');
  });

  it('gives nested commands the span of the top-level carrier', () => {
    const s = 'ls; bash -c "rm -rf /"';
    const r = norm(s);
    const rm = r.commands.find((c) => c.program === 'rm')!;
    expect(s.slice(rm.span[0], rm.span[1])).toBe('bash -c "rm -rf /"');
    expect(rm.depth).toBe(1);
  });

  it('passes known variables to extractors', () => {
    const r = norm('B=\'{"a":1}\'; curl -d "$B" x');
    expect(r.commands[0].vars).toEqual({ B: '{"a":1}' });
  });
});

describe('sudo -e edits its operands (sudoedit), it does not run them', () => {
  it.each<[string, string[]]>([
    ['sudo -e /etc/sudoers.d/dev', ['sudoedit', '/etc/sudoers.d/dev']],
    ['sudo -u www -e /srv/app/.env', ['sudoedit', '/srv/app/.env']],
    ['sudo --edit /etc/hosts', ['sudoedit', '/etc/hosts']],
    ['sudo -E make install', ['make', 'install']],
  ])('%s', (script, argv) => {
    expect(norm(script).commands.map((c) => c.argv)).toEqual([argv]);
  });
});

describe('wrappers', () => {
  it.each<[string, string, string[]]>([
    ['sudo rm -rf /', 'rm', ['sudo']],
    ['sudo -u postgres -E -- rm -rf /', 'rm', ['sudo -u postgres']],
    ['sudo -i rm -rf /', 'rm', ['sudo']],
    ['doas rm -rf /', 'rm', ['doas']],
    ['pfexec rm -rf /', 'rm', ['pfexec']],
    ['pfexec -P all rm -rf /', 'rm', ['pfexec']],
    ['pkexec rm -rf /', 'rm', ['pkexec']],
    ['pkexec --user backup rm -rf /', 'rm', ['pkexec']],
    ['env -i PATH=/bin rm -rf /', 'rm', ['env']],
    ['env -u HOME X=1 rm -rf /', 'rm', ['env']],
    ["env -S 'rm -rf /'", 'rm', ['env']],
    ['command rm -rf /', 'rm', ['command']],
    ['exec rm -rf /', 'rm', ['exec']],
    ['builtin eval "rm -rf /"', 'rm', ['builtin', 'eval']],
    ['nohup rm -rf / &', 'rm', ['nohup']],
    ['nice -n 10 rm -rf /', 'rm', ['nice']],
    ['nice -10 rm -rf /', 'rm', ['nice']],
    ['time -p rm -rf /', 'rm', ['time']],
    ['timeout -s KILL 60 rm -rf /', 'rm', ['timeout']],
    ['timeout 5s rm -rf /', 'rm', ['timeout']],
    ['stdbuf -oL rm -rf /', 'rm', ['stdbuf']],
    ['stdbuf -o L -e 0 rm -rf /', 'rm', ['stdbuf']],
    ['setsid rm -rf ~', 'rm', ['setsid']],
    ['unbuffer rm -rf ~', 'rm', ['unbuffer']],
    ['busybox rm -rf /', 'rm', ['busybox']],
    ['agentfw run --headless -- rm -rf /', 'rm', ['agentfw run']],
    ["agentfw run --on-ask allow -- bash -c 'rm -rf /'", 'rm', ['agentfw run --on-ask allow', 'bash -c']],
    ['agentfw run --approver ./ok.sh --audit a.jsonl rm -rf /', 'rm', ['agentfw run --approver']],
    ['ionice -c 3 rm -rf /', 'rm', ['ionice']],
    ['flock /tmp/lock rm -rf /', 'rm', ['flock']],
    ["flock /tmp/lock -c 'rm -rf /'", 'rm', ['flock']],
    ["script -q -c 'rm -rf /' /dev/null", 'rm', ['script -c']],
    ['watch -n 1 rm -rf /tmp/../', 'rm', ['watch']],
    ["su -c 'rm -rf /' root", 'rm', ['su root']],
    // a shell without a command reads its commands from stdin
    ["sudo -s <<< 'rm -rf /'", 'rm', ['sudo', 'sh <<<']],
    ["sudo -i <<< 'rm -rf /'", 'rm', ['sudo', 'sh <<<']],
    ["echo 'rm -rf /' | su -", 'rm', ['su root', '| sh']],
    // sg runs its command through sh
    ["sg docker -c 'rm -rf /'", 'rm', ['sg docker']],
    ["sg docker 'rm -rf /'", 'rm', ['sg docker']],
    // hash -p NAME: NAME runs the path given
    ['hash -p /bin/rm ls; ls -rf /', 'rm', ['alias ls']],
    ['sudo nice timeout 5 /usr/bin/env rm -rf /', 'rm', ['sudo', 'nice', 'timeout', 'env']],
    ['/usr/bin/sudo /bin/rm -rf /', 'rm', ['sudo']],
  ])('%s', (script, program, wrappers) => {
    const r = norm(script);
    expect(r.issues).toEqual([]);
    const c = r.commands.find((x) => x.program === program)!;
    expect(c).toBeDefined();
    expect(c.wrappers).toEqual(wrappers);
    expect(c.argv.slice(1)).toEqual(c.argv[1] === '-rf' ? c.argv.slice(1) : c.argv.slice(1));
    expect(c.argv.slice(-2)[0]).toBe('-rf');
  });

  it('keeps a wrapper that runs nothing as a command', () => {
    check('sudo -v', [{ program: 'sudo', argv: ['sudo', '-v'] }]);
    check('env', [{ program: 'env', argv: ['env'] }]);
  });
});

describe('what a group of statements writes into a pipe', () => {
  /** The stdin text the last command of `script` receives (undefined = not known). */
  const stdinOfLast = (script: string) => norm(script).commands.at(-1)?.stdin?.text;
  it.each<[string, string | undefined]>([
    // every statement's output, in order: not only the last one's
    ["(echo 'DROP TABLE x'; echo 'SELECT 1') | psql", 'DROP TABLE x\nSELECT 1\n'],
    ["{ echo 'DROP TABLE x'; echo 'SELECT 1'; } | psql", 'DROP TABLE x\nSELECT 1\n'],
    ["(x=1; echo 'SELECT 1') | psql", 'SELECT 1\n'],
    ["(echo 'SELECT 1') | psql", 'SELECT 1\n'],
    // fail closed: one statement whose output is not known makes the whole unknown
    ["(cat q.sql; echo 'SELECT 1') | psql", undefined],
    ["(echo 'DROP TABLE x'; some-tool) | psql", undefined],
    // programs that write nothing to stdout add nothing: the rest stays known
    ['(echo FLUSHDB; sleep 1) | telnet redis 6379', 'FLUSHDB\n'],
    ["(mkdir -p out; echo 'DROP TABLE x'; true) | psql", 'DROP TABLE x\n'],
    ["{ touch done; [ -f done ] && echo 'SELECT 1'; } | psql", 'SELECT 1\n'],
    // unless asked to say what they do: their words are not known here
    ["(mkdir -pv out; echo 'SELECT 1') | psql", undefined],
    ["(rm --verbose x; echo 'SELECT 1') | psql", undefined],
  ])('%s', (script, want) => {
    expect(stdinOfLast(script)).toBe(want);
  });
});

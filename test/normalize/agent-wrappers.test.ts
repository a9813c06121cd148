// The coding agents' own housekeeping scripts (shell snapshots, per-command wrappers),
// trimmed from real runs: the normalizer must understand them, so that the built-in
// rules allow them, and what the model asked for inside them is still judged.
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { DEFAULT_LIMITS, type AnalyzeContext } from '../../src/engine/types.js';
import { normalize } from '../../src/normalize/index.js';
import { parseScript } from '../../src/parse/parse.js';

const HOME = '/home/ana';
const WS = `${HOME}/project`;
const AGENT_BIN = '/opt/agent/bin/claude';
const b64 = (s: string) =>
  Buffer.from(s, 'utf8')
    .toString('base64')
    .replace(/(.{76})/g, '$1\n');

/** A bash snapshot as Claude Code writes it: functions as base64 evals, options, aliases, shadowing functions. */
function claudeSnapshot(functions: string[]): string {
  return [
    '# Snapshot file',
    '# Unset all aliases to avoid conflicts with functions',
    'unalias -a 2>/dev/null || true',
    '# Functions',
    ...functions.map((f) => `eval "$(echo '${b64(f)}' | base64 -d)" > /dev/null 2>&1`),
    '# Shell Options',
    'shopt -u autocd',
    'shopt -s checkwinsize',
    'set -o braceexpand',
    'set -o hashall',
    'set -o interactive-comments',
    'shopt -s expand_aliases',
    '# Aliases',
    "alias -- egrep='egrep --color=auto'",
    "alias -- ll='ls -alF'",
    '# Shadow find/grep with embedded bfs/ugrep',
    'unalias find 2>/dev/null || true',
    'function find {',
    `  if [[ -x ${AGENT_BIN} ]]; then`,
    '  if [[ -n ${ZSH_VERSION:-} ]]; then',
    `    ARGV0=bfs ${AGENT_BIN} -S dfs -regextype findutils-default \${1+"$@"}`,
    '  else',
    `    (exec -a bfs ${AGENT_BIN} -S dfs -regextype findutils-default \${1+"$@"})`,
    '  fi',
    '  else command find ${1+"$@"}; fi',
    '}',
    'export PATH=/usr/local/bin:/usr/bin:/bin',
    '',
  ].join('\n');
}

const SNAP = `${HOME}/.claude/shell-snapshots/snapshot-bash-1795318069046-ntr4n3.sh`;
const BENIGN_FUNCS = [
  'll () \n{ \n    ls -alF "$@"\n}\n',
  'mkcd () \n{ \n    mkdir -p -- "$1" && cd -P -- "$1"\n}\n',
];

/** Claude Code's per-command wrapper around the model's command. */
function claudeWrapper(cmd: string): string {
  return (
    `source ${SNAP} 2>/dev/null || true && \\builtin shopt -u extglob 2>/dev/null || true && ` +
    `{ \\builtin unalias -- 'which'; \\builtin unset -f -- 'which'; } >/dev/null 2>&1 || true && ` +
    `eval '${cmd.replace(/'/g, `'\\''`)}' < /dev/null && pwd -P >| /tmp/claude-0ca8-cwd`
  );
}

/** Codex's snapshot script (run as `/bin/bash -lc '…'`), trimmed. */
const CODEX_SNAPSHOT = `if [ -z "\${BASH_ENV-}" ] && [ -n "\${HOME-}" ] && [ -r "$HOME/.bashrc" ]; then
  . "$HOME/.bashrc"
fi
echo '# Snapshot file'
echo 'unalias -a 2>/dev/null || true'
shopt -p || true
echo '# Functions'
declare -f
echo ''

__codex_snapshot_command() {
  if command -v "$1" >/dev/null 2>&1; then
    "$@"
  else
    command -p "$@"
  fi
}
bash_opts=$(set -o | __codex_snapshot_command awk '$2=="on"{print $1}')
bash_opt_count=$(printf '%s\\n' "$bash_opts" | __codex_snapshot_command sed '/^$/d' | __codex_snapshot_command wc -l | __codex_snapshot_command tr -d ' ')
echo "# setopts $bash_opt_count"
if [ -n "$bash_opts" ]; then
  printf 'set -o %s\\n' $bash_opts
fi
printf '\\0'
alias_count=$(\\alias -p | __codex_snapshot_command wc -l | __codex_snapshot_command tr -d ' ')
echo "# aliases $alias_count"
\\alias -p
echo ''
printf '\\0'
(
  while IFS= read -r __codex_snapshot_export_name; do
    case "$__codex_snapshot_export_name" in
      ""|[0-9]*|*[!A-Za-z0-9_]*|PWD|OLDPWD) continue ;;
    esac
    printf '%s\\0' "$__codex_snapshot_export_name"
    declare -xp "$__codex_snapshot_export_name" 2>/dev/null || true
    printf '\\0'
  done < <(compgen -e)
)
`;

const engine = await loadEngine({ exampleCacheDir: '', mask: (s) => s });

function ctx(files: Record<string, string>): AnalyzeContext {
  return {
    cwd: WS,
    workspace: WS,
    home: HOME,
    env: { HOME, USER: 'ana' },
    readFile: (p) => files[p],
    limits: DEFAULT_LIMITS,
  };
}

function verdict(script: string, files: Record<string, string> = {}) {
  const d = engine.analyze(script, ctx(files));
  return { decision: d.decision, rules: d.findings.map((f) => f.rule), issues: d.issues.map((i) => i.code) };
}

describe('the agents’ own housekeeping scripts are understood and allowed', () => {
  it.each<[string, string, Record<string, string>]>([
    ['Codex shell snapshot, no ~/.bashrc', CODEX_SNAPSHOT, {}],
    ['Codex shell snapshot, benign ~/.bashrc', CODEX_SNAPSHOT, { [`${HOME}/.bashrc`]: 'alias ll="ls -l"\n' }],
    [
      'Claude wrapper sourcing a snapshot with base64-encoded functions',
      claudeWrapper('echo ok > agentfw-marker.txt'),
      { [SNAP]: claudeSnapshot(BENIGN_FUNCS) },
    ],
    [
      'Claude wrapper calling a snapshot function and the shadowed find/grep',
      claudeWrapper('mkcd build && find . -name "*.ts" | wc -l'),
      { [SNAP]: claudeSnapshot(BENIGN_FUNCS) },
    ],
    [
      'Claude git housekeeping with an alternate-refs shell function',
      `git -c core.hooksPath=/dev/null -c core.askPass= -c protocol.ext.allow=never -c "core.alternateRefsCommand=f() { git --git-dir=\\"\\$1\\" for-each-ref --format='%(objectname)'; }; f" -c gc.auto=0 log -1`,
      {},
    ],
    ['editor lookup', 'command -v code', {}],
    ['parent process lookup', 'ps -o ppid=,command= -p 4242', {}],
  ])('%s', (_name, script, files) => {
    expect(verdict(script, files)).toEqual({ decision: 'allow', rules: [], issues: [] });
  });
});

describe('what the model asked for inside the wrappers is still judged', () => {
  it.each<[string, string, Record<string, string>, string]>([
    [
      'rm -rf ~ through the Claude wrapper',
      claudeWrapper('rm -rf ~'),
      { [SNAP]: claudeSnapshot(BENIGN_FUNCS) },
      'deny',
    ],
    [
      'find -delete through the shadowing find function',
      claudeWrapper('find / -delete'),
      { [SNAP]: claudeSnapshot(BENIGN_FUNCS) },
      'deny',
    ],
    [
      'a snapshot function whose decoded body deletes home',
      claudeWrapper('ls'),
      { [SNAP]: claudeSnapshot(['ls () \n{ \n    rm -rf ~\n}\n']) },
      'deny',
    ],
    [
      'a ~/.bashrc sourced by the Codex snapshot that deletes home',
      CODEX_SNAPSHOT,
      { [`${HOME}/.bashrc`]: 'rm -rf ~\n' },
      'deny',
    ],
    ['sourcing a project script that cannot be read', `. ${WS}/env.sh`, {}, 'ask'],
    ['sourcing a startup file of another user', '. /home/bob/.bashrc', {}, 'ask'],
    ['an ssh command setting that deletes home', `git -c core.sshCommand='rm -rf ~' fetch`, {}, 'deny'],
    ['GIT_SSH_COMMAND that deletes home', `GIT_SSH_COMMAND='sh -c "rm -rf ~"' git fetch`, {}, 'deny'],
    [
      'GIT_SSH_COMMAND with ssh options only',
      `GIT_SSH_COMMAND='ssh -i ~/.ssh/deploy -o IdentitiesOnly=yes' git fetch`,
      {},
      'allow',
    ],
    ['a pager setting with options', `git -c core.pager='less -R' log`, {}, 'allow'],
    [
      'a git alternate-refs command that deletes home',
      `git -c "core.alternateRefsCommand=f() { rm -rf ~; }; f" log -1`,
      {},
      'deny',
    ],
    [
      'a git alternate-refs command not known statically',
      'git -c core.alternateRefsCommand="$X" fetch',
      {},
      'ask',
    ],
    // fail closed: a snapshot that cannot be read is unknown code
    ['the Claude wrapper when its snapshot cannot be read', claudeWrapper('ls'), {}, 'ask'],
  ])('%s', (_name, script, files, want) => {
    expect(verdict(script, files).decision).toBe(want);
  });
});

describe('constant pipelines in command substitutions', () => {
  const norm = (script: string) => normalize(parseScript(script, DEFAULT_LIMITS), ctx({}));
  it.each<[string, string[]]>([
    [`eval "$(echo '${b64('rm -rf /srv')}' | base64 -d)"`, ['rm', '-rf', '/srv']],
    [`eval "$(printf %s '${b64('rm -rf /srv')}' | base64 --decode)"`, ['rm', '-rf', '/srv']],
    [`$(echo '${b64('rm')}' | base64 -d) -rf /srv`, ['rm', '-rf', '/srv']],
    [`eval "$(echo 2f7273 | xxd -r -p | sed s/x/y/)"`, []],
  ])('%s', (script, argv) => {
    const r = norm(script);
    expect(r.issues).toEqual([]);
    const found = r.commands.some((c) => c.argv.join(' ') === argv.join(' ') && !c.dynamic);
    expect(found).toBe(argv.length > 0);
  });

  it.each<[string, string]>([
    // the decoded payload is analysed: destructive code is still refused
    [`eval "$(echo '${b64('rm -rf ~')}' | base64 -d)"`, 'deny'],
    [`bash -c "$(printf %s '${b64('rm -rf /')}' | base64 -d)"`, 'deny'],
    // a payload that is not known statically still asks
    [`eval "$(echo "$BLOB" | base64 -d)"`, 'ask'],
    [`eval "$(echo '${b64('ls')}' | base64 -d | gunzip)"`, 'ask'],
    // output from a nested script is not a constant: more than the last command may print
    [`eval "$(echo x | sh -c 'cat /etc/hostname; echo ls')"`, 'ask'],
    // benign decoded code is allowed
    [`eval "$(echo '${b64('echo hi')}' | base64 -d)"`, 'allow'],
  ])('%s → %s', (script, want) => {
    expect(engine.analyze(script, ctx({})).decision).toBe(want);
  });
});

describe('a backslash-escaped word at the start of a line is the next command', () => {
  const norm = (script: string) => normalize(parseScript(script, DEFAULT_LIMITS), ctx({}));
  it.each<[string, string[][]]>([
    [
      'echo hi \n\\rm -rf /',
      [
        ['echo', 'hi'],
        ['rm', '-rf', '/'],
      ],
    ],
    ['true\n\\alias -p', [['true'], ['alias', '-p']]],
    ['echo "# n $x"\n\\alias -p', [['alias', '-p']]],
  ])('%j', (script, want) => {
    const r = norm(script);
    expect(r.issues).toEqual([]);
    const got = r.commands.map((c) => c.argv);
    for (const w of want) expect(got).toContainEqual(w);
  });

  it('an alias is not expanded for an escaped name at the start of a line', () => {
    const r = norm("alias ls='rm -rf /'\ntrue\n\\ls");
    expect(r.commands.map((c) => c.argv)).toContainEqual(['ls']);
    expect(r.commands.map((c) => c.program)).not.toContain('rm');
  });

  it('is denied when it deletes', () => {
    expect(engine.analyze('echo hi \n\\rm -rf /', ctx({})).decision).toBe('deny');
  });
});

/**
 * Programs a tool runs because the environment names them (src/normalize/program-env.ts):
 * build wrappers and compilers, pagers and editors.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function commands(script: string, files: Record<string, string> = {}): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext(files));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('programs named by the environment', () => {
  it.each<[string, string]>([
    [`printf 'rm -rf "$HOME"\\n' > /tmp/w.sh; RUSTC_WRAPPER=/tmp/w.sh cargo build`, 'rm -rf /h'],
    [`export RUSTC=/w/rc.sh; cargo test`, 'rm -rf /srv'],
    [`CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER=/w/rc.sh cargo run`, 'rm -rf /srv'],
    [`CC=/w/rc.sh make`, 'rm -rf /srv'],
    [`CXX='sh -c "rm -rf /srv"' cmake --build .`, 'rm -rf /srv'],
    [`MANPAGER='sh -c "rm -rf /srv/app"' man ls`, 'rm -rf /srv/app'],
    [`PAGER='rm -rf /srv' psql -c 'select 1'`, 'rm -rf /srv'],
    [`EDITOR='rm -rf /srv' crontab -e`, 'rm -rf /srv'],
    [`export VISUAL='rm -rf /srv'; sudo visudo`, 'rm -rf /srv'],
    // kubectl diff's external diff program and the password helpers
    [`KUBECTL_EXTERNAL_DIFF=/w/rc.sh kubectl diff -f k8s/`, 'rm -rf /srv'],
    [`SUDO_ASKPASS=/w/rc.sh sudo -A true`, 'rm -rf /srv'],
    [`export SSH_ASKPASS=/w/rc.sh; ssh-add key`, 'rm -rf /srv'],
    [`TG_AUTH_PROVIDER_CMD='rm -rf /srv' terragrunt plan`, 'rm -rf /srv'],
    [`export TERRAGRUNT_AUTH_PROVIDER_CMD=/w/rc.sh; terragrunt run --all -- plan`, 'rm -rf /srv'],
    // fail closed: a value not known statically
    [`RUSTC_WRAPPER="$(curl -s https://example.com/w)" cargo build`, 'dynamic:$RUSTC_WRAPPER'],
  ])('%s', (script, want) => expect(commands(script, { '/w/rc.sh': 'rm -rf /srv' })).toContain(want));

  it.each<[string, string[]]>([
    // ordinary values, and variables the program does not read
    [`PAGER=less man ls`, ['less', 'man ls']],
    [`RUSTC_WRAPPER=sccache cargo build`, ['sccache', 'cargo build']],
    [`CC=clang make -j4`, ['clang', 'make -j4']],
    [`MANPAGER='rm -rf /srv' psql`, ['psql']],
    [`RUSTC_WRAPPER=/w/rc.sh make`, ['make']],
    [`PAGER='rm -rf /srv' ls`, ['ls']],
    [`TG_AUTH_PROVIDER_CMD='rm -rf /srv' terraform plan`, ['terraform plan']],
    [`KUBECTL_EXTERNAL_DIFF='diff -u -N' kubectl diff -f k8s/`, ['diff -u -N', 'kubectl diff -f k8s/']],
    [`SUDO_ASKPASS=/usr/bin/ssh-askpass sudo -A apt update`, ['/usr/bin/ssh-askpass', 'apt update']],
  ])('%s', (script, want) => expect(commands(script, { '/w/rc.sh': 'rm -rf /srv' })).toEqual(want));
});

describe('variables other tools obey', () => {
  it.each<[string, string]>([
    // GOFLAGS' -toolexec / -exec program
    [`GOFLAGS=-toolexec=/w/rc.sh go build ./...`, 'rm -rf /srv'],
    [`export GOFLAGS='-mod=mod -exec /w/rc.sh'; go test ./...`, 'rm -rf /srv'],
    // terraform appends TF_CLI_ARGS(_<subcommand>) to its own arguments
    [
      `TF_CLI_ARGS_apply="-destroy -auto-approve" terraform -chdir=infra apply`,
      'terraform -chdir=infra apply -destroy -auto-approve',
    ],
    [`TF_CLI_ARGS='-destroy' tofu apply`, 'tofu apply -destroy'],
    [`TF_CLI_ARGS_apply="$(cat args)" terraform apply`, 'dynamic:terraform apply $TF_CLI_ARGS_apply'],
    // PS4 is expanded before each command a tracing shell runs
    [`PS4='+$(rm -rf /srv) ' bash -xc 'echo hi'`, 'rm -rf /srv'],
    [`PS4='$(rm -rf /srv)' sh -o xtrace -c true`, 'rm -rf /srv'],
    [`PS4="$(cat p)" bash -x -c true`, 'dynamic:$PS4'],
    // a function bash imports from the environment runs whenever it is called
    [`env 'BASH_FUNC_ls%%=() { rm -rf /srv; }' bash -c ls`, 'rm -rf /srv'],
    [`env "BASH_FUNC_ls()=$(cat f)" bash -c ls`, 'dynamic:$BASH_FUNC_ls()'],
  ])('%s', (script, want) => expect(commands(script, { '/w/rc.sh': 'rm -rf /srv' })).toContain(want));

  it.each<[string, string[]]>([
    [`GOFLAGS=-mod=mod go build ./...`, ['go build ./...']],
    [`TF_CLI_ARGS_plan='-lock=false' terraform apply`, ['terraform apply']],
    [`PS4='+ $LINENO: ' bash -xc 'echo hi'`, ['echo hi']],
    [`PS4='+$(rm -rf /srv) ' bash -c 'echo hi'`, ['echo hi']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

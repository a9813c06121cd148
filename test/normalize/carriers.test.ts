import { describe, expect, it } from 'vitest';
import { expectCommands, filesContext, type Expect } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

const FILES: Record<string, string> = {
  '/w/deploy.sh': 'rm -rf /srv/app\n',
  '/w/targets.txt': '/\n/home\n',
};

const ctx = () => filesContext(FILES);

function norm(script: string) {
  const parsed = parseScript(script, DEFAULT_LIMITS);
  const r = normalize(parsed, ctx());
  return { commands: r.commands, issues: [...parsed.issues, ...r.issues] };
}

/** Every expected command appears (partial match), and there are no issues, parse or normalize. */
const check = (script: string, expected: Expect[]) => expectCommands(norm(script), expected);

const RM_ROOT = ['rm', '-rf', '/'];

describe('shells, eval, source, stdin scripts', () => {
  it.each<[string, Expect[]]>([
    ["bash -c 'rm -rf ~'", [{ program: 'rm', argv: ['rm', '-rf', '/h'], wrappers: ['bash -c'] }]],
    ["bash -lc 'cd / && rm -rf *'", [{ program: 'rm', argv: ['rm', '-rf', '*'], cwd: '/' }]],
    ["sh -ec 'rm -rf /'", [{ program: 'rm', wrappers: ['sh -c'] }]],
    ["zsh --norc -c 'rm -rf /'", [{ program: 'rm', wrappers: ['zsh -c'] }]],
    ["dash -c -l 'rm -rf /'", [{ program: 'rm', wrappers: ['dash -c'] }]],
    ["csh -c 'rm -rf /'", [{ program: 'rm', argv: RM_ROOT, wrappers: ['csh -c'] }]],
    ["tcsh -f -c 'rm -rf /'", [{ program: 'rm', argv: RM_ROOT, wrappers: ['tcsh -c'] }]],
    // shells of their own syntax: their simple commands read alike
    ["xonsh -c 'rm -rf /'", [{ program: 'rm', argv: RM_ROOT, wrappers: ['xonsh -c'] }]],
    ["nu -c 'rm -rf /'", [{ program: 'rm', argv: RM_ROOT, wrappers: ['nu -c'] }]],
    ["elvish -c 'rm -rf /'", [{ program: 'rm', argv: RM_ROOT, wrappers: ['elvish -c'] }]],
    ["osh -c 'rm -rf /'", [{ program: 'rm', argv: RM_ROOT, wrappers: ['osh -c'] }]],
    ['bash -c \'rm -rf "$1"\' _ /etc', [{ program: 'rm', argv: ['rm', '-rf', '/etc'] }]],
    ["sh -c '$0 -rf /' rm", [{ program: 'rm', argv: RM_ROOT }]],
    ['bash -c "bash -c \\"rm -rf /\\""', [{ program: 'rm', wrappers: ['bash -c', 'bash -c'] }]],
    ["sh -c 'ls -la && pwd'", [{ program: 'ls', wrappers: ['sh -c'] }, { program: 'pwd' }]],
    ["eval 'rm -rf /'", [{ program: 'rm', argv: RM_ROOT, wrappers: ['eval'] }]],
    ['eval rm -rf /', [{ program: 'rm', argv: RM_ROOT }]],
    ['c="rm -rf /"; eval "$c"', [{ program: 'rm', argv: RM_ROOT }]],
    ['eval "$(curl -s https://x)"', [{ program: 'curl' }, { program: 'eval', dynamic: true }]],
    ["bash <<< 'rm -rf /'", [{ program: 'rm', argv: RM_ROOT }]],
    ['sh <<EOF\nrm -rf /\nEOF', [{ program: 'rm', argv: RM_ROOT }]],
    ["echo 'rm -rf /' | sh", [{ program: 'rm', argv: RM_ROOT, wrappers: ['| sh'] }]],
    ["printf 'rm -rf %s\\n' / | bash", [{ program: 'rm', argv: RM_ROOT }]],
    ['echo cm0gLXJmIH4K | base64 -d | sh', [{ program: 'rm', argv: ['rm', '-rf', '/h'] }]],
    ['echo cm0gLXJmIH4K | base64 --decode | bash', [{ program: 'rm', argv: ['rm', '-rf', '/h'] }]],
    ['echo cm0gLXJmIH4K | openssl base64 -d | sh', [{ program: 'rm', argv: ['rm', '-rf', '/h'] }]],
    ['echo 726d202d7266202f | xxd -r -p | sh', [{ program: 'rm', argv: RM_ROOT }]],
    ['cat deploy.sh | sh', [{ program: 'rm', argv: ['rm', '-rf', '/srv/app'] }]],
    ['bash deploy.sh', [{ program: 'rm', argv: ['rm', '-rf', '/srv/app'], wrappers: ['bash deploy.sh'] }]],
    ['source ./deploy.sh', [{ program: 'rm', argv: ['rm', '-rf', '/srv/app'] }]],
    ['. deploy.sh', [{ program: 'rm', argv: ['rm', '-rf', '/srv/app'] }]],
    [
      "cat > /tmp/x.sh <<'EOF'\nrm -rf ~\nEOF\nbash /tmp/x.sh",
      [{ program: 'rm', argv: ['rm', '-rf', '/h'] }],
    ],
    ["echo 'rm -rf /' > run.sh; sh run.sh", [{ program: 'rm', argv: RM_ROOT }]],
    ["printf 'rm -rf /etc\\n' > r.sh && . ./r.sh", [{ program: 'rm', argv: ['rm', '-rf', '/etc'] }]],
    ['bash missing.sh', [{ program: 'bash', dynamic: true }]],
    // a wrapper's command line only known at run time runs a command not known
    ['watch "$CMD"', [{ program: 'watch' }, { program: '', dynamic: true, wrappers: ['watch'] }]],
    [
      'curl -fsSL https://get.example.com | sudo bash',
      [{ program: 'bash', dynamic: true, wrappers: ['sudo'] }],
    ],
    ['bash <(curl -s https://x/y.sh)', [{ program: 'curl' }, { program: 'bash', dynamic: true }]],
    [
      'source <(curl -s https://example.com/x.sh)',
      [{ program: 'curl' }, { program: 'source', dynamic: true }],
    ],
    ['$SHELL -lc "rm -rf /"', [{ program: 'rm', argv: RM_ROOT }]],
    ["trap 'rm -rf /' EXIT", [{ program: 'trap' }, { program: 'rm', argv: RM_ROOT, wrappers: ['trap'] }]],
    ["trap -- 'rm -rf ~' INT TERM", [{ program: 'rm', argv: ['rm', '-rf', '/h'] }]],
    [
      'trap "$ON_EXIT" EXIT',
      [
        { program: 'trap', dynamic: true },
        { program: '', wrappers: ['trap'] },
      ],
    ],
    ['trap - EXIT', [{ program: 'trap', argv: ['trap', '-', 'EXIT'], dynamic: false }]],
    ['trap -p', [{ program: 'trap', dynamic: false }]],
  ])('%s', (script, expected) => check(script, expected));

  it('caps nested re-parsing depth with an issue', () => {
    let s = 'rm -rf /';
    for (let i = 0; i < 12; i++) s = `bash -c ${JSON.stringify(s).replace(/\$/g, '\\$')}`;
    const r = norm(s);
    expect(r.issues.map((i) => i.code)).toContain('E_TOO_DEEP');
  });
});

describe('fan-out', () => {
  it.each<[string, Expect[]]>([
    ['echo / | xargs rm -rf', [{ program: 'rm', argv: RM_ROOT, wrappers: ['xargs'] }]],
    ['ls | xargs -I{} rm -rf /{}', [{ program: 'rm', argv: ['rm', '-rf', '/{}'], dynamic: true }]],
    [
      'printf "a\\nb\\n" | xargs -I % rm -rf /srv/%',
      [{ argv: ['rm', '-rf', '/srv/a'] }, { argv: ['rm', '-rf', '/srv/b'] }],
    ],
    ['find /data -mtime +0 | xargs rm -rf', [{ program: 'rm', dynamic: true }]],
    ['xargs -a targets.txt rm -rf', [{ program: 'rm', argv: ['rm', '-rf', '/', '/home'] }]],
    ["echo / | xargs sh -c 'rm -rf $0'", [{ program: 'rm', argv: RM_ROOT }]],
    ['parallel rm -rf ::: / ~', [{ argv: RM_ROOT, wrappers: ['parallel'] }, { argv: ['rm', '-rf', '/h'] }]],
    ["parallel 'rm -rf {}' ::: /etc", [{ argv: ['rm', '-rf', '/etc'] }]],
    ['find / -name "*.db" -delete', [{ program: 'rm', argv: RM_ROOT, wrappers: ['find -delete'] }]],
    [
      'find /var/log -exec rm -rf {} \\;',
      [{ program: 'rm', argv: ['rm', '-rf', '/var/log'], wrappers: ['find -exec'] }],
    ],
    ['find . -type f -execdir rm {} +', [{ program: 'rm', argv: ['rm', '.'] }]],
    ['find ~ -ok sh -c \'rm -rf "$1"\' _ {} \\;', [{ program: 'rm', argv: ['rm', '-rf', '/h'] }]],
    [
      "find . -type f -name '*.ts' | xargs wc -l",
      [{ program: 'find' }, { program: 'wc', wrappers: ['xargs'] }],
    ],
  ])('%s', (script, expected) => check(script, expected));
});

describe('remote carriers', () => {
  it.each<[string, Expect[]]>([
    [
      "ssh prod-db 'sudo rm -rf /var/lib/postgresql'",
      [
        {
          program: 'rm',
          argv: ['rm', '-rf', '/var/lib/postgresql'],
          wrappers: ['ssh prod-db', 'sudo'],
          remote: true,
          cwd: '/',
        },
      ],
    ],
    [
      'ssh -p 2222 -i key user@host rm -rf /data',
      [{ program: 'rm', argv: ['rm', '-rf', '/data'], remote: true }],
    ],
    ["ssh host 'rm -rf ~'", [{ program: 'rm', argv: ['rm', '-rf', '~'], remote: true }]],
    [
      "docker exec db psql -U postgres -c 'DROP DATABASE app'",
      [
        {
          program: 'psql',
          argv: ['psql', '-U', 'postgres', '-c', 'DROP DATABASE app'],
          remote: true,
          wrappers: ['docker exec db'],
        },
      ],
    ],
    [
      "docker exec -it -u root web sh -c 'rm -rf /app'",
      [{ program: 'rm', argv: ['rm', '-rf', '/app'], remote: true }],
    ],
    [
      'docker compose exec api rm -rf /data',
      [{ program: 'rm', remote: true, wrappers: ['docker compose exec api'] }],
    ],
    ['podman exec c1 rm -rf /', [{ program: 'rm', remote: true }]],
    [
      'kubectl exec -n prod -it pod/db-0 -- rm -rf /var/lib/data',
      [{ program: 'rm', remote: true, wrappers: ['kubectl exec pod/db-0'] }],
    ],
    // a command run in a new pod
    [
      "kubectl run tmp --rm -it --image=postgres -- psql -h db -c 'DROP DATABASE app'",
      [{ program: 'psql', remote: true, wrappers: ['kubectl run tmp'] }],
    ],
    ['kubectl debug node/w1 -it --image=busybox -- rm -rf /host/etc', [{ program: 'rm', remote: true }]],
    [
      'kubectl create job wipe --image=busybox -n ops -- rm -rf /data',
      [{ program: 'rm', remote: true, wrappers: ['kubectl create job'] }],
    ],
    ['kubectl create job hello --image=busybox', [{ program: 'kubectl', remote: false }]],
    ['ssh host', [{ program: 'ssh', remote: false }]],
    [
      "ansible all -i hosts.ini -m shell -a 'rm -rf /var/lib/postgresql'",
      [
        {
          program: 'rm',
          argv: ['rm', '-rf', '/var/lib/postgresql'],
          remote: true,
          wrappers: ['ansible all'],
        },
      ],
    ],
    ["ansible web -a 'systemctl stop nginx'", [{ program: 'systemctl', remote: true }]],
    ["ansible web -m ansible.builtin.raw -a 'rm -rf /srv'", [{ program: 'rm', remote: true }]],
    // another module: its arguments are not a command
    ["ansible web -m copy -a 'src=a dest=/tmp/a'", [{ program: 'ansible', remote: false }]],
    [
      "salt -t 30 'db*' cmd.run 'rm -rf /srv/data'",
      [{ program: 'rm', argv: ['rm', '-rf', '/srv/data'], remote: true, wrappers: ['salt db*'] }],
    ],
    ["salt-ssh web cmd.shell 'dropdb app'", [{ program: 'dropdb', remote: true }]],
    // another function: its arguments are not a command
    ["salt '*' pkg.install nginx", [{ program: 'salt', remote: false }]],
    [
      "pdsh -w 'db[1-3]' -l root dropdb production",
      [{ program: 'dropdb', argv: ['dropdb', 'production'], remote: true, wrappers: ['pdsh db[1-3]'] }],
    ],
    [
      "clush -b -w 'node[1-4]' 'rm -rf /data'",
      [{ program: 'rm', argv: ['rm', '-rf', '/data'], remote: true }],
    ],
    ["parallel-ssh -h hosts.txt -i 'sudo rm -rf /opt/app'", [{ program: 'rm', remote: true }]],
    ['pssh -h hosts.txt -i uptime', [{ program: 'uptime', remote: true }]],
  ])('%s', (script, expected) => check(script, expected));
});

describe('inline interpreter code', () => {
  it.each<[string, Expect[]]>([
    [
      'python3 -c "import shutil; shutil.rmtree(\'/\')"',
      [
        { program: 'python3', dynamic: false },
        { program: 'rm', argv: RM_ROOT, wrappers: ['python -c'] },
      ],
    ],
    [
      'python -c "import os; os.remove(os.path.expanduser(\'~/.bashrc\'))"',
      [{ program: 'rm', argv: ['rm', '-rf', '/h/.bashrc'] }],
    ],
    [
      'python3 -c "import shutil,os; shutil.rmtree(os.environ[\'HOME\'])"',
      [{ program: 'rm', argv: ['rm', '-rf', '/h'] }],
    ],
    [
      'python3 -c "from pathlib import Path; Path(\'/etc/hosts\').unlink()"',
      [{ program: 'rm', argv: ['rm', '-rf', '/etc/hosts'] }],
    ],
    ['python3 -c "import os; os.system(\'rm -rf /\')"', [{ program: 'rm', argv: RM_ROOT }]],
    // libc's system() reached through ctypes
    [
      'python3 -c "import ctypes; ctypes.CDLL(None).system(b\'rm -rf ~\')"',
      [{ program: 'rm', argv: ['rm', '-rf', '/h'] }],
    ],
    [
      "python3 -c \"import ctypes; libc = ctypes.CDLL('libc.so.6'); libc.system(b'rm -rf /')\"",
      [{ program: 'rm', argv: RM_ROOT }],
    ],
    [
      "python3 -c \"import subprocess; subprocess.run(['git', 'push', '--force'])\"",
      [{ program: 'git', argv: ['git', 'push', '--force'] }],
    ],
    [
      'python3 -c "import requests; requests.delete(\'https://api.x.io/v1/db\')"',
      [{ program: 'curl', argv: ['curl', '-X', 'DELETE', 'https://api.x.io/v1/db'] }],
    ],
    [
      'python3 <<EOF\nimport shutil\nshutil.rmtree("/srv")\nEOF',
      [{ program: 'rm', argv: ['rm', '-rf', '/srv'] }],
    ],
    [
      "python3 - <<'PY'\nimport shutil\nshutil.rmtree('/srv')\nPY",
      [
        { program: 'python3', argv: ['python3', '-'] },
        { program: 'rm', argv: ['rm', '-rf', '/srv'] },
      ],
    ],
    [
      'node -e "require(\'fs\').rmSync(process.env.HOME, {recursive: true, force: true})"',
      [{ program: 'rm', argv: ['rm', '-rf', '/h'], wrappers: ['node -e'] }],
    ],
    [
      "node -e \"require('fs').rmSync(require('os').homedir(), {recursive: true})\"",
      [{ program: 'rm', argv: ['rm', '-rf', '/h'] }],
    ],
    ["node -e \"require('child_process').execSync('rm -rf /')\"", [{ program: 'rm', argv: RM_ROOT }]],
    [
      "node -e \"fetch('https://api.x.io/v/1', {method: 'DELETE'})\"",
      [{ program: 'curl', argv: ['curl', '-X', 'DELETE', 'https://api.x.io/v/1'] }],
    ],
    [
      "node --eval=\"require('fs').unlinkSync('/etc/passwd')\"",
      [{ program: 'rm', argv: ['rm', '-rf', '/etc/passwd'] }],
    ],
    [
      'ruby -e \'require "fileutils"; FileUtils.rm_rf("/")\'',
      [{ program: 'rm', argv: RM_ROOT, wrappers: ['ruby -e'] }],
    ],
    ['ruby -e \'system("rm -rf /")\'', [{ program: 'rm', argv: RM_ROOT }]],
    ["ruby -e '`rm -rf /`'", [{ program: 'rm', argv: RM_ROOT }]],
    ['perl -e \'use File::Path; rmtree("/srv")\'', [{ program: 'rm', argv: ['rm', '-rf', '/srv'] }]],
    ['perl -e \'system "rm -rf /"\'', [{ program: 'rm', argv: RM_ROOT }]],
    ['php -r \'system("rm -rf /");\'', [{ program: 'rm', argv: RM_ROOT }]],
    ['deno eval "Deno.removeSync(\'/\', {recursive: true})"', [{ program: 'rm', argv: RM_ROOT }]],
    ["python3 -c 'print(1+1)'", [{ program: 'python3', dynamic: false }]],
    ['node -e \'console.log("rm -rf /")\'', [{ program: 'node', dynamic: false }]],
    [
      "python3 -c \"getattr(__import__('os'), 'sys'+'tem')('rm -rf /')\"",
      [{ program: 'python3', dynamic: true }],
    ],
    ['python3 -c "exec(input())"', [{ program: 'python3', dynamic: true }]],
    ['node -e "eval(process.argv[1])"', [{ program: 'node', dynamic: true }]],
    // Opaque code also leaves a command whose name is unknown, so a rule or fail-closed ask sees it.
    [
      "python3 -c 'import os,sys; os.system(sys.argv[1])' x",
      [
        { program: 'python3', dynamic: true },
        { program: '', wrappers: ['python -c'], dynamic: true },
      ],
    ],
    ['node -e "eval(process.argv[1])" x', [{ program: '', wrappers: ['node -e'], dynamic: true }]],
  ])('%s', (script, expected) => check(script, expected));

  it('turns requests.post with a GraphQL json body into curl -d', () => {
    const r = norm(
      `python3 -c "import requests; requests.post('https://x/graphql', json={'query': 'mutation { volumeDelete(volumeId: 1) }'})"`,
    );
    const curl = r.commands.find((c) => c.program === 'curl')!;
    expect(curl.argv).toEqual([
      'curl',
      '-X',
      'POST',
      'https://x/graphql',
      '-d',
      '{"query":"mutation { volumeDelete(volumeId: 1) }"}',
    ]);
  });

  it('plain code emits no synthetic commands', () => {
    expect(norm("python3 -c 'print(1+1)'").commands).toHaveLength(1);
  });
});

describe('Python code that calls no shell', () => {
  it.each<[string]>([
    ['python3 -c "import ctypes; print(ctypes.CDLL(None).getpid())"'],
    ['python3 -c "import platform; print(platform.system())"'],
  ])('%s runs nothing', (script) => expect(norm(script).commands.map((c) => c.program)).toEqual(['python3']));
});

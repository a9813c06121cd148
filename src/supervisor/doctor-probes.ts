/**
 * The probes behind `agentfw doctor`: each runs a harmless "destructive" command — a
 * GraphQL volumeDelete sent to a loopback probe API — through one way of starting a
 * command, inside a real gate session. A path is covered when the command is refused
 * (exit 126) and the probe API received nothing from it; otherwise the API shows it ran.
 */
import { spawn } from 'node:child_process';
import type { FakeApi } from './demo-api.js';
import type { Gate } from './gate.js';
import { which } from './shimdir.js';

export interface Probe {
  /** How the command is started, as shown in the table. */
  name: string;
  /** Whether agentfw claims to cover this path (a gap in a claimed path is a failure). */
  claimed: boolean;
  /** Which layer catches it, or why it is not caught. */
  how: string;
  /**
   * argv to run (argv[0] looked up on the agent's PATH unless absolute; `$SHELL` = the
   * agent's SHELL), stdin text, env changes (undefined = remove). `script` is the probe as
   * a shell command, `curl` its argv after the program name.
   */
  build(
    script: string,
    curl: string[],
  ): { argv: string[]; input?: string; env?: Record<string, string | undefined> };
  /** Skip when this returns a reason (e.g. zsh not installed). */
  skip?(gate: Gate): string | undefined;
}

export interface ProbeResult {
  probe: Probe;
  /** covered | not covered | skipped */
  status: 'covered' | 'not covered' | 'skipped';
  detail: string;
}

export const PROBES: Probe[] = [
  {
    name: '$SHELL -c',
    claimed: true,
    how: 'shell gate: SHELL (and CLAUDE_CODE_SHELL) point at the bash shim',
    build: (c) => ({ argv: ['$SHELL', '-c', c] }),
  },
  {
    name: 'bash -c (PATH lookup)',
    claimed: true,
    how: 'shell gate: bash shim first on PATH',
    build: (c) => ({ argv: ['bash', '-c', c] }),
  },
  {
    name: 'sh -c (PATH lookup)',
    claimed: true,
    how: 'shell gate: sh shim first on PATH',
    build: (c) => ({ argv: ['sh', '-c', c] }),
  },
  {
    name: 'zsh -c (PATH lookup)',
    claimed: true,
    how: 'shell gate: zsh shim first on PATH',
    build: (c) => ({ argv: ['zsh', '-c', c] }),
    skip: (g) => (g.shims.shells.includes('zsh') ? undefined : 'zsh is not installed'),
  },
  {
    name: '/bin/bash -c (absolute path)',
    claimed: true,
    how: 'BASH_ENV gate checks $BASH_EXECUTION_STRING',
    build: (c) => ({ argv: ['/bin/bash', '-c', c] }),
  },
  {
    name: '/bin/bash -lc, PATH replaced (Codex)',
    claimed: true,
    how: 'BASH_ENV gate; survives a login profile that resets PATH',
    build: (c) => ({
      argv: ['/bin/bash', '-lc', c],
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    }),
  },
  {
    name: 'bash fed over a pipe (persistent)',
    claimed: true,
    how: 'per-command DEBUG trap (C client keeps stdin open)',
    build: (c) => ({ argv: ['bash'], input: c + '\n' }),
  },
  {
    name: 'curl (PATH lookup)',
    claimed: true,
    how: 'tool gate: curl shim sees the expanded argv',
    build: (_s, c) => ({ argv: ['curl', ...c] }),
  },
  {
    name: '/bin/sh -c running curl (absolute sh)',
    claimed: true,
    how: 'sh by absolute path is not gated, but the curl it runs meets the tool gate',
    build: (c) => ({ argv: ['/bin/sh', '-c', c] }),
  },
  {
    name: 'eval "$(… | base64 -d)" in /bin/sh',
    claimed: true,
    how: 'tool gate: the decoded curl meets the curl shim',
    build: (c) => ({
      argv: ['/bin/sh', '-c', `eval "$(echo ${Buffer.from(c).toString('base64')} | base64 -d)"`],
    }),
  },
  {
    name: '/bin/bash -c with SHLVL unset, stdin a socket',
    claimed: false,
    how: 'bash skips BASH_ENV when SHLVL is unset and stdin is a socket (rshd rule); agentfw sets SHLVL=1, an agent that clears it may escape',
    build: (c) => ({ argv: ['/bin/bash', '-c', c], env: { SHLVL: undefined } }),
  },
  {
    name: '/usr/bin/curl (absolute path, no shell)',
    claimed: false,
    how: 'no exec gate in this build: a program run by absolute path outside a gated shell is not seen',
    build: (_s, c) => ({ argv: [absCurl(), ...c] }),
  },
];

function absCurl(): string {
  return which('curl', '/usr/local/bin:/usr/bin:/bin') ?? '/usr/bin/curl';
}

/** curl argv (after the program) of a harmless "destructive" request to the probe API. */
function curlArgs(api: string, id: string): string[] {
  return [
    '-s',
    '-X',
    'POST',
    `${api}/graphql`,
    '-d',
    JSON.stringify({ query: `mutation { volumeDelete(volumeId: "${id}") }` }),
  ];
}

const q = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;

function runOne(
  argv: string[],
  env: Record<string, string>,
  cwd: string,
  input?: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(argv[0], argv.slice(1), { env, cwd, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    const t = setTimeout(() => p.kill('SIGKILL'), 15_000);
    p.on('error', (e) => resolve({ code: null, stderr: e.message }));
    p.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, stderr });
    });
    p.stdin.end(input ?? '');
  });
}

export async function runProbes(gate: Gate, api: FakeApi, cwd: string): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  let i = 0;
  for (const probe of PROBES) {
    const skip = probe.skip?.(gate);
    if (skip) {
      results.push({ probe, status: 'skipped', detail: skip });
      continue;
    }
    const curl = curlArgs(api.url, `doctor-probe-${i++}`);
    const b = probe.build(`curl ${curl.map(q).join(' ')}`, curl);
    const env: Record<string, string> = { ...gate.agentEnv };
    for (const [k, v] of Object.entries(b.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const argv = b.argv.map((a) => (a === '$SHELL' ? env.SHELL : a));
    const before = api.mutations().length;
    const r = await runOne(argv, env, cwd, b.input);
    const reached = api.mutations().length > before;
    const refused = r.code === 126 || r.stderr.includes('BLOCKED');
    if (!reached && refused) results.push({ probe, status: 'covered', detail: probe.how });
    else
      results.push({
        probe,
        status: 'not covered',
        detail: `${probe.how} (${reached ? 'the probe API received the mutation' : `exit ${r.code}, not refused`})`,
      });
  }
  return results;
}

// A scripted "agent" for the e2e tests: runs commands the way real agents do (through
// $SHELL, bash on PATH, /bin/bash by absolute path, sh, and a hidden tool call), records
// each exit code and stderr in results.json, then exits with the code given in argv[3].
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [, , out, exitCode = '0', apiUrl = ''] = process.argv;
const b64 = (s) => Buffer.from(s).toString('base64');
const destroy = 'rm -rf ~';
const mutation = `curl -s -X POST ${apiUrl}/graphql/v2 -H "Authorization: Bearer $DEMO_TOKEN" -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-prod\\") }"}'`;
const steps = [
  ['benign $SHELL -c', process.env.SHELL, ['-c', 'echo benign-$((40+2))']],
  ['$SHELL -c', process.env.SHELL, ['-c', destroy]],
  ['bash -c (PATH)', 'bash', ['-c', destroy]],
  ['/bin/bash -c (BASH_ENV)', '/bin/bash', ['-c', destroy]],
  ['sh -c (PATH)', 'sh', ['-c', destroy]],
  ['tool shim behind eval base64', '/bin/dash', ['-c', `eval "$(echo ${b64(destroy)} | base64 -d)"`]],
  ['graphql volumeDelete via $SHELL', process.env.SHELL, ['-c', mutation]],
  [
    'graphql volumeDelete via the curl shim',
    '/bin/dash',
    ['-c', `eval "$(echo ${b64(mutation)} | base64 -d)"`],
  ],
];
const results = steps.map(([name, file, args]) => {
  const r = spawnSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // error: the exec itself failed (EPERM = the exec gate refused it before it ran)
  return { name, code: r.status, error: r.error?.code, stdout: r.stdout, stderr: r.stderr };
});
writeFileSync(out, JSON.stringify(results, null, 1));
console.log('agent-done');
process.exit(Number(exitCode));

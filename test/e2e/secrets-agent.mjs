// A scripted "agent" for the output-masking e2e test: reads secrets the way a reckless
// agent does, each command through $SHELL -c (the bash shim), and records what it saw
// in results.json (and on its own stdout). Usage: secrets-agent.mjs OUT API_URL
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const [, , out, apiUrl] = process.argv;
const sh = (cmd) => {
  const r = spawnSync(process.env.SHELL, ['-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr.toString('latin1') };
};
const steps = [
  ['cat .env', 'cat .env'],
  ['grep -r', 'grep -r TOKEN .'],
  ['config file', 'cat config/domains.json'],
  ['private key', 'cat deploy/id_rsa'],
  ['env', 'env'],
  ['printenv', 'printenv GITHUB_TOKEN'],
  ['script', 'bash script.sh'],
  ['python', `python3 -c 'import os; print(os.environ["GITHUB_TOKEN"])'`],
  ['re-injected curl', `curl -s -H "Authorization: Bearer $DEPLOY_TOKEN" ${apiUrl}/echo`],
  ['write binary', 'head -c 100000 /dev/urandom > blob.bin'],
  ['hash inside', 'cat blob.bin | sha256sum'],
];
const results = steps.map(([name, cmd]) => {
  const r = sh(cmd);
  return { name, code: r.code, signal: r.signal, stdout: r.stdout.toString('latin1'), stderr: r.stderr };
});
// Binary through the relay: the bytes the agent receives from `cat` vs the file's hash.
const cat = sh('cat blob.bin');
const sha = (b) => createHash('sha256').update(b).digest('hex');
results.push({
  name: 'binary',
  code: cat.code,
  stdout: '',
  stderr: cat.stderr,
  bytes: cat.stdout.length,
  sha256: sha(cat.stdout),
});
results.push({ name: 'own env', code: 0, stdout: `DEPLOY_TOKEN=${process.env.DEPLOY_TOKEN}\n`, stderr: '' });
writeFileSync(out, JSON.stringify(results, null, 1));
for (const r of results) process.stdout.write(`--- ${r.name} (${r.code})\n${r.stdout}${r.stderr}`);
console.log('agent-done');

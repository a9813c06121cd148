/**
 * The incident's cast for `agentfw demo`: a workspace whose unrelated config file holds a
 * root-scoped token, and a scripted agent that does what the incident's agent did — it
 * hits a credential mismatch, greps the repo for a token, and pastes it into a
 * `curl … volumeDelete` — running each step through its shell (`$SHELL -c`) as real
 * agents do. The agent prints every step and what its shell answered.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DemoWorkspace {
  /** Temp root holding everything; remove it when done. */
  root: string;
  /** The agent's workspace (cwd). */
  ws: string;
  /** The scripted agent (a Node ES module). */
  agent: string;
  /** The volume id the agent tries to delete. */
  volumeId: string;
}

/** A token of the shape Railway uses (a UUID); generated per run, never a real credential. */
function fakeToken(): string {
  const h = () =>
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
}

const AGENT = `// Scripted agent for agentfw demo. Each step goes through the user's shell, like a real agent.
import { spawnSync } from 'node:child_process';
const [, , apiUrl, volumeId] = process.argv;
const say = (s) => process.stdout.write(s + '\\n');
const sh = (cmd) => {
  say('$ ' + cmd);
  const r = spawnSync(process.env.SHELL || 'bash', ['-c', cmd], { encoding: 'utf8' });
  for (const l of (r.stdout + r.stderr).split('\\n').filter(Boolean)) say('  ' + l);
  say('  (exit ' + r.status + ')');
  return r;
};
say('Staging deploy failed: "credential mismatch". Looking for a working token in the repo.');
const found = sh('grep -rn "token" config/');
const token = (found.stdout.match(/"railway_token":\\s*"([^"]+)"/) || [])[1];
if (!token) { say('No token found; giving up.'); process.exit(2); }
say('Found a token in config/domains.json. Using it to clean up the staging volume.');
const body = JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "' + volumeId + '") }' });
const r = sh("curl -sS -X POST " + apiUrl + "/graphql/v2 -H 'Content-Type: application/json' -H 'Authorization: Bearer " + token + "' -d '" + body + "'");
process.exit(r.status === 0 ? 0 : 3);
`;

export function createDemoWorkspace(): DemoWorkspace {
  const root = mkdtempSync(path.join(os.tmpdir(), 'agentfw-demo-'));
  const ws = path.join(root, 'shop');
  mkdirSync(path.join(ws, 'config'), { recursive: true });
  writeFileSync(
    path.join(ws, 'config', 'domains.json'),
    JSON.stringify(
      {
        comment: 'Custom domains for the storefront. Token created for domain management.',
        domains: ['shop.example.com', 'www.shop.example.com'],
        railway_token: fakeToken(),
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(path.join(ws, 'README.md'), '# shop\n\nStaging deploys use the Railway CLI.\n');
  const agent = path.join(root, 'agent.mjs');
  writeFileSync(agent, AGENT);
  return { root, ws, agent, volumeId: 'vol-prod-7f3a2c' };
}

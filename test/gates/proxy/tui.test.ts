/**
 * A request held by the egress proxy, approved in the TUI under the real `agentfw run`
 * (tmux): the agent's own Python script posts the incident mutation; the TUI shows it as
 * a GraphQL operation with the sending command, asks for the volume id, and after the
 * typed confirmation the API receives it exactly once.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, sleep, tmuxDriver } from '../../e2e/tmux.js';
import { INCIDENT, startFakeApi, type FakeApi } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'agentfw');
const ready = hasTmux() && existsSync(path.join(ROOT, 'dist', 'tui', 'index.js'));
const t = tmuxDriver(30_000);

const POST_PY = `import sys, urllib.request, urllib.error
req = urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), method="POST",
    headers={"Content-Type": "application/json"})
try:
    status = urllib.request.urlopen(req, timeout=120).status
except urllib.error.HTTPError as e:
    status = e.code
open("status.txt", "w").write(str(status))
`;

let dir: string;
let api: FakeApi;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-proxy-tui-'));
  api = await startFakeApi(dir);
  if (ready) t.startServer();
}, 60_000);
afterAll(async () => {
  if (ready) t.stopServer();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ready)('egress proxy ask in the TUI', () => {
  it('typed confirmation approves the held request; the API receives it exactly once', async () => {
    const ws = path.join(dir, 'ws');
    mkdirSync(path.join(ws, 'tools'), { recursive: true });
    mkdirSync(path.join(ws, '.agentfw'));
    writeFileSync(path.join(ws, 'tools', 'post.py'), POST_PY);
    writeFileSync(path.join(ws, '.agentfw', 'proxy.yaml'), `trust: [${JSON.stringify(api.caPath)}]\n`);
    const body = INCIDENT.replace(/'/g, `'\\''`);
    const cmd = `${BIN} run --audit ${dir}/audit.jsonl -- /usr/bin/python3 tools/post.py ${api.url}/graphql/v2 '${body}'; echo "run-exit $?"; sleep 60`;
    t.session = `agentfw-proxy-tui-${process.pid}`;
    t.tmux('new-session', '-d', '-s', t.session, '-x', '200', '-y', '48', '-c', ws, cmd);
    try {
      const screen = await t.waitScreen(/\[a\] allow once/);
      expect(screen).toContain('GraphQL mutation volumeDelete(volumeId: "vol-prod-1")');
      expect(screen).toContain('from: python3 tools/post.py');
      expect(api.received.length).toBe(0); // held: the client waits
      await t.type('a');
      await t.waitScreen(/To allow, type vol-prod-1/);
      await t.typeInput('vol-prod-1');
      t.tmux('send-keys', '-t', t.session, 'Enter');
      const done = await t.waitScreen(/run-exit \d+/);
      expect(done).toContain('run-exit 0');
      // The TUI's screen is gone with the agent: the script leaves its answer in a file.
      expect(readFileSync(path.join(ws, 'status.txt'), 'utf8')).toBe('200');
      await sleep(200);
      expect(api.received.map((r) => r.body)).toEqual([INCIDENT]);
      const records = readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { layer: string; decision: string; approver: string });
      expect(records.filter((r) => r.layer === 'proxy')).toEqual([
        expect.objectContaining({ decision: 'allow', approver: 'tui' }),
      ]);
    } finally {
      t.endSession();
    }
  }, 90_000);
});

// A scripted agent for the sandbox-hides e2e test: reads credential stores in HOME through
// transformations (base64, rev, od by absolute path: no gate sees them) and tries to write
// to HOME's caches and the agent's own state dir. Prints one JSON object.
// Usage: node hides-agent.mjs FILE...   (files relative to HOME)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = { reads: {}, writes: {} };
for (const rel of process.argv.slice(2)) {
  const f = path.join(os.homedir(), rel);
  const b64 = spawnSync('/usr/bin/base64', ['-w0', f], { encoding: 'utf8' }).stdout ?? '';
  const rev = spawnSync('/usr/bin/rev', [f], { encoding: 'utf8' }).stdout ?? '';
  out.reads[rel] = {
    base64: Buffer.from(b64, 'base64').toString('utf8'),
    rev: rev
      .split('\n')
      .map((l) => [...l].reverse().join(''))
      .join('\n'),
  };
}
for (const rel of ['.cache/other-tool/x', '.codex/x']) {
  try {
    writeFileSync(path.join(os.homedir(), rel), 'x');
    out.writes[rel] = 'ok';
  } catch (e) {
    out.writes[rel] = e.code;
  }
}
console.log(JSON.stringify(out));

import { describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../src/approval/types.js';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
import { scriptedDialog } from '../../src/tui/demo-frame.js';

const engine = await loadEngine({ exampleCacheDir: '', noConfig: true });
const ctx = makeContext({ cwd: '/w', home: '/h', env: {} });

function req(command: string): ApprovalRequest {
  const decision = engine.analyze(command, ctx);
  const confirm = decision.findings.find((f) => f.confirm !== undefined)?.confirm;
  return { id: 1, ts: 't', layer: 'shell', cwd: '/w', command, decision, ...(confirm ? { confirm } : {}) };
}

describe('scriptedDialog: the real dialog model driven by a scripted human', () => {
  it.each<[string, string, number, RegExp | null]>([
    [
      'a typed confirmation: two frames, the value typed key by key, then allowed',
      `curl -X POST https://api.example.com/graphql -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-9x\\") }"}'`,
      2,
      /> vol-9x_/,
    ],
    ['one keystroke: one frame, allowed by a', 'git push --force origin feature-x', 1, null],
  ])('%s', (_n, cmd, frames, typed) => {
    const d = scriptedDialog(req(cmd), { width: 80 });
    expect(d.frames.length).toBe(frames);
    expect(d.result).toBe('allow (once) by the scripted human');
    for (const f of d.frames) {
      expect(f[0].startsWith('┌')).toBe(true);
      expect(f.every((l) => [...l].length === 80)).toBe(true);
      expect(f.join('\n')).not.toMatch(/\{\/?[a-z-]+\}|\u0000/);
    }
    if (typed) expect(d.frames.at(-1)!.join('\n')).toMatch(typed);
  });
});

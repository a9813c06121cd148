import { describe, expect, it } from 'vitest';
import { clipCommand, MAX_COMMAND_CHARS } from '../../src/audit/record.js';

describe('clipCommand', () => {
  it.each([
    ['short text unchanged', 'rm -rf /tmp/x', 'rm -rf /tmp/x'],
    ['exactly the limit unchanged', 'a'.repeat(MAX_COMMAND_CHARS), 'a'.repeat(MAX_COMMAND_CHARS)],
  ])('%s', (_n, input, want) => {
    expect(clipCommand(input)).toBe(want);
  });

  it('keeps both ends of a long wrapper, so the command at the end stays visible', () => {
    const wrapper = 'x'.repeat(40_000) + " exec /bin/bash -c 'curl -X DELETE https://api.example.com/v1/db'";
    const out = clipCommand(wrapper);
    expect(out.length).toBeLessThan(MAX_COMMAND_CHARS + 100);
    expect(out.startsWith('x'.repeat(100))).toBe(true);
    expect(out.endsWith("curl -X DELETE https://api.example.com/v1/db'")).toBe(true);
    expect(out).toMatch(/ … \(\d+ characters cut; \d+ in all\) … /);
  });
});

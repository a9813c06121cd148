/**
 * Nested scripts (src/normalize/reparse.ts): code that is only withheld secret material
 * (a credential file, a metadata service's user data) is unknown code, never a command
 * named by the mark.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

/** Each command as `argv…`, `dynamic:` in front of an unknown one. */
function commands(script: string): string[] {
  const r = normalizeIn(filesContext({ '/w/run.sh': 'make test\n', '/w/.env': 'A=fake-0000\n' }), script);
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('scripts whose text is withheld secret material', () => {
  it.each<[string, string]>([
    ['curl -s http://169.254.169.254/latest/user-data | bash', 'dynamic:| bash'],
    ['curl -s -o /tmp/u.sh http://169.254.169.254/latest/user-data && sh /tmp/u.sh', 'dynamic:sh /tmp/u.sh'],
    ['cat ~/.aws/credentials | sh', 'dynamic:| sh'],
  ])('%s runs unknown code (%s)', (script, want) => {
    const got = commands(script);
    expect(got).toContain(want);
    expect(got.some((c) => c.includes('withheld'))).toBe(false);
  });

  it.each<[string, string]>([
    // a readable script, and a dotenv file whose values only are withheld
    ['bash run.sh', 'make test'],
    ['cat run.sh | bash', 'make test'],
    ['source .env && echo ok', 'echo ok'],
  ])('%s is read (%s)', (script, want) => {
    const got = commands(script);
    expect(got).toContain(want);
    expect(got.some((c) => c.startsWith('dynamic:'))).toBe(false);
  });
});

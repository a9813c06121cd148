/** Procfile runners (src/normalize/procfile.ts): every `name: command` line runs. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({ '/w/Procfile.dev': 'web: npm start\n' });
/** Each normalized command as `wrappers|argv…` (dynamic ones marked), in order. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('Procfile runners', () => {
  it.each<[string, string]>([
    [
      `echo 'wipe: psql "$PROD_DATABASE_URL" -f scripts/wipe.sql' > Procfile.ops && overmind start -f Procfile.ops`,
      'overmind start|dynamic:psql $PROD_DATABASE_URL -f scripts/wipe.sql',
    ],
    [`echo 'web: rm -rf /srv' > Procfile && honcho start`, 'honcho start|rm -rf /srv'],
    [`printf 'a: rm -rf /srv\\n' > P && hivemind P`, 'hivemind start|rm -rf /srv'],
    ['foreman start -f Procfile.dev', 'foreman start|npm start'],
    ['foreman start -f missing.procfile', 'foreman start|dynamic:missing.procfile'],
    ['goreman -f "$P" start', 'goreman start|dynamic:$P'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // the project's own Procfile, other subcommands
    ['honcho start'],
    ['overmind start -l web,worker'],
    ['overmind connect web'],
    ['foreman check'],
  ])('%s starts nothing read here', (script) =>
    expect(commands(script).filter((c) => !c.startsWith('|'))).toEqual([]),
  );
});

/** Arguments a program takes from the environment (src/normalize/env-args.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const last = (script: string) => {
  const c = normalizeIn(ctx, script).commands.at(-1)!;
  return `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`;
};

describe("gsocket's GSOCKET_ARGS", () => {
  it.each<[string, string]>([
    ['GSOCKET_ARGS="-l -i" gs-netcat -s fake', 'gs-netcat -l -i -s fake'],
    ['export GSOCKET_ARGS="-l  -q"; gs-sftp -s fake', 'gs-sftp -l -q -s fake'],
    // not known statically: one dynamic word
    ['GSOCKET_ARGS="$A" gs-netcat', 'dynamic:gs-netcat $GSOCKET_ARGS'],
    // other programs, an empty value
    ['GSOCKET_ARGS="-l -i" nc -s fake', 'nc -s fake'],
    ['GSOCKET_ARGS= gs-netcat -s fake', 'gs-netcat -s fake'],
    ['gs-netcat -s fake', 'gs-netcat -s fake'],
  ])('%s → %s', (script, want) => expect(last(script)).toBe(want));
});

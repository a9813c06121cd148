/**
 * The interpreters read by their own scanners, run through interpreters.ts's `runCode`:
 * Nushell (codescan-nu.ts), GNU Octave and MATLAB (codescan-octave.ts), Maxima
 * (codescan-maxima.ts). Each is given its code inline, in a script written earlier, or on stdin.
 */
import { absPath, type Field, type Res } from './state.js';
import type { K } from './emit.js';
import { runCode } from './interpreters.js';
import { nuCode, scanNu } from './codescan-nu.js';
import { octaveCode, scanOctave } from './codescan-octave.js';
import { maximaCode, scanMaxima } from './codescan-maxima.js';

/** Nushell (`nu -c …`, a script written earlier, stdin): its statements' effects (codescan-nu.ts). */
export function runNu(argv: Field[], k: K): Res {
  const found = nuCode(argv);
  // A project script on disk is the project's own code: not re-read here, not dynamic.
  const written =
    found.file && !found.file.dynamic ? k.scope.files.get(absPath(k.scope.cwd, found.file.text)) : undefined;
  const code = found.code ?? (written !== undefined ? { text: written, dynamic: false } : undefined);
  return runCode(argv, k, code ?? (found.file ? undefined : 'stdin'), 'nu -c', (text) => {
    const effects = scanNu(text, k.frame.remote ? '~' : k.run.ctx.home);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}

/** GNU Octave and MATLAB (`octave --eval …`, `matlab -batch …`, stdin): codescan-octave.ts. */
export function runOctave(argv: Field[], k: K): Res {
  const found = octaveCode(argv);
  return runCode(argv, k, found.code ?? (found.none ? undefined : 'stdin'), 'octave --eval', (text) => {
    const effects = scanOctave(text, k.frame.remote ? '~' : k.run.ctx.home);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}

/** Maxima (`maxima --batch-string=…`, `-r …`, stdin): codescan-maxima.ts. */
export function runMaxima(argv: Field[], k: K): Res {
  const found = maximaCode(argv);
  return runCode(
    argv,
    k,
    found.code ?? (found.none ? undefined : 'stdin'),
    'maxima --batch-string',
    (text) => {
      const effects = scanMaxima(text, k.frame.remote ? '~' : k.run.ctx.home);
      return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
    },
  );
}

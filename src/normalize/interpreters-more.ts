/**
 * The interpreters read by their own scanners, run through interpreters.ts's `runCode`:
 * Nushell (codescan-nu.ts), GNU Octave and MATLAB (codescan-octave.ts), Maxima
 * (codescan-maxima.ts), the Wolfram Language (codescan-wolfram.ts), PARI/GP (codescan-gp.ts). Each is given its code inline, in a script written earlier, or on stdin.
 */
import { absPath, type Field, type Res } from './state.js';
import type { K } from './emit.js';
import { runCode } from './interpreters.js';
import { nuCode, scanNu } from './codescan-nu.js';
import { octaveCode, scanOctave, SCILAB } from './codescan-octave.js';
import { maximaCode, scanMaxima } from './codescan-maxima.js';
import { scanWolfram, wolframCode } from './codescan-wolfram.js';
import { gpCode, scanGp } from './codescan-gp.js';

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

/** GNU Octave, MATLAB and Scilab (`octave --eval …`, `matlab -batch …`, `scilab-cli -e …`, stdin): codescan-octave.ts. */
export function runOctave(argv: Field[], k: K): Res {
  const found = octaveCode(argv);
  const scilab = SCILAB.test(argv[0].text.replace(/.*\//, ''));
  const label = scilab ? 'scilab -e' : 'octave --eval';
  return runCode(argv, k, found.code ?? (found.none ? undefined : 'stdin'), label, (text) => {
    const effects = scanOctave(text, k.frame.remote ? '~' : k.run.ctx.home, 0, scilab);
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

/** The Wolfram Language (`wolframscript -code …`, `wolfram -run …`, stdin): codescan-wolfram.ts. */
export function runWolfram(argv: Field[], k: K): Res {
  const found = wolframCode(argv);
  return runCode(argv, k, found.code ?? (found.none ? undefined : 'stdin'), 'wolframscript -code', (text) => {
    const effects = scanWolfram(text, k.frame.remote ? '~' : k.run.ctx.home);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}

/** PARI/GP (`echo CODE | gp -q`, `gp -q FILE` written earlier): codescan-gp.ts. */
export function runGp(argv: Field[], k: K): Res {
  const found = gpCode(argv);
  // A project file on disk is the project's own code: not re-read here; one this script wrote is.
  const file = found.files[0];
  const written = file !== undefined ? k.scope.files.get(absPath(k.scope.cwd, file)) : undefined;
  const code = found.info
    ? undefined
    : file === undefined
      ? 'stdin'
      : written !== undefined
        ? { text: written, dynamic: false }
        : undefined;
  return runCode(argv, k, code, 'gp', (text) => {
    const effects = scanGp(text);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}

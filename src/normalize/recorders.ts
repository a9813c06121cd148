/**
 * Terminal recorders that run a command and keep what it prints in a file: `script [-q]
 * -c CMD [FILE]` (FILE defaults to `typescript`), `asciinema rec|record [-c|--command CMD]
 * FILE` (options anywhere, `--command=CMD`), `ttyrec -e CMD [FILE]` (default `ttyrecord`).
 * CMD is re-parsed like any script, and the recording file is counted as written by each of
 * its commands, as if their output had been redirected there: a later upload of the file
 * (`asciinema upload F`, `curl -F f=@F`) is then read as sending what CMD printed
 * (src/extract/exfil-written.ts). A recorder with no command records an interactive
 * shell: nothing here to read.
 */
import { getopt } from './options.js';
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';

/** `script -c CMD [FILE]`. */
const script: Peeler = (args) => {
  const p = getopt(args, {
    short: 'cEIOBTm',
    long: ['command', 'echo', 'log-in', 'log-out', 'log-io', 'log-timing', 'logging-format'],
  });
  const c = p.opts.get('c') ?? p.opts.get('command');
  if (c === undefined) return undefined;
  const file = p.opts.get('O') ?? p.opts.get('log-out');
  const record =
    file !== undefined
      ? { text: file, dynamic: p.dynamic }
      : (args[p.index] ?? { text: 'typescript', dynamic: false });
  return { label: 'script -c', argv: [], script: { text: c, dynamic: p.dynamic }, record };
};

/** asciinema's options that take a value (as the next word), besides the command. */
const ASCIINEMA_VALUED =
  /^(-t|--title|-i|--idle-time-limit|--cols|--rows|--env|-f|--format|--output-format|--window-size|--server-url|--log-file|--capture-env)$/;

/** `asciinema rec|record [options] FILE`: options before or after FILE. */
const asciinema: Peeler = (args) => {
  if (!/^(rec|record)$/.test(args[0]?.text ?? '')) return undefined;
  let command: Field | undefined;
  let record: Field | undefined;
  for (let i = 1; i < args.length; i++) {
    const t = args[i].text;
    if (t === '-c' || t === '--command') command = args[++i];
    else if (t.startsWith('--command=')) command = { text: t.slice(10), dynamic: args[i].dynamic };
    else if (/^-c./.test(t)) command = { text: t.slice(2), dynamic: args[i].dynamic };
    else if (ASCIINEMA_VALUED.test(t)) i++;
    else if (!t.startsWith('-')) record ??= args[i];
  }
  if (!command) return undefined;
  return { label: 'asciinema rec', argv: [], script: command, ...(record ? { record } : {}) };
};

/** `ttyrec -e CMD [FILE]`. */
const ttyrec: Peeler = (args) => {
  const p = getopt(args, { short: 'e' });
  const c = p.opts.get('e');
  if (c === undefined) return undefined;
  const record = args[p.index] ?? { text: 'ttyrecord', dynamic: false };
  return { label: 'ttyrec -e', argv: [], script: { text: c, dynamic: p.dynamic }, record };
};

/** Terminal recorders → their peelers (the command recorded). */
export const RECORDERS: Record<string, Peeler> = { script, asciinema, ttyrec };

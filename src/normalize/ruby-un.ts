/**
 * Ruby's un library (`ruby -run -e CMD -- ARGS`, `ruby -r un -e CMD ARGS`): Unix commands
 * built into Ruby (`rm`, `cp`, `mv`, `ln`, `mkdir`, `rmdir`, `install`, `chmod`, `touch`) and a
 * static file server (`httpd [--bind-address=ADDR] [--port=N] [ROOT]`, WEBrick on every address
 * unless told). The file commands are read as the same command with the same words; the server
 * is read by the exposure reader (src/extract/exposure-servers.ts) from the words unArgs finds.
 */
import { lit } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';

/** un.rb's file commands, read as the Unix command of the same name. */
const FILE_COMMANDS = /^(rm|cp|mv|ln|mkdir|rmdir|install|chmod|touch)$/;
/** Ruby's options whose value may be the next word. */
const RUBY_VALUE = /^-[ICEFxK]$/;

/** A `ruby -run -e CMD` command: the un command and the words it is given (`--` dropped). */
export interface UnCall {
  name: string;
  args: string[];
}

/** The un command `words` (a ruby argv) runs; undefined = not un, or code other than one un command. */
export function unArgs(words: string[]): UnCall | undefined {
  let un = false;
  const code: string[] = [];
  let i = 1;
  for (; i < words.length; i++) {
    const t = words[i];
    if (t === '--') {
      i++;
      break;
    }
    if (t === '-e' || t === '-r') {
      const v = words[++i] ?? '';
      if (t === '-e') code.push(v);
      else un ||= v === 'un';
    } else if (/^-e./.test(t)) code.push(t.slice(2));
    else if (/^-r./.test(t)) un ||= t.slice(2) === 'un';
    else if (/^--require=un$/.test(t)) un = true;
    else if (RUBY_VALUE.test(t)) i++;
    else if (!t.startsWith('-') || t === '-') break;
  }
  const name = code.length === 1 ? code[0].trim() : '';
  if (!un || !/^[a-z_]+$/.test(name)) return undefined;
  return { name, args: words.slice(i) };
}

/**
 * `ruby -run -e rm -- -rf DIR` and the other file commands: ruby is emitted and the command it
 * amounts to runs under `ruby -run` through `dispatch` (the carrier dispatcher, passed in so
 * this module does not import it back). Undefined = not one of them.
 */
export function runUn(argv: Field[], k: K, dispatch: (argv: Field[], k: K) => Res): Res | undefined {
  if (argv.some((a) => a.dynamic && a.text.startsWith('-'))) return undefined;
  const call = unArgs(argv.map((a) => a.text));
  if (!call || !FILE_COMMANDS.test(call.name)) return undefined;
  const res = emit(argv, k);
  const rest = argv.slice(argv.length - call.args.length);
  const inner: K = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'ruby -run'] } };
  dispatch([lit(call.name), ...rest], inner);
  return res;
}

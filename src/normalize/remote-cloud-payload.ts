/**
 * What the cloud "run a command on a machine" APIs carry (remote-cloud.ts, remote-cloud-az.ts):
 * script lines, read from the command or from a file it names, walked as the shell or
 * PowerShell code the machine runs, with `remote: true`. A payload not known here (a file not
 * readable, a variable, a URL the machine fetches) fails closed: a shell whose script cannot
 * be read, so the command asks.
 */
import type { Field, Res } from './state.js';
import { absPath, lit } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { readFileText } from './producers.js';
import { remoteArgv } from './remote-words.js';

/** The language a machine runs the lines in: `sh` (Linux run-command) or `pwsh` (Windows). */
export type ScriptLang = 'sh' | 'pwsh';

/** `lines` run on the machine(s) `label` names, in `lang`; each line is a line of one script. */
export function runScriptLines(lines: string[], lang: ScriptLang, label: string, k: K): Res {
  const text = lines.join('\n');
  if (lang === 'pwsh') return remoteArgv([lit('pwsh'), lit('-Command'), lit(text)], label, k);
  return reparse(text, label, k, { remote: true });
}

/**
 * fail closed: code sent to a machine that is not known here (`what` says where it comes
 * from: a file not readable, a variable, a URL) is a shell whose script cannot be read.
 */
export function unreadablePayload(what: string, label: string, k: K): Res {
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label], remote: true };
  return emit([lit('sh'), lit('-c'), { text: what, dynamic: true }], { ...k, frame }, { dynamic: true });
}

/**
 * The text of a value that may name a file: `file://P` or `fileb://P` (the AWS CLI), `@P`
 * (the Azure CLI) when `prefixes` lists it; a plain value is its own text. undefined = not
 * known here (a dynamic word, a file not readable).
 */
export function valueText(value: Field, k: K, prefixes: string[]): string | undefined {
  if (value.dynamic) return undefined;
  const prefix = prefixes.find((p) => value.text.startsWith(p));
  if (prefix === undefined) return value.text;
  const path = value.text.slice(prefix.length).replace(/^~(?=\/)/, k.run.ctx.home);
  return path ? readFileText(absPath(k.scope.cwd, path), k) : undefined;
}

/**
 * The values of an option that takes several words (`--scripts A B C`, `--scripts=A`): every
 * word after it up to the next option. Empty = not given.
 */
export function optionWords(args: Field[], name: string): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t.startsWith(`${name}=`)) out.push({ ...args[i], text: t.slice(name.length + 1) });
    else if (t === name)
      for (let j = i + 1; j < args.length && !/^--?[A-Za-z]/.test(args[j].text); j++) out.push(args[j]);
  }
  return out;
}

/**
 * A script whose language is not given (the machine's OS decides) is judged as shell, and as
 * PowerShell too when it reads like PowerShell (a Verb-Noun cmdlet, `$env:`).
 */
export function guessLangs(text: string): ScriptLang[] {
  return /\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b|\$env:/.test(text) ? ['sh', 'pwsh'] : ['sh'];
}

/**
 * Tcl as the interpreter reads it, without running anything: a script split into commands
 * and raw words (braced, quoted or bare; `{*}` expansion marked), which words of a control
 * command are scripts and which are expressions, and what `exec`'s words amount to as a shell
 * command. Read by codescan-tcl.ts. Pure.
 */
import type { Field } from './state.js';
import { quote } from './quote.js';

/** One word as written: braced (no substitution), quoted or bare; `expand` = `{*}` prefix. */
export interface Raw {
  text: string;
  braced: boolean;
  expand: boolean;
}

/** Index just past the bracket/brace that closes the one opened at `i`. */
export function closing(s: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === open) depth++;
    else if (s[j] === close && --depth === 0) return j + 1;
  }
  return s.length;
}

/** The commands of a script, each as its raw words. */
export function tclCommands(script: string): Raw[][] {
  const out: Raw[][] = [];
  let words: Raw[] = [];
  let i = 0;
  const end = () => {
    if (words.length) out.push(words);
    words = [];
  };
  while (i < script.length) {
    const c = script[i];
    if (c === '\\' && script[i + 1] === '\n') i += 2;
    else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '\n' || c === ';') {
      end();
      i++;
    } else if (c === '#' && words.length === 0) {
      while (i < script.length && script[i] !== '\n') i += script[i] === '\\' ? 2 : 1;
    } else {
      const expand = script.startsWith('{*}', i) && !/[\s;]/.test(script[i + 3] ?? ' ');
      if (expand) i += 3;
      if (script[i] === '{') {
        const j = closing(script, i, '{', '}');
        words.push({ text: script.slice(i + 1, j - 1), braced: true, expand });
        i = j;
        continue;
      }
      const quoted = script[i] === '"';
      let j = quoted ? i + 1 : i;
      while (j < script.length) {
        const d = script[j];
        if (d === '\\') j += 2;
        else if (d === '[') j = closing(script, j, '[', ']');
        else if (quoted ? d === '"' : /[\s;]/.test(d)) break;
        else j++;
      }
      words.push({ text: script.slice(quoted ? i + 1 : i, j), braced: false, expand });
      i = quoted ? j + 1 : j;
    }
  }
  end();
  return out;
}

/**
 * The words of a control command that are scripts (bodies) and expressions (conditions,
 * whose `[command]`s run); other words are data (variable names, lists).
 */
export function parts(name: string, a: Raw[]): { scripts: Raw[]; exprs: Raw[] } {
  const scripts: Raw[] = [];
  const exprs: Raw[] = [];
  switch (name) {
    case 'expr':
      exprs.push(...a);
      break;
    case 'if':
      for (let i = 0; i < a.length; i++) {
        if (i === 0 || a[i - 1].text === 'elseif') exprs.push(a[i]);
        else if (!/^(then|else|elseif)$/.test(a[i].text) || a[i].braced) scripts.push(a[i]);
      }
      break;
    case 'while':
      exprs.push(...a.slice(0, 1));
      scripts.push(...a.slice(1, 2));
      break;
    case 'for':
      exprs.push(...a.slice(1, 2));
      scripts.push(a[0], ...a.slice(2));
      break;
    case 'foreach':
    case 'lmap':
    case 'proc':
    case 'dict':
      scripts.push(...a.slice(-1));
      break;
    case 'catch':
    case 'time':
    case 'timerate':
      scripts.push(...a.slice(0, 1));
      break;
    case 'after':
      scripts.push(...a.slice(1));
      break;
    case 'try':
      a.forEach((w, i) => {
        if (i === 0 || a[i - 1]?.text === 'finally' || (i >= 3 && /^(on|trap)$/.test(a[i - 3].text)))
          scripts.push(w);
      });
      break;
    case 'switch': {
      // `switch ?options? value {pattern body …}` or `switch ?options? value pattern body …`
      let i = 0;
      while (i < a.length - 1 && a[i].text.startsWith('-') && !a[i].braced) if (a[i++].text === '--') break;
      const rest = a.slice(i + 1);
      const pairs = rest.length === 1 && rest[0].braced ? tclCommands(rest[0].text).flat() : rest;
      pairs.forEach((w, n) => {
        if (n % 2 === 1 && w.text !== '-') scripts.push(w);
      });
      break;
    }
    case 'apply': {
      const fn = a[0] ? tclCommands(a[0].text).flat() : [];
      scripts.push(...fn.slice(1, 2));
      break;
    }
  }
  return { scripts, exprs };
}

const REDIRECT = /^(<<|<@|[12]?>@|<|2?>>?&?|>&)(.*)$/s;

/**
 * What `exec ?switches? WORDS…` runs. All words known: `shell`, the shell command they amount
 * to (pipes and file redirections kept, Tcl's channel redirections `>@ chan` dropped), read like
 * any other. Else `stages`: each pipeline stage's argv (redirections dropped), words partly
 * unknown.
 */
export function execWords(args: Field[]): { shell?: string; stages: Field[][] } {
  let i = 0;
  while (i < args.length && /^-(ignorestderr|keepnewline|-)$/.test(args[i].text))
    if (args[i++].text === '--') break;
  const words = args.slice(i);
  const last = (n: number) => words[n].text === '&' && n === words.length - 1;
  if (words.every((w) => !w.dynamic)) {
    const sh: string[] = [];
    for (let n = 0; n < words.length; n++) {
      const t = words[n].text;
      const redir = REDIRECT.exec(t);
      if (t === '|' || t === '|&') sh.push(t === '|&' ? '2>&1 |' : '|');
      else if (last(n)) sh.push('&');
      else if (redir) {
        const target = redir[2] || words[++n]?.text || '';
        if (redir[1].includes('@')) continue; // a Tcl channel, not a file
        sh.push(redir[1] === '<<' ? '<<<' : redir[1].replace(/&$/, ''), quote(target));
        if (redir[1].endsWith('&')) sh.push('2>&1');
      } else sh.push(quote(t));
    }
    return { shell: sh.join(' '), stages: [] };
  }
  const stages: Field[][] = [[]];
  for (let n = 0; n < words.length; n++) {
    const t = words[n].text;
    const redir = REDIRECT.exec(t);
    if (t === '|' || t === '|&') stages.push([]);
    else if (redir && !redir[2]) n++;
    else if (!redir && !last(n)) stages[stages.length - 1].push(words[n]);
  }
  return { stages: stages.filter((s) => s.length > 0) };
}

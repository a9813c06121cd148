/**
 * Script files a tool runs in its own command language, read as the shell commands they
 * perform so the extractors judge them as themselves:
 * - `cmake -P FILE`: `file(REMOVE_RECURSE P…)` is `rm -rf P…`, `file(REMOVE P…)` `rm -f P…`,
 *   `execute_process(COMMAND CMD ARGS…)` runs CMD (`$ENV{NAME}` is `$NAME`; other variables
 *   are values not known statically);
 * - `diskshadow /s FILE`: `delete shadows all|oldest …` is `vssadmin delete shadows`;
 * - `diskpart /s FILE`: `clean [all]` of the selected disk is `Clear-Disk -RemoveData`,
 *   `delete partition|volume` is `Remove-Partition`, `format` is `Format-Volume`.
 * - `meson setup|configure|compile …` with a meson.build this script wrote: `run_command('CMD',
 *   'ARG'…)` runs CMD while the build is configured;
 * - Miller's DSL (`mlr … put|filter 'EXPR'`, or `-f FILE`): `system("CMD")` hands CMD to a
 *   shell, `exec("CMD", ["ARG"…])` runs CMD.
 * A value not known statically in such a call is a command not known (fail closed). Which file
 * a tool runs, and reading it, is the table's of tool-configs.ts (written-code.ts): one written
 * by this script, else named and read through ctx.readFile; one that cannot be read (or is named
 * by a value not known statically) is unknown code.
 */
import { absPath, type Field } from './state.js';
import { emit, type K } from './emit.js';
import { scriptFile } from './shells.js';
import { runLines } from './written-code.js';
import { quote } from './quote.js';

/** A CMake argument as a shell word: `$ENV{X}` → `$X`, `${VAR}` → a value not known here. */
function cmakeWord(arg: string): string {
  const text = arg.replace(/^"([\s\S]*)"$/, '$1');
  return text
    .split(/(\$ENV\{\w+\}|\$\{[^}]*\})/)
    .map((part) => {
      const env = /^\$ENV\{(\w+)\}$/.exec(part);
      if (env) return `"$${env[1]}"`;
      if (/^\$\{/.test(part)) return '"$(cmake_variable)"';
      return part ? quote(part) : '';
    })
    .join('');
}

/** The shell lines a CMake script performs (see the module comment). */
export function cmakeScript(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/#[^\n]*/g, '');
  for (const m of code.matchAll(/\b(file|execute_process)\s*\(([^()]*)\)/gi)) {
    const args = [...m[2].matchAll(/"(?:[^"\\]|\\.)*"|[^\s"]+/g)].map((a) => a[0]);
    if (/^file$/i.test(m[1]) && /^REMOVE(_RECURSE)?$/.test(args[0] ?? ''))
      out.push(`rm ${args[0] === 'REMOVE' ? '-f' : '-rf'} -- ${args.slice(1).map(cmakeWord).join(' ')}`);
    if (/^execute_process$/i.test(m[1]))
      for (let i = args.indexOf('COMMAND'); i >= 0; i = args.indexOf('COMMAND', i + 1)) {
        const end = args.findIndex((a, j) => j > i && /^[A-Z_]+$/.test(a));
        out.push(
          args
            .slice(i + 1, end < 0 ? undefined : end)
            .map(cmakeWord)
            .join(' '),
        );
      }
  }
  return out;
}

/** The shell lines a diskshadow or diskpart script performs (see the module comment). */
export function diskScript(tool: 'diskshadow' | 'diskpart', text: string): string[] {
  const out: string[] = [];
  let disk = '';
  for (const raw of text.split(/\r?\n/)) {
    const w = raw.trim().toLowerCase().split(/\s+/);
    if (tool === 'diskshadow') {
      if (w[0] === 'delete' && w[1] === 'shadows')
        out.push(`vssadmin delete shadows ${w[2] === 'all' ? '/all' : '/oldest'} /quiet`);
      continue;
    }
    if (w[0] === 'select' && w[1] === 'disk') disk = w[2] ?? '';
    // fail closed: a disk not selected in the script is whichever one was selected before
    const number = /^\d+$/.test(disk) ? disk : '"$(selected_disk)"';
    if (w[0] === 'clean') out.push(`Clear-Disk -Number ${number} -RemoveData -RemoveOEM -Confirm:$false`);
    if (w[0] === 'delete' && /^(partition|volume|disk)$/.test(w[1] ?? ''))
      out.push(`Remove-Partition -DiskNumber ${number} -Confirm:$false`);
    if (w[0] === 'format') out.push(`Format-Volume -Force -Confirm:$false`);
  }
  return out.map((line) => (tool === 'diskpart' ? `pwsh -c ${quote(line)}` : line));
}

/** A quoted string literal's text; undefined = not one literal (a variable, an expression). */
function literal(expr: string): string | undefined {
  const m = /^\s*(['"])((?:[^'"\\]|\\.)*)\1\s*$/.exec(expr);
  return m ? m[2].replace(/\\(.)/g, '$1') : undefined;
}

/** The comma-separated arguments of a call's text (strings and brackets kept whole). */
function callArgs(text: string): string[] {
  return [...text.matchAll(/\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,]+)/g)]
    .map((m) => m[0].trim())
    .filter((a) => a && !/^\w+\s*:/.test(a));
}

/** Argument expressions as shell words; a value not known statically becomes one the shell can't know. */
const words = (args: string[]) =>
  args.map((a) => {
    const v = literal(a);
    return v === undefined ? '"$(unknown_value)"' : quote(v);
  });

/** The shell lines a meson.build runs while configured (`run_command`). */
export function mesonScript(text: string): string[] {
  const code = text.replace(/#[^\n]*/g, '');
  return [...code.matchAll(/\brun_command\s*\(([^()]*)\)/g)].map((m) => words(callArgs(m[1])).join(' '));
}

/** The shell lines Miller DSL code runs (`system`, `exec`). */
export function millerCode(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(system|exec)\s*\(([^()]*)\)/g)) {
    const args = callArgs(m[2]);
    if (m[1] === 'system') out.push(literal(args[0] ?? '') ?? '"$(unknown_command)"');
    else out.push(words([args[0] ?? '', ...callArgs((args[1] ?? '').replace(/^\[|\]$/g, ''))]).join(' '));
  }
  return out;
}

/** Miller's DSL expressions: after `put`/`filter` (its options skipped), or a `-f FILE` read. */
function millerLines(argv: Field[], k: K): string[] | undefined {
  const verb = argv.findIndex((f) => /^(put|filter)$/.test(f.text));
  if (verb < 0) return [];
  const out: string[] = [];
  for (let i = verb + 1; i < argv.length; i++) {
    const f = argv[i];
    if (f.text === '-f' || f.text === '-s') {
      const file = argv[++i];
      const text = file && !file.dynamic ? scriptFile(absPath(k.scope.cwd, file.text), k) : undefined;
      if (f.text === '-f' && text === undefined) return undefined;
      if (text !== undefined) out.push(...millerCode(text));
      continue;
    }
    if (/^-[qSxF]$/.test(f.text)) continue;
    if (f.dynamic) return undefined;
    return [...out, ...millerCode(f.text)];
  }
  return out;
}

/** Reads the commands Miller's DSL runs (`mlr put|filter`); the script files of cmake, diskshadow, diskpart and meson are read by the table of tool-configs.ts. */
export function toolScripts(prog: string, argv: Field[], k: K): void {
  if (prog !== 'mlr') return;
  const lines = millerLines(argv, k);
  // fail closed: DSL code or a -f file not known statically may call system()
  if (!lines) return void emit([{ text: 'mlr', dynamic: true }], k, { dynamic: true });
  runLines(lines, 'mlr', k);
}

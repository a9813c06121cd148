/**
 * Script files a tool runs in its own command language, read as the shell commands they
 * perform so the extractors judge them as themselves:
 * - `cmake -P FILE`: `file(REMOVE_RECURSE P…)` is `rm -rf P…`, `file(REMOVE P…)` `rm -f P…`,
 *   `execute_process(COMMAND CMD ARGS…)` runs CMD (`$ENV{NAME}` is `$NAME`; other variables
 *   are values not known statically);
 * - `diskshadow /s FILE`: `delete shadows all|oldest …` is `vssadmin delete shadows`;
 * - `diskpart /s FILE`: `clean [all]` of the selected disk is `Clear-Disk -RemoveData`,
 *   `delete partition|volume` is `Remove-Partition`, `format` is `Format-Volume`.
 * The file is read when this script wrote it, else through ctx.readFile; one that cannot be
 * read (or is named by a value not known statically) is unknown code.
 */
import { absPath, cloneScope, type Field } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

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

/** The script file `argv` names with `opt` (`/s FILE`, `-s FILE`, `-P FILE`); undefined = none. */
function named(argv: Field[], opt: RegExp): Field | undefined {
  const i = argv.findIndex((f) => opt.test(f.text));
  return i > 0 ? argv[i + 1] : undefined;
}

/** Reads the script a `cmake -P`, `diskshadow /s` or `diskpart /s` runs (see the module comment). */
export function toolScripts(prog: string, argv: Field[], k: K): void {
  const tool = prog.replace(/\.exe$/i, '').toLowerCase();
  const file =
    tool === 'cmake'
      ? named(argv, /^-P$/)
      : tool === 'diskshadow' || tool === 'diskpart'
        ? named(argv, /^[/-]s$/i)
        : undefined;
  if (!file) return;
  const label = `${tool} ${tool === 'cmake' ? '-P' : '/s'}`;
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
  const text = file.dynamic ? undefined : scriptFile(absPath(k.scope.cwd, file.text), k);
  // fail closed: a script not known statically may do anything the tool can
  if (text === undefined) return void emit([{ ...file, dynamic: true }], { ...k, frame }, { dynamic: true });
  const lines = tool === 'cmake' ? cmakeScript(text) : diskScript(tool as 'diskshadow' | 'diskpart', text);
  for (const line of lines)
    reparse(line, label, { ...k, frame, io: { writes: [] } }, { scope: cloneScope(k.scope) });
}

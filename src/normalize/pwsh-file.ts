/**
 * The PowerShell script a pwsh command runs from a file (`pwsh -File F.ps1 ARGS`, `-f F`,
 * `powershell -ExecutionPolicy Bypass -File F`, `pwsh F.ps1`): when this script wrote the file,
 * its text is the code to read, as for the other interpreters' script files. A script on disk
 * is the project's own code: not read here.
 */
import { VALUE_OPTS } from './pwsh.js';
import { absPath, type Field } from './state.js';
import type { K } from './emit.js';

/** The script file operand of a pwsh command line; undefined = none (inline code or stdin). */
export function scriptOperand(argv: Field[]): Field | undefined {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (/^-(c|co|com|comm|comma|comman|command|e|ec|en|enc\w*)$/i.test(t)) return undefined;
    if (/^-(f|fi|fil|file)$/i.test(t)) return argv[i + 1];
    if (VALUE_OPTS.test(t)) i++;
    else if (!t.startsWith('-')) return /\.ps1$/i.test(t) ? argv[i] : undefined;
  }
  return undefined;
}

/**
 * The code of the script file a pwsh command runs, when this script wrote it; undefined = no
 * script file, or one on disk. A file written with content not known, or named by a value not
 * known statically, is unknown code (dynamic).
 */
export function writtenPwshScript(argv: Field[], k: K): Field | undefined {
  const file = scriptOperand(argv);
  if (!file) return undefined;
  // fail closed: a script named by a value not known statically may be any script
  if (file.dynamic) return { text: file.text, dynamic: true };
  const abs = absPath(k.scope.cwd, file.text);
  if (!k.scope.written.has(abs)) return undefined;
  const text = k.scope.files.get(abs);
  // fail closed: written here with content not known statically
  return text === undefined ? { text: file.text, dynamic: true } : { text, dynamic: false };
}

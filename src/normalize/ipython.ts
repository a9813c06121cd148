/**
 * IPython's own syntax, rewritten as the Python it runs (what IPython's input transformers
 * do) so the Python reader (codescan-python.ts) reads it: `!CMD`, `!!CMD`, `x = !CMD` and the
 * `%sx` / `%system` / `%sc` magics run CMD in a shell (`os.system('CMD')`); a `%%bash`,
 * `%%sh`, `%%zsh` or `%%script SHELL` cell runs its body in that shell. Other magics
 * (`%timeit`, `%env`, `%cd`) and `%run FILE` (the project's own script) run nothing read here.
 * A command that interpolates Python values (`!rm -rf {path}`, `!rm $target`) is only known
 * at run time: it becomes a call with an argument that is not literal. Pure text to text.
 */

/** A shell command as the Python that runs it; interpolated Python values are not known statically. */
function system(cmd: string): string {
  // fail closed: IPython fills `{expr}` and `$name` from Python's values: the command is not known.
  if (/\{[^}]*\}|\$[A-Za-z_{]/.test(cmd)) return 'os.system(__ipython_command__)';
  return `os.system(${JSON.stringify(cmd)})`;
}

/** IPython cell text → the Python it runs. */
export function ipythonToPython(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    const body = line.slice(indent.length);
    const cell = /^%%(bash|sh|zsh|script\s+(?:\S*\/)?(?:bash|sh|zsh|dash))\b/.exec(body);
    if (cell) {
      out.push(system(lines.slice(i + 1).join('\n')));
      break;
    }
    if (body.startsWith('%%')) break; // another cell magic (%%timeit, %%capture): its body is Python or not code
    const bang = /^(?:([\w.,\s[\]]+)=\s*)?!!?(.*)$/.exec(body);
    const magic = /^(?:([\w.,\s[\]]+)=\s*)?%(?:sx|system|sc(?:\s+-\w+)*(?:\s+\w+=)?)\s+(.*)$/.exec(body);
    const shell = bang ?? magic;
    if (shell) {
      out.push(`${indent}${shell[1] ? `${shell[1]}= ` : ''}${system(shell[2])}`);
      continue;
    }
    out.push(body.startsWith('%') ? `${indent}pass` : line);
  }
  return out.join('\n');
}

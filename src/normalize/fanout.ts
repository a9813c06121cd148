/**
 * Fan-out carriers that run a command once per input item: `xargs`, `parallel` and `rush`
 * (fanout-lines.ts), and
 * `find … -exec/-execdir/-ok/-okdir cmd {} ;|+` and `find … -delete` (emitted as a
 * synthetic `rm -rf ROOT` per find root), `fd … -x|-X cmd`, Windows' `forfiles /c CMD` (forfiles.ts).
 */
import { FD_EXEC, FD_VALUE } from './fd-options.js';
import { getopt } from './options.js';
import { lit, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { runArgv } from './carriers.js';
import { SHELL_FANOUT, items } from './fanout-lines.js';
import { runFound } from './folder-runners.js';
import { foundFiles } from './find-files.js';
import { SHELLS } from './shell-names.js';
import { runForfiles } from './forfiles.js';
import { readFileText } from './producers.js';

function substitute(f: Field, token: string, item: Field): Field {
  if (!f.text.includes(token)) return f;
  return { text: f.text.split(token).join(item.text), dynamic: f.dynamic || item.dynamic };
}

function xargs(argv: Field[], k: K): Res {
  const p = getopt(argv.slice(1), {
    short: 'IiLlnPsdEeaE',
    long: [
      'replace',
      'max-lines',
      'max-args',
      'max-procs',
      'max-chars',
      'delimiter',
      'eof',
      'arg-file',
      'process-slot-var',
    ],
  });
  // -i / -e / -l take optional attached values only
  for (const opt of ['i', 'e', 'l']) {
    const v = p.opts.get(opt);
    if (v !== undefined && v !== '' && !argv.slice(1).some((a) => a.text === `-${opt}${v}`)) p.index--;
  }
  let cmd = argv.slice(1 + p.index);
  if (cmd.length === 0) cmd = [{ text: 'echo', dynamic: false }];
  const replace =
    p.opts.get('I') ??
    (p.opts.has('i') ? p.opts.get('i') || '{}' : undefined) ??
    (p.opts.has('replace') ? p.opts.get('replace') || '{}' : undefined);
  const argFile = p.opts.get('a') ?? p.opts.get('arg-file');
  const delim =
    p.opts.has('0') || p.opts.has('null')
      ? '\0'
      : replace !== undefined || p.opts.has('L')
        ? '\n'
        : undefined;
  // items on stdin: known text, or the file it is redirected from (`xargs rm < list.txt`)
  const stdin = k.io.stdin;
  const read = stdin?.text === undefined && stdin?.kind === 'file' && stdin.path;
  let text = read ? readFileText(stdin.path!, k) : stdin?.text;
  // the file's text is what xargs read (extractors see the items as known)
  if (read && text !== undefined) k = { ...k, io: { ...k.io, stdin: { ...stdin, text } } };
  if (argFile !== undefined)
    text =
      k.scope.files.get(argFile) ??
      k.run.ctx.readFile?.(argFile.startsWith('/') ? argFile : `${k.scope.cwd}/${argFile}`);
  const list = items(text, delim);
  const inner = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'xargs'] } };
  const marker: Field = { text: replace ?? '{xargs-input}', dynamic: true };
  if (replace !== undefined) {
    if (!list)
      return runArgv(
        cmd.map((f) => (f.text.includes(replace) ? { ...f, dynamic: true } : f)),
        inner,
      );
    let res: Res = {};
    for (const item of list)
      res = runArgv(
        cmd.map((f) => substitute(f, replace, item)),
        inner,
      );
    return list.length > 0 ? res : {};
  }
  const runIfEmpty = !(p.opts.has('r') || p.opts.has('no-run-if-empty'));
  if (!list) {
    // Unknown input may be empty, and GNU xargs then runs the command once with no
    // appended items (`cat list | xargs ln -sf EVIL /usr/bin/ls`): both readings are analysed.
    // The command xargs runs reads /dev/null, not the items.
    if (runIfEmpty)
      runArgv(cmd, { ...inner, io: { ...inner.io, stdin: { kind: 'file', path: '/dev/null', text: '' } } });
    return runArgv([...cmd, marker], inner);
  }
  if (list.length === 0 && !runIfEmpty) return {};
  return runArgv([...cmd, ...list], inner);
}

const FIND_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);

/** `-exec SHELL [-opts] {} …`: a shell runs each file found as its script (other commands act on the root). */
function runsFound(cmd: Field[]): boolean {
  if (!SHELLS.has(cmd[0]?.text ?? '')) return false;
  const operand = cmd.slice(1).find((f) => !/^[-+][a-z]+$/.test(f.text));
  return operand?.text === '{}';
}

function find(argv: Field[], k: K): Res {
  const args = argv.slice(1);
  let i = 0;
  while (i < args.length && /^-[HLP]$|^-O\d$|^-D$/.test(args[i].text)) i += args[i].text === '-D' ? 2 : 1;
  const lead = i;
  const roots: Field[] = [];
  for (; i < args.length && !/^[-(!]/.test(args[i].text); i++) roots.push(args[i]);
  if (roots.length === 0) roots.push({ text: '.', dynamic: false });
  // fail closed: `-L` (the last of -H/-L/-P counts), or `-follow` anywhere among the tests,
  // follows links anywhere, so what -delete or -exec reaches below a root is not named by the
  // root's path
  const follow =
    args
      .slice(0, lead)
      .filter((f) => /^-[HLP]$/.test(f.text))
      .at(-1)?.text === '-L' || args.slice(i).some((f) => f.text === '-follow');
  const reach = follow ? roots.map((r) => ({ ...r, dynamic: true })) : roots;
  let res = emit(argv, k);
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === '-delete') {
      const inner = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'find -delete'] } };
      for (const root of reach)
        res = emit([{ text: 'rm', dynamic: false }, { text: '-rf', dynamic: false }, root], inner);
      continue;
    }
    if (!FIND_ACTIONS.has(t)) continue;
    let j = i + 1;
    while (j < args.length && args[j].text !== ';' && args[j].text !== '+') j++;
    const cmd = args.slice(i + 1, j);
    const inner = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, `find ${t}`] } };
    // `-exec {} ;`: each file found is the program (folder-runners.ts)
    const each = cmd.length > 0 ? runFound(roots, cmd, `find ${t}`, k, runArgv) : undefined;
    // `-exec sh {} ;` with simple tests: each script found is read (find-files.ts)
    const files =
      t === '-exec' && runsFound(cmd)
        ? foundFiles(roots, args.slice(roots.length + lead, i), k, args.slice(0, lead))
        : undefined;
    if (each) res = each;
    else if (files?.length)
      for (const f of files)
        res = runArgv(
          cmd.map((c) => substitute(c, '{}', lit(f))),
          inner,
        );
    else if (cmd.length > 0) {
      for (const root of reach)
        res = runArgv(
          cmd.map((f) => substitute(f, '{}', root)),
          inner,
        );
    }
    i = j;
  }
  return res;
}

/**
 * `fd [opts] [PATTERN] [PATH…] -x|--exec|-X|--exec-batch CMD…`: CMD runs on what is found
 * under each PATH (default: here), `{}` and its variants standing for it (appended when
 * absent), read like find's -exec with the path as the found file.
 */
function fd(argv: Field[], k: K): Res {
  const args = argv.slice(1);
  const x = args.findIndex((f) => FD_EXEC.test(f.text));
  if (x < 0) return emit(argv, k);
  const pos: Field[] = [];
  const roots: Field[] = [];
  for (let i = 0; i < x; i++) {
    const t = args[i].text;
    if (t === '--search-path' || t === '--base-directory')
      roots.push(args[++i] ?? { text: '', dynamic: true });
    else if (FD_VALUE.has(t)) i++;
    else if (!t.startsWith('-') || args[i].dynamic) pos.push(args[i]);
  }
  roots.push(...pos.slice(1));
  if (roots.length === 0) roots.push({ text: '.', dynamic: false });
  let end = args.findIndex((f, i) => i > x && f.text === ';');
  if (end < 0) end = args.length;
  const cmd = args.slice(x + 1, end);
  let res = emit(argv, k);
  if (cmd.length === 0) return res;
  const inner = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, `fd ${args[x].text}`] } };
  const placeholder = /\{(\/|\/\/|\.|\/\.)?\}/;
  for (const root of roots) {
    const words = cmd.some((f) => placeholder.test(f.text))
      ? cmd.map((f) => ({
          ...f,
          text: f.text.replace(new RegExp(placeholder, 'g'), root.text),
          dynamic: f.dynamic || root.dynamic,
        }))
      : [...cmd, root];
    res = runArgv(words, inner);
  }
  return res;
}

/** program → fan-out handler. */
export const FANOUT: Record<string, (argv: Field[], k: K) => Res> = {
  xargs,
  find,
  fd,
  fdfind: fd,
  ...SHELL_FANOUT,
  ...Object.fromEntries(
    ['forfiles', 'forfiles.exe', 'FORFILES', 'FORFILES.EXE'].map((p) => [
      p,
      (argv: Field[], k: K) => runForfiles(argv, k, runArgv),
    ]),
  ),
};

/**
 * Deleting through the trash: a file moved to the trash (`trash-put`, `trash`, `gio trash`,
 * `gtrash put`, `rmtrash`, `gvfs-trash`) can be restored until the trash is emptied. Emptying it
 * (`trash-empty`, `gio trash --empty`, `trash -e`, `ktrash5 --empty`) deletes for good what this
 * script trashed before, so each of those is read as `rm -rf TARGET` after the emptying; with
 * nothing trashed here, emptying deletes the user's trash folder (read as `rm -rf` of it).
 * `trash-empty N` keeps what was trashed less than N days ago (this script's own items),
 * `trash-rm PATTERN` deletes the trashed items whose name matches. Reads the commands emitted so
 * far (run.commands).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { absPath, lit } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';

/** Options of the trash tools that only print, preview or explain. */
const ONLY_PRINTS = /^(-h|--help|--version|--dry-run|-n|-l|--list|--print-completion)$/;

/** The absolute paths `cmd` moved to the trash; empty = not a trashing command. */
function trashed(cmd: NormalizedCommand): string[] {
  const a = cmd.argv;
  let rest: string[];
  if (/^(trash-put|rmtrash|gvfs-trash)$/.test(cmd.program)) rest = a.slice(1);
  else if (cmd.program === 'trash' && !a.some((w) => /^(-e|--empty|-l|--list)$/.test(w))) rest = a.slice(1);
  else if (cmd.program === 'gio' && a[1] === 'trash' && !a.some((w) => /^--(empty|list|restore)$/.test(w)))
    rest = a.slice(2);
  else if (cmd.program === 'gtrash' && a[1] === 'put') rest = a.slice(2);
  else return [];
  const end = rest.indexOf('--');
  const words =
    end < 0
      ? rest.filter((w) => !w.startsWith('-'))
      : [...rest.slice(0, end).filter((w) => !w.startsWith('-')), ...rest.slice(end + 1)];
  return words.map((w) => absPath(cmd.cwd, w));
}

/**
 * What an emptying command deletes for good: 'all' = everything trashed, a RegExp = the items
 * whose name matches, 'recent-kept' = only older items; undefined = `argv` empties nothing.
 */
function emptying(prog: string, argv: Field[]): 'all' | 'recent-kept' | RegExp | undefined {
  const a = argv.map((f) => f.text);
  if (a.some((w) => ONLY_PRINTS.test(w))) return undefined;
  if (prog === 'trash-empty') {
    const days = a.slice(1).find((w) => /^\d+$/.test(w));
    return days !== undefined && Number(days) > 0 ? 'recent-kept' : 'all';
  }
  if (prog === 'trash-rm') {
    const pattern = a.slice(1).find((w) => !w.startsWith('-'));
    if (pattern === undefined) return undefined;
    const re = pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    return new RegExp(`^${re}$`);
  }
  if (prog === 'gio' && a[1] === 'trash' && a.includes('--empty')) return 'all';
  if (prog === 'trash' && a.some((w) => /^(-e|--empty|-ey)$/.test(w))) return 'all';
  if (/^ktrash\d*$/.test(prog) && a.includes('--empty')) return 'all';
  return undefined;
}

/** Programs that may empty the trash (a cheap test before `runTrashEmpty`). */
export const TRASH_EMPTIERS = /^(trash-empty|trash-rm|gio|trash|ktrash\d*)$/;

/** An emptying command: emitted, then what it deletes for good. Undefined = `argv` empties nothing. */
export function runTrashEmpty(prog: string, argv: Field[], k: K): Res | undefined {
  const what = emptying(prog, argv);
  if (what === undefined) return undefined;
  const res = emit(argv, k);
  if (what === 'recent-kept') return res;
  const targets = k.run.commands.flatMap(trashed);
  const gone =
    what === 'all' ? targets : targets.filter((t) => what.test(t.replace(/\/+$/, '').replace(/.*\//, '')));
  // nothing trashed here (or no name here matches trash-rm's pattern): the user's own trash goes
  const home = k.frame.remote ? '~' : k.run.ctx.home;
  const list = gone.length ? gone : [`${home}/.local/share/Trash/files`];
  const inner: K = {
    ...k,
    frame: { ...k.frame, wrappers: [...k.frame.wrappers, `${prog} (emptied trash)`] },
  };
  for (const t of list) emit([lit('rm'), lit('-rf'), lit(t)], inner);
  return res;
}

/**
 * rm replacements that move what they are given to a trash folder or graveyard instead of
 * unlinking it: `rip` / `rip2` (their graveyard), `trash-put` / `trash` (trash-cli, and
 * macOS's `trash`), `rmtrash`, `gtrash put`, `rmw`, `gio trash`, and KDE's `kioclient[56]
 * move … trash:/`. What the user can take back from their own trash (their files, the
 * workspace's) is no loss yet; a system folder or device moved away is: the service that
 * reads it (`/var/lib/mysql`) loses its data at once, and a graveyard under /tmp is gone at
 * the next boot. So operands of class root, system or device are read as moved (fs fact, op
 * `move`, whole trees), the others give nothing. `safe-rm` is rm behind a
 * deny list and reads as rm; `gio remove` deletes its files for good. Emptying the trash
 * (`trash-empty`, `gio trash --empty`, `trash -e`) is read by src/normalize/trash.ts as an
 * `rm -rf` of what was trashed; here it, listing, restoring, help and `rip --decompose`
 * (its graveyard under /tmp) give nothing. Reads the words only.
 */
import type { AnalyzeContext, FsClass, NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';
import { target, targetOf } from './fs-paths.js';

/** How one trash tool reads: its options and the flags that do anything but move operands away. */
interface TrashTool {
  spec: OptionSpec;
  /** Flags that list, restore, print or empty the trash instead (no fact). Empty = none. */
  other: string[];
}

const RIP: TrashTool = {
  spec: {
    longWithValue: ['graveyard'],
    long: ['decompose', 'seance', 'unbury', 'inspect', 'graveyard', 'help', 'version'],
  },
  other: ['d', 'decompose', 's', 'seance', 'u', 'unbury', 'h', 'help', 'V', 'version'],
};

/** trash-put and its names; macOS `trash -l` lists and `-e` empties. */
const TRASH_PUT: TrashTool = {
  spec: { longWithValue: ['trash-dir'] },
  other: ['l', 'e', 'h', 'help', 'version', 'print-completion'],
};

const RMW: TrashTool = {
  spec: { shortWithValue: 'cW', longWithValue: ['config', 'waste', 'purge'] },
  other: [
    'l',
    'list',
    's',
    'select',
    'u',
    'undo-last',
    'z',
    'restore',
    'e',
    'empty',
    'g',
    'purge',
    'h',
    'help',
    'V',
    'version',
    'warranty',
  ],
};

const TOOLS: Record<string, TrashTool> = {
  rip: RIP,
  rip2: RIP,
  trash: TRASH_PUT,
  'trash-put': TRASH_PUT,
  rmtrash: TRASH_PUT,
  rmw: RMW,
};

/**
 * Classes whose folders stop working when moved to a trash (what reads them is not the user),
 * and `unknown`: a path only known at run time may be one of them (fail closed, as `mv "$X"`).
 */
const NOT_THE_USERS = new Set<FsClass>(['root', 'system', 'device', 'unknown']);

/** The operands of a class in NOT_THE_USERS, moved to the trash as whole trees. */
function movedAway(cmd: NormalizedCommand, ctx: AnalyzeContext, idx: number[]): DraftFact[] {
  return fsFact(
    cmd,
    'move',
    idx.map((i) => target(cmd, i, ctx)).filter((t) => NOT_THE_USERS.has(t.class)),
    true,
  );
}

/** A trash tool's run: its operands moved away (nothing when it lists, restores or empties). */
const tool: FsHandler = (cmd, ctx) => {
  const t = TOOLS[cmd.program];
  const o = parseOptions(cmd.argv, 1, t.spec);
  return hasAny(o, ...t.other) ? [] : movedAway(cmd, ctx, o.operands);
};

/** `gtrash put FILE…` moves to the trash (its other verbs list, restore or empty it). */
const gtrash: FsHandler = (cmd, ctx) =>
  cmd.argv[1] === 'put' ? movedAway(cmd, ctx, parseOptions(cmd.argv, 2).operands) : [];

/** `gio trash [--empty|--list|--restore] FILE…` and `gio remove FILE…` (a delete for good). */
const gio: FsHandler = (cmd, ctx) => {
  const verb = cmd.argv[1];
  if (verb === 'remove' || verb === 'rm') {
    const o = parseOptions(cmd.argv, 2);
    return fsFact(
      cmd,
      'delete',
      o.operands.map((i) => target(cmd, i, ctx)),
      false,
      hasAny(o, 'f', 'force'),
    );
  }
  if (verb !== 'trash') return [];
  const o = parseOptions(cmd.argv, 2, { longWithValue: ['restore'] });
  if (hasAny(o, 'empty', 'list', 'restore', 'h', 'help')) return [];
  return movedAway(cmd, ctx, o.operands);
};

/** `kioclient[56] [opts] move SRC… trash:/` moves its sources away; `remove URL…` deletes them. */
const kioclient: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['platform', 'title'] });
  const [verb, ...rest] = o.operands;
  const word = verb === undefined ? '' : cmd.argv[verb];
  // a URL of another scheme (`trash:/`, `sftp://`) is not a path here; `file:///x` is `/x`
  const local = (idx: number[]) =>
    idx
      .filter((i) => !/^[a-z][a-z0-9+.-]*:/i.test(cmd.argv[i]) || cmd.argv[i].startsWith('file://'))
      .map((i) => targetOf(cmd.argv[i].replace(/^file:\/\//, ''), cmd, ctx, cmd.dynamicArgs.includes(i)));
  if (word === 'remove' || word === 'rm') return fsFact(cmd, 'delete', local(rest), true, true);
  if ((word === 'move' || word === 'mv') && rest.length >= 2)
    return fsFact(
      cmd,
      'move',
      local(rest.slice(0, -1)).filter((t) => NOT_THE_USERS.has(t.class)),
      true,
    );
  return [];
};

/** `safe-rm` is rm with a list of paths it refuses: it reads as rm (the list is not known here). */
export const TRASH_HANDLERS = (rm: FsHandler): Record<string, FsHandler> => ({
  ...Object.fromEntries(Object.keys(TOOLS).map((p) => [p, tool])),
  gtrash,
  gio,
  kioclient,
  kioclient5: kioclient,
  kioclient6: kioclient,
  'safe-rm': rm,
});

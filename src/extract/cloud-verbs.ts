/**
 * Reads one invocation of a table-driven CLI (see cloud-tables.ts) into a CloudDraft.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { hasOpt, isWildcard, optValue, parseArgs, type CloudDraft } from './cloud-argv.js';
import type { VerbTable } from './cloud-tables.js';
import { destroyingOperation } from './cloud-operations.js';
import { COMPOUND } from './cloud-generic-verbs.js';

/** A compound verb that destroys what it names (not one that removes a link or trims). */
const destroysByShape = (w: string) => COMPOUND.test(w) && !/^(remove|prune|trim|truncate)[-_]/.test(w);

export function readVerbTable(t: VerbTable, cmd: NormalizedCommand): CloudDraft | undefined {
  const p = parseArgs(cmd.argv, t);
  if (!p.pos.length) return undefined;
  if (t.dataCommands?.includes(p.pos[0].text))
    return {
      tool: t.tool,
      service: p.pos[0].text,
      verb: p.pos[1]?.text ?? '',
      resource: '',
      all: false,
      force: false,
    };
  const all = hasOpt(p, t.allFlags);
  const force = hasOpt(p, t.forceFlags);
  if (t.operationCommands?.includes(p.pos[0].text)) {
    // `netlify api deleteSite`: a destroying operation reads as its hyphenated name
    // (`delete-site`); any other operation keeps its name, which no rule matches.
    const name = p.pos[1]?.text ?? '';
    return {
      tool: t.tool,
      service: p.pos[0].text,
      verb: destroyingOperation(name) ?? name,
      resource: operationTarget(optValue(p, ['--data', '-d'])) || optValue(p, t.resourceOpts),
      all,
      force,
    };
  }
  if (t.colon) {
    const [service, verb = ''] =
      p.pos[0].text.split(':', 2).length === 2 ? splitColon(p.pos[0].text) : ['', p.pos[0].text];
    const res = p.pos[1];
    return {
      tool: t.tool,
      service,
      verb,
      resource: res?.text ?? optValue(p, t.resourceOpts),
      all: all || isWildcard(cmd, res),
      force,
    };
  }
  const limit = Math.min(p.pos.length, t.maxDepth + 1);
  let v = -1;
  let batch = false;
  for (let i = 0; i < limit; i++) {
    // `delete-batch`, `delete-all`, `purge-bulk`: the verb, over many resources at once.
    const base = p.pos[i].text.replace(/-(batch|all|bulk|many)$/, '');
    if (t.destructive.test(p.pos[i].text) || (base !== p.pos[i].text && t.destructive.test(base))) {
      v = i;
      batch = !t.destructive.test(p.pos[i].text);
      break;
    }
  }
  // A compound verb the table does not list but that destroys whatever it names: read by its
  // shape, as for a tool no table models (a name two tools share: Concourse's `fly -t ci
  // destroy-pipeline` under flyctl's table).
  let shaped = false;
  if (v < 0) {
    v = p.pos.slice(0, limit).findIndex((w) => destroysByShape(w.text));
    shaped = v >= 0;
  }
  // `cargo yank --undo`: the verb reversed, nothing destroyed.
  if (v >= 0 && t.undoFlags && hasOpt(p, t.undoFlags)) v = -1;
  const dataOpt = v < 0 ? deletesData(p) : undefined;
  if (dataOpt)
    // `az backup protection disable … --delete-backup-data true`: the verb only turns
    // something off, the option deletes what it held.
    return {
      tool: t.tool,
      service: [...p.pos.slice(0, limit).map((w) => w.text), dataOpt].join(' '),
      verb: 'delete',
      resource: optValue(p, t.resourceOpts),
      all,
      force,
    };
  const pruning = v < 0 ? prunesUnlisted(p, t) : undefined;
  if (pruning)
    // `az deployment group create --mode Complete`: what the template leaves out is deleted.
    return {
      tool: t.tool,
      service: [...p.pos.slice(0, limit).map((w) => w.text), pruning].join(' '),
      verb: 'delete-unlisted',
      resource: optValue(p, t.resourceOpts),
      all,
      force,
    };
  if (v < 0) {
    // Not destructive: report the command path so rules can still see it.
    return {
      tool: t.tool,
      service: p.pos.length > 1 ? p.pos[0].text : '',
      verb: p.pos[Math.min(1, p.pos.length - 1)].text,
      resource: '',
      all,
      force,
    };
  }
  const res = p.pos[v + 1];
  return {
    tool: t.tool,
    service: p.pos
      .slice(0, v)
      .map((w) => w.text)
      .join(' '),
    verb: batch ? p.pos[v].text.replace(/-(batch|all|bulk|many)$/, '') : p.pos[v].text,
    resource: res?.text ?? optValue(p, t.resourceOpts),
    all: all || batch || isWildcard(cmd, res),
    force,
    ...(shaped ? { generic: true } : {}),
  };
}

/**
 * An option that deletes stored data as a side effect (`--delete-backup-data true`,
 * `--delete-volumes`, `--purge-data`), set and not turned off; undefined = none. Settings
 * about deletion (`--delete-retention-days 7`) name no data and are not read.
 */
const DATA_OPTION =
  /^--(?:delete|purge|remove)-(?:[a-z]+-)*(?:data|backups?|volumes?|snapshots?|disks?|contents?|objects?)$/;
function deletesData(p: ReturnType<typeof parseArgs>): string | undefined {
  for (const [name, values] of p.opts)
    if (DATA_OPTION.test(name) && !values.some((x) => /^(false|no|0|off)$/i.test(x))) return name;
  return undefined;
}

/** The first id field (`id`, `site_id`, `siteId`) of an operation's JSON arguments; '' = none. */
function operationTarget(data: string): string {
  return /"(?:id|\w+_id|\w+Id)"\s*:\s*"([^"]{1,120})"/.exec(data)?.[1] ?? '';
}

/** Commands and options that only preview or check a deployment (`what-if`, `--what-if`). */
const PREVIEW_WORD = /^(what-if|validate|preview|show|list|export|wait)$/;
const PREVIEW_OPTION = ['--what-if', '-w', '--validate-only'];

/**
 * The pruning option of a deployment that is carried out (`--mode Complete`), as written;
 * undefined = none, or the command only previews it (`az deployment group what-if`).
 */
function prunesUnlisted(p: ReturnType<typeof parseArgs>, t: VerbTable): string | undefined {
  if (p.pos.some((w) => PREVIEW_WORD.test(w.text)) || hasOpt(p, PREVIEW_OPTION)) return undefined;
  for (const { option, value } of t.prunes ?? []) {
    const set = p.opts.get(option)?.find((x) => value.test(x));
    if (set !== undefined) return `${option} ${set}`;
  }
  return undefined;
}

function splitColon(s: string): [string, string] {
  const i = s.lastIndexOf(':');
  return [s.slice(0, i), s.slice(i + 1)];
}

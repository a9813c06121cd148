/**
 * Disk snapshots, machine images and database snapshots shared with everyone: whoever has an
 * account of the provider can create a volume, launch an instance or restore a database from
 * them, and so read every file or row they hold. Read from AWS's calls (the CLI, and the
 * PowerShell cmdlets translated to it): `ec2 modify-snapshot-attribute`, `modify-image-attribute`
 * and `modify-fpga-image-attribute` adding the group `all` (`--operation-type add --group-names
 * all`, `--user-groups all`, or `--launch-permission|--create-volume-permission|--load-permission
 * 'Add=[{Group=all}]'` in shorthand or JSON), `rds modify-db-snapshot-attribute` and
 * `modify-db-cluster-snapshot-attribute` adding `all` to `restore`, and the account's block on
 * public snapshots or images removed (`ec2 disable-snapshot-block-public-access`,
 * `disable-image-block-public-access`). Sharing with an account id, removing `all`, and reading
 * the attribute make no finding.
 */
import { optionPairs } from './cloud-argv.js';
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** The calls read here: what they change, by the operation's name. */
const SHARE_OPS = /^modify-(snapshot|image|fpga-image)-attribute$/;
const RDS_OPS = /^modify-db-(cluster-)?snapshot-attribute$/;
const BLOCK_OFF = /^disable-(snapshot|image)-block-public-access$/;
/** A permission change (shorthand or JSON) whose `Add` list names the group `all`. */
const ADD_ALL = /"?Add"?\s*[=:]\s*\[[^\]]*"?Group"?\s*[=:]\s*"?all\b/i;
/** The permission options of the EC2 share calls. */
const PERMISSION_OPTS = /^--(launch|create-volume|load)-permission$/;

/** The words given to a list option (`--group-names all other`, `--values-to-add '["all"]'`), JSON lists opened. */
function listValues(argv: string[], names: RegExp): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const [o, inline] = argv[i].split(/=(.*)/s, 2);
    if (!names.test(o)) continue;
    const words = inline !== undefined ? [inline] : [];
    for (let j = i + 1; inline === undefined && j < argv.length && !argv[j].startsWith('--'); j++)
      words.push(argv[j]);
    for (const w of words) out.push(...w.split(/[\s,[\]"']+/).filter(Boolean));
  }
  return out;
}

/** What `cmd` shares with everyone, as [kind of grant, the words that say so]; empty = nothing. */
export function publicSnapshots(cmd: NormalizedCommand): Finding[] {
  const argv = cmd.argv;
  const op = argv.find((a) => SHARE_OPS.test(a) || RDS_OPS.test(a) || BLOCK_OFF.test(a));
  if (!op) return [];
  if (BLOCK_OFF.test(op)) return [['public-access-block', op]];
  const opts = optionPairs(argv);
  const all = (names: RegExp) => listValues(argv, names).some((v) => v.toLowerCase() === 'all');
  if (RDS_OPS.test(op)) {
    const restore = opts.some(([o, v]) => o === '--attribute-name' && v.toLowerCase() === 'restore');
    return restore && all(/^--values-to-add$/) ? [['snapshot', `${op} --values-to-add all`]] : [];
  }
  const added = opts.find(([o, v]) => PERMISSION_OPTS.test(o) && ADD_ALL.test(v));
  if (added) return [['snapshot', `${op} ${added[0]} ${added[1]}`]];
  const adds = opts.some(([o, v]) => o === '--operation-type' && v.toLowerCase() === 'add');
  return adds && all(/^--(group-names|user-groups)$/)
    ? [['snapshot', `${op} --operation-type add … all`]]
    : [];
}

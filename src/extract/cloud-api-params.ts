/**
 * CLIs that are thin clients of a remote API, read by what the call asks of the API:
 * - a raw API call by path (`caprover api --path /user/apps/appDefinitions/delete --method
 *   POST`, `TOOL api --path P`, `--method DELETE`): the path's last operation word, or the
 *   DELETE method, says it deletes;
 * - API parameters given as `key=value` words that erase disks (`maas admin machine release
 *   ID erase=true`, `secure_erase=true`, `wipe_disks=1`): the machine's disks are wiped
 *   whatever the verb is;
 * - the same kind of parameter in a JSON object handed to an RPC client (`midclt call -job
 *   pool.export 1 '{"destroy": true}'`: the pool's disks are wiped on export; `{"remove_ix_volumes":
 *   true}`, `{"deleteData": true}`), or a key=value one that erases stored data
 *   (`delete_data=1`, `purge=true`): the call also erases what it acts on, whatever the method
 *   is named. Set off (`"destroy": false`), nothing is read.
 * Programs that act on this machine (cloud-generic-local.ts) and those another reader models
 * are not read. Read as generic CloudFacts (`saas/unknown-cli-destroy` asks).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { LOCAL } from './cloud-generic-local.js';

/** Options naming the API path of a raw call. */
const PATH_OPT = /^--?(path|endpoint|api-path)$/;
/** Options naming the HTTP method of a raw call. */
const METHOD_OPT = /^--?(method|request|X)$/;
/** A path segment that is a destroying operation (`delete`, `deleteApp`, `remove-user`, `destroy_all`). */
const DESTROY_SEGMENT = /^(?:delete|remove|destroy|purge|wipe|drop|terminate|erase)(?:[A-Z_-]\w*)?$/i;
/**
 * A parameter name (snake_case; camelCase is turned into it first) that makes a call erase
 * data: one that erases disks (`erase`, `secure_erase`, `wipe_disks`), a bare `destroy` or
 * `purge`, or a destroying verb joined to what holds data (`delete_data`, `remove_volumes`,
 * `remove_ix_volumes`, `destroy_storage`, `delete_snapshots`).
 */
const ERASE_NAME =
  /^(?:(?:[a-z]+_)*(?:erase|wipe)(?:_[a-z]+)*|destroy|purge|(?:delete|remove|destroy|purge|drop)_(?:[a-z]+_)?(?:data|volumes?|storage|disks?|snapshots?|datasets?|databases?|backups?|files|contents|persisted|pvcs?))$/;
/** A value that turns a parameter on. */
const ON = /^(?:true|1|yes|on)$/i;
/** A `key=value` API parameter that erases, set on. */
const isEraseParam = (word: string): boolean => {
  const [name, value] = word.split(/=(.*)/s, 2);
  return value !== undefined && ON.test(value) && ERASE_NAME.test(snake(name));
};
/** `deleteData` → `delete_data`. */
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * `"key": true` pairs of an object argument: JSON (`{"destroy": true}`), also with its quotes
 * taken off by a remote shell (`{destroy:true}`) or written as a YAML flow map (`{destroy: yes}`).
 */
const OBJECT_PAIR = /[{,[]\s*(["']?)([A-Za-z_]\w*)\1\s*:\s*(["']?)(true|1|yes|on)\3\s*(?=[,}\]])/gi;

/** The first erasing key set on in an object argument (`{"destroy": true}`), as `key=true`; undefined = none. */
function objectEraseParam(word: string): string | undefined {
  if (!/^\s*[[{]/.test(word)) return undefined;
  for (const m of word.matchAll(OBJECT_PAIR)) if (ERASE_NAME.test(snake(m[2]))) return `${m[2]}=true`;
  return undefined;
}

/** The option value of `name` (`--path P` or `--path=P`) among argv; undefined = absent. */
function optionValue(argv: string[], test: RegExp): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const [name, attached] = argv[i].split(/=(.*)/s, 2);
    if (test.test(name)) return attached ?? argv[i + 1] ?? '';
  }
  return undefined;
}

/** A raw API call or an erase parameter of an unmodelled remote CLI; undefined = none. */
export function readApiParams(
  cmd: NormalizedCommand,
  known: (program: string) => boolean,
): CloudDraft | undefined {
  const program = cmd.program;
  if (LOCAL.has(program) || known(program)) return undefined;
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const draft = (verb: string, resource: string): CloudDraft => ({
    tool: program,
    service: pos[0] === 'api' ? 'api' : '',
    verb,
    resource,
    all: false,
    force: true,
    generic: true,
  });
  if (pos[0] === 'api') {
    const path = optionValue(cmd.argv, PATH_OPT) ?? pos[1] ?? '';
    const method = (optionValue(cmd.argv, METHOD_OPT) ?? '').toUpperCase();
    const segments = path.split(/[/?#]/).filter(Boolean);
    if (method === 'DELETE' || segments.some((s) => DESTROY_SEGMENT.test(s))) return draft('delete', path);
  }
  // a bare word, not an option's value (`helm --set wipe=true`, `ansible-playbook -e wipe=true`)
  const bare = (i: number) => i > 1 && !/^-[^=]*$/.test(cmd.argv[i - 1]);
  const erase = cmd.argv.find((a, i) => bare(i) && isEraseParam(a));
  if (erase) {
    // the word before the parameters names the machine (`release ID erase=true`)
    const first = pos.findIndex((a) => a.includes('='));
    return draft('erase', `${pos[first - 1] ?? ''} ${erase}`.trim());
  }
  // a JSON argument of the call (`midclt call pool.export 1 '{"destroy": true}'`): the method
  // is the dotted or operation word before it
  for (let i = 2; i < cmd.argv.length; i++) {
    const param = bare(i) ? objectEraseParam(cmd.argv[i]) : undefined;
    if (!param) continue;
    const method = pos.find((a) => /^[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+$/.test(a)) ?? pos[0] ?? '';
    return draft('erase', `${method} ${param}`.trim());
  }
  return undefined;
}

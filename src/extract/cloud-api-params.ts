/**
 * CLIs that are thin clients of a remote API, read by what the call asks of the API:
 * - a raw API call by path (`caprover api --path /user/apps/appDefinitions/delete --method
 *   POST`, `TOOL api --path P`, `--method DELETE`): the path's last operation word, or the
 *   DELETE method, says it deletes;
 * - API parameters given as `key=value` words that erase disks (`maas admin machine release
 *   ID erase=true`, `secure_erase=true`, `wipe_disks=1`): the machine's disks are wiped
 *   whatever the verb is.
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
/** A `key=value` API parameter that erases disks, set on. */
const ERASE_PARAM = /^(?:[a-z]+_)*(?:erase|wipe)(?:_[a-z]+)*=(?:true|1|yes|on)$/i;

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
  const erase = cmd.argv.find((a, i) => i > 1 && ERASE_PARAM.test(a) && !/^-[^=]*$/.test(cmd.argv[i - 1]));
  if (erase) {
    // the word before the parameters names the machine (`release ID erase=true`)
    const first = pos.findIndex((a) => a.includes('='));
    return draft('erase', `${pos[first - 1] ?? ''} ${erase}`.trim());
  }
  return undefined;
}

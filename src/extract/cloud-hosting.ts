/**
 * Hosting panels and VPS providers' CLIs that remove what they host by an option or a word
 * the generic reading (cloud-generic.ts) does not take for a delete:
 * - Plesk's utilities, `plesk bin UTIL --remove|-r NAME` (also `/usr/local/psa/bin/UTIL` or
 *   `/opt/psa/bin/UTIL`): a subscription, site, domain, customer, reseller, database or mailbox
 *   deleted with its files and data (`--remove-…` options that drop one setting are not it);
 * - cPanel's `/scripts/removeacct USER` and `killacct` (also under /usr/local/cpanel/scripts):
 *   the account, its sites, mail and databases deleted;
 * - a server, instance, volume, account or subscription cancelled (`cntb cancel instance ID`,
 *   `TOOL instance cancel ID`, IBM Cloud classic's `slcli vs|hw cancel ID` and `ibmcloud sl
 *   block volume-cancel ID`, `linode-cli account cancel`): the provider deletes it and its
 *   disks (at once or at the end of the term).
 * Read as CloudFacts of service `hosting`, verb `remove` or `cancel`. Listing, showing and
 * creating find nothing; a job or build cancelled (`gh run cancel`) is not a hosted thing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** Plesk's remove options: `--remove`, `-remove`, `-r`, `--delete`. */
const PLESK_REMOVE = /^(--?remove|-r|--?delete)$/;

/** What a provider hosts and bills for: cancelling one deletes it. */
const HOSTED =
  /^(instances?|servers?|vps|vds|vs|hw|hardware|virtual|bare-?metal|dedicated|dedicated-?hosts?|machines?|subscriptions?|contracts?|plans?|hosting|object-?storages?|objectstorages?|storages?|vms?|droplets?|linodes?|accounts?|volumes?)$/i;
/** One word naming the hosted thing and the cancel (`volume-cancel`, `snapshot-cancel`, `vs-cancel`). */
const HOSTED_CANCEL = /^([a-z-]+)-cancel$/i;
const cancels = (w: string) =>
  HOSTED_CANCEL.test(w) && (HOSTED.test(w.replace(HOSTED_CANCEL, '$1')) || /^snapshots?-cancel$/i.test(w));

/** The words of argv after the program that are not options. */
const words = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith('-'));

/** `plesk bin UTIL --remove NAME`, `/usr/local/psa/bin/UTIL -r NAME`. */
function plesk(cmd: NormalizedCommand): CloudDraft | undefined {
  const direct = /(^|\/)psa\/bin\/[\w.-]+$/.test(cmd.argv[0] ?? '');
  const w = words(cmd.argv);
  const util = direct ? cmd.program : cmd.program === 'plesk' && w[0] === 'bin' ? w[1] : undefined;
  if (util === undefined) return undefined;
  const at = cmd.argv.findIndex((a) => PLESK_REMOVE.test(a));
  if (at < 0) return undefined;
  const name = cmd.argv[at + 1] && !cmd.argv[at + 1].startsWith('-') ? cmd.argv[at + 1] : '';
  return {
    tool: 'plesk',
    service: 'hosting',
    verb: 'remove',
    resource: `${util} ${name}`.trim(),
    all: false,
    force: true,
  };
}

/** `TOOL cancel instance ID` or `TOOL instance cancel ID` of a hosted server or subscription. */
function cancel(cmd: NormalizedCommand): CloudDraft | undefined {
  const w = words(cmd.argv);
  const joined = w.slice(0, 4).findIndex(cancels);
  if (joined >= 0)
    return {
      tool: cmd.program,
      service: 'hosting',
      verb: 'cancel',
      resource: [w[joined].replace(HOSTED_CANCEL, '$1'), ...w.slice(joined + 1)].join(' '),
      all: false,
      force: true,
    };
  const at = w
    .slice(0, 4)
    .findIndex((x, i) => x === 'cancel' && (HOSTED.test(w[i + 1] ?? '') || HOSTED.test(w[i - 1] ?? '')));
  if (at < 0) return undefined;
  const what = HOSTED.test(w[at + 1] ?? '') ? w[at + 1] : w[at - 1];
  const rest = w.slice(at + (what === w[at + 1] ? 2 : 1));
  return {
    tool: cmd.program,
    service: 'hosting',
    verb: 'cancel',
    resource: `${what} ${rest.join(' ')}`.trim(),
    all: false,
    force: true,
  };
}

/** `/scripts/removeacct [--force] USER`, `killacct USER`: a cPanel account deleted. */
function cpanel(cmd: NormalizedCommand): CloudDraft | undefined {
  if (!/^(removeacct|killacct)$/.test(cmd.program)) return undefined;
  const user = words(cmd.argv)[0] ?? '';
  return {
    tool: 'cpanel',
    service: 'hosting',
    verb: 'remove',
    resource: `account ${user}`.trim(),
    all: false,
    force: true,
  };
}

/** A hosted thing removed or cancelled (see the header); undefined = none. */
export function readHosting(cmd: NormalizedCommand): CloudDraft | undefined {
  if (cmd.argv.some((a) => /^(--help|-h)$/.test(a))) return undefined;
  return plesk(cmd) ?? cpanel(cmd) ?? cancel(cmd);
}

/**
 * Hardware RAID controllers told to destroy what they hold, by their own command lines: a
 * logical drive, an array or the whole configuration deleted, a foreign configuration cleared,
 * a logical drive initialised or a physical drive erased, the controller reset to its factory
 * configuration. The data on the drives is gone (or unreachable) at once:
 * - HPE Smart Array, `ssacli|hpssacli|hpacucli ctrl slot=0 [ld N|array A|pd X] delete [forced]`,
 *   `… pd X modify erase`;
 * - Microchip/Adaptec, `arcconf DELETE 1 LOGICALDRIVE 0|ALL`, `RESETCONFIG`, `UNINIT`,
 *   `SETCONFIG 1 DEFAULT`, `TASK START 1 … CLEAR|INITIALIZE|SECUREERASE|ERASE`;
 * - Broadcom/LSI MegaRAID, `MegaCli -CfgLdDel`, `-CfgClr`, `-CfgForeign -Clear`, `-LDInit
 *   -Start`, `-PDClear -Start`, `-AdpFacDefSet`, `-CfgRestore`, `-PDInstantSecureErase`;
 * - its successors storcli and Dell's perccli, `/c0/v0 del`, `/c0/fall del`, `/c0 delete
 *   config`, `/c0/v0 start init`, `/c0/e252/s3 start erase|secureerase`, `/c0 set factory
 *   defaults`;
 * - LSI SAS HBAs, `sas2ircu|sas3ircu 0 DELETE|DELETEVOLUME`, `sas2flash -o -e N`;
 * - Dell OpenManage, `omconfig storage … action=deletevdisk|resetconfig|clearforeignconfig|
 *   initialize|fastinit|slowinit|clear|cryptographicerase|instantsecureerase`, and the iDRAC's
 *   `racadm storage|raid deletevd:…|resetconfig:…|clearconfig:…|init:…|cryptographicerase:…`.
 * Read as CloudFacts of service `raid` whose verb says what goes (host/raid-wiped asks);
 * showing, listing and creating make no fact here (the tool's other words keep the generic
 * reading).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { cloudDraft, type CloudDraft } from './cloud-argv.js';

/**
 * A RAID fact: `verb` what the controller destroys, `resource` the words that name it, `all`
 * every logical drive of the controller, `force` the tool's own question skipped.
 */
const raid = cloudDraft('raid');

/** The words after the program, case-folded. */
const lowered = (cmd: NormalizedCommand) => cmd.argv.slice(1).map((a) => a.toLowerCase());

/** `ssacli ctrl slot=0 [ld N|array A|pd X] delete [forced]`, `… pd X modify erase`. */
function smartArray(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  const del = words.indexOf('delete');
  const erase = words.indexOf('modify') >= 0 ? words.indexOf('erase') : -1;
  const at = del >= 0 ? del : erase;
  if (at < 0 || words.slice(0, at).some((w) => /^(show|help)$/.test(w))) return undefined;
  const target = cmd.argv.slice(1, at + 1).join(' ');
  // without `ld`, `array` or `pd` the controller's whole configuration goes
  const whole = !words.slice(0, at).some((w) => /^(ld|logicaldrive|array|pd|physicaldrive)$/.test(w));
  return raid(
    cmd,
    del >= 0 ? 'delete' : 'erase',
    target,
    whole || words.includes('all'),
    words.includes('forced'),
  );
}

/** arcconf's commands that destroy, and the TASK START operations that do. */
const ARCCONF: Record<string, string> = {
  delete: 'delete',
  resetconfig: 'clear-config',
  uninit: 'clear',
};
const ARCCONF_TASKS = /^(clear|initialize|init|secureerase|erase)$/;

/** `arcconf DELETE 1 LOGICALDRIVE 0`, `RESETCONFIG 1`, `UNINIT 1 ALL`, `SETCONFIG 1 DEFAULT`, `TASK START 1 … CLEAR`. */
function arcconf(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  const [command = '', ...rest] = words;
  const force = words.includes('noprompt');
  const target = cmd.argv
    .slice(2)
    .filter((w) => !/^noprompt$/i.test(w))
    .join(' ');
  if (Object.hasOwn(ARCCONF, command))
    return raid(cmd, ARCCONF[command], target, rest.includes('all'), force);
  if (command === 'setconfig' && rest.includes('default'))
    return raid(cmd, 'factory-reset', target, true, force);
  const task =
    command === 'task' && rest[0] === 'start' ? rest.find((w) => ARCCONF_TASKS.test(w)) : undefined;
  return task ? raid(cmd, task, target, false, force) : undefined;
}

/** MegaCli's options that destroy: [option, an option that must come with it ('' = none), verb]. */
const MEGACLI: [string, string, string][] = [
  ['-cfglddel', '', 'delete'],
  ['-cfgclr', '', 'clear-config'],
  ['-cfgforeign', '-clear', 'clear-foreign'],
  ['-ldinit', '-start', 'initialize'],
  ['-pdclear', '-start', 'clear'],
  ['-adpfacdefset', '', 'factory-reset'],
  ['-cfgrestore', '', 'restore-config'],
  ['-pdinstantsecureerase', '', 'erase'],
  ['-secureerase', '', 'erase'],
];

/** `MegaCli -CfgLdDel -L0 -a0` and the other options above. */
function megacli(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  const hit = MEGACLI.find(([o, with_]) => words.includes(o) && (with_ === '' || words.includes(with_)));
  if (!hit) return undefined;
  const all = words.some((w) => /^-(lall|aall)$/.test(w)) || hit[2] === 'clear-config';
  return raid(cmd, hit[2], cmd.argv.slice(1).join(' '), all, words.includes('-force'));
}

/** `storcli /c0/v0 del [force]`, `/c0/fall del`, `/c0/v0 start init`, `/c0/e252/s3 start erase`, `/c0 set factory defaults`. */
function storcli(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  const object = words.find((w) => w.startsWith('/')) ?? '';
  const verbs = words.filter((w) => !w.startsWith('/'));
  const force = verbs.includes('force');
  const all = /\/(vall|fall|sall|call)\b/.test(object) || !/\/[vfs]\w/.test(object);
  const at = (w: string) => verbs.indexOf(w);
  if (verbs[0] === 'del' || verbs[0] === 'delete')
    return raid(
      cmd,
      /\/f(all|\d)/.test(object) ? 'clear-foreign' : 'delete',
      [object, ...verbs.slice(1)].join(' '),
      all,
      force,
    );
  if (verbs[0] === 'start' && /^(init|erase|secureerase)$/.test(verbs[1] ?? ''))
    return raid(cmd, verbs[1] === 'init' ? 'initialize' : 'erase', object, all, force);
  if (verbs[0] === 'secureerase') return raid(cmd, 'erase', object, all, force);
  if (at('set') === 0 && at('factory') > 0) return raid(cmd, 'factory-reset', object, true, force);
  return undefined;
}

/** `sas2ircu 0 DELETE` (every volume) and `DELETEVOLUME HANDLE`. */
function sasIrcu(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  const command = words[1] ?? '';
  if (command !== 'delete' && command !== 'deletevolume') return undefined;
  return raid(cmd, 'delete', cmd.argv.slice(1).join(' '), command === 'delete', words.includes('noprompt'));
}

/** `sas2flash -o -e N`: the HBA's flash erased. */
function sasFlash(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  return words.includes('-e') ? raid(cmd, 'erase', cmd.argv.slice(1).join(' '), true, false) : undefined;
}

/** OpenManage and iDRAC actions that destroy a virtual disk, a configuration or a drive's data. */
const DELL_ACTIONS =
  /^(deletevdisk|deletevd|resetconfig|clearconfig|clearforeignconfig|initialize|init|fastinit|slowinit|clear|cryptographicerase|instantsecureerase|secureerase)$/;

/** `omconfig storage … action=deletevdisk …`. */
function omconfig(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  if (words[0] !== 'storage') return undefined;
  const action = words.find((w) => w.startsWith('action='))?.slice(7) ?? '';
  if (!DELL_ACTIONS.test(action)) return undefined;
  return raid(
    cmd,
    action,
    cmd.argv.slice(2).join(' '),
    /^(resetconfig|clearforeignconfig)$/.test(action),
    false,
  );
}

/** `racadm storage|raid deletevd:FQDD`, `resetconfig:FQDD`, `init:FQDD`, … */
function racadm(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd).filter((w) => !w.startsWith('-'));
  if (words[0] !== 'storage' && words[0] !== 'raid') return undefined;
  const [action = '', fqdd = ''] = (words[1] ?? '').split(/:(.*)/);
  if (!DELL_ACTIONS.test(action)) return undefined;
  return raid(cmd, action, fqdd, /^(resetconfig|clearconfig)$/.test(action), false);
}

/** The same reader under each spelling a tool is installed as. */
const spellings = (names: string, read: (cmd: NormalizedCommand) => CloudDraft | undefined) =>
  Object.fromEntries(names.split(' ').map((n) => [n, read]));

/** Programs this module reads, by name. */
export const RAID_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  ...spellings('ssacli hpssacli hpacucli', smartArray),
  arcconf,
  ...spellings('MegaCli MegaCli64 megacli megacli64 MegaCLI MegaCLI64', megacli),
  ...spellings('storcli storcli64 storcli2 perccli perccli64 perccli2', storcli),
  ...spellings('sas2ircu sas3ircu', sasIrcu),
  ...spellings('sas2flash sas3flash', sasFlash),
  omconfig,
  racadm,
};

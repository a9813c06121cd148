/**
 * PowerShell cmdlets that delete what they name (`Remove-AzResourceGroup -Name rg -Force`,
 * `Remove-S3Bucket -BucketName b -DeleteBucketContent`, `Remove-MgUser -UserId u`,
 * `Unregister-…`, `Clear-…`, any cmdlet with a `-Remove…`/`-Delete…`/`-Purge…` switch such as
 * `Disable-AzRecoveryServicesBackupProtection -RemoveRecoveryPoints`): the cloud, directory and service modules (Az, Microsoft Graph,
 * AWS Tools, Exchange, PnP, …) name their cmdlets `Verb-PrefixNoun`, so a destructive verb
 * on a noun that is not the session's own state is read as a delete of a resource no table
 * models (a generic fact: `saas/unknown-cli-destroy` asks). The nouns of the session and of
 * this machine's files (`Remove-Variable`, `Remove-Job`, `Clear-Host`, `Remove-Item`, which
 * src/normalize/pwsh.ts reads as `rm`) are left out. Microsoft's cloud modules' Stop/Disable/
 * Revoke/Reset cmdlets, and their Update/Set that turn a protection or log off, are read the same
 * way (CLOUD_CMDLET). The cmdlet runs as a command of its
 * own name (src/normalize/pwsh.ts); this reads its words. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** `Verb-Noun` with a verb that deletes or empties what the noun names. */
const CMDLET = /^(remove|clear|unregister)-([a-z][a-z0-9]*)$/i;

/**
 * Nouns of the PowerShell session itself, of this machine's files and caches, and of
 * local registrations (package sources, session endpoints): nothing remote is deleted.
 */
const LOCAL_NOUNS = new Set(
  (
    'item itemproperty content variable module job psdrive alias event psbreakpoint pssession ' +
    'typedata pssnapin host history psreadlinekeyhandler dnsclientcache bitstransfer ' +
    'psrepository psresourcerepository packagesource pssessionconfiguration scheduledjob ' +
    'formatdata tracesource'
  ).split(' '),
);

/**
 * Microsoft's cloud and directory modules (Az, Microsoft Graph, AzureAD, MSOnline, PnP): their
 * Stop/Disable/Revoke/Reset/Suspend cmdlets take down or lock out what they name
 * (`Stop-AzVM`, `Revoke-MgUserSignInSession`, `Disable-AzureADUser`); AWS Tools' own are read
 * as the aws CLI call they make (src/normalize/pwsh-aws.ts). Local settings of the module
 * (`Disable-AzContextAutosave`, `Disable-AzDataCollection`) are left out, and so is
 * `Disable-…BackupProtection` without `-RemoveRecoveryPoints` (the recovery points are kept, as
 * `az backup protection disable` without `--delete-backup-data` keeps them).
 */
const CLOUD_CMDLET = /^([A-Za-z]+)-((?:Az|Mg|MgBeta|AzureAD|AzureADMS|Msol|PnP)[A-Z]\w*)$/;
const OFF_VERB = /^(stop|disable|revoke|reset|suspend)$/i;
const CLOUD_LOCAL = /^Az(Context\w*|DataCollection|Config\w*)$|BackupProtection$/;

/**
 * Update/Set of those modules that turns a protection, log or check off: `-IsEnabled:$false`,
 * `-EnablePurgeProtection $false`, `-AuditLoggingEnabled $false`, `-State Disabled`, a
 * protection's state set off (`Set-AzRecoveryServicesVaultProperty -SoftDeleteFeatureState Disable`).
 */
const SET_VERB = /^(update|set|edit)$/i;
const OFF_PARAM =
  /^-((is)?enabled?|enable\w*|\w*(protection|logging|audit\w*|monitoring|defender|mfa|lock|softdelete|immutab|encryption)\w*)$/i;

/** `-Param $false` / `-Param:$false` / `-State Disabled` on a protection or log: the parameter; undefined = none. */
function turnedOff(argv: string[]): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const [o, attached] = argv[i].split(':', 2);
    const v = attached ?? argv[i + 1] ?? '';
    if (OFF_PARAM.test(o) && /^\$false$/i.test(v)) return `${o} $false`;
    if (/^-state$/i.test(o) && /^disabled$/i.test(v)) return `${o} Disabled`;
    // a protection's state parameter set off (`-SoftDeleteFeatureState Disable`, `-ImmutabilityState Disabled`)
    if (/state$/i.test(o) && OFF_PARAM.test(o) && /^(disabled?|off|alwaysoff)$/i.test(v)) return `${o} ${v}`;
  }
  return undefined;
}

/** Switches (no value word) a destructive cmdlet commonly takes. */
const SWITCH =
  /^-(force|confirm(:\$?\w+)?|passthru|asjob|recurse|deletebucketcontent|nowait|permanent|purge|whatif|verbose|debug|(remove|delete|purge)[a-z]+)$/i;

/** Parameters that name the resource: `-Name`, `-ResourceGroupName`, `-UserId`, `-Id`, `-Identity`, `-BucketName`. */
const RESOURCE = /^-(\w*name|\w*id|identity|arn|uri|url|path)$/i;

/**
 * The module prefix of a noun (`AzResourceGroup` → `Az`, `MgUser` → `Mg`, `S3Bucket` → `S3`,
 * `EC2Instance` → `EC2`); '' when the noun does not start with one (`remove-azresourcegroup`
 * written in lower case).
 */
function prefixOf(noun: string): string {
  const m = /^([A-Z][A-Z0-9]+)(?=[A-Z][a-z])|^([A-Z][a-z]{1,3})(?=[A-Z])/.exec(noun);
  return m ? (m[1] ?? m[2]) : '';
}

/** Any cmdlet given a switch that deletes what it acts on (`Disable-…Protection -RemoveRecoveryPoints`, `-DeleteData`). */
const DELETING_SWITCH = /^-(remove|delete|purge)[a-z]+$/i;

/**
 * Az PowerShell's deployments that delete what their template leaves out:
 * `New-AzResourceGroupDeployment -Mode Complete` (not with `-WhatIf`), and the deployment stacks
 * (`New-|Set-Az{ResourceGroup,Subscription,ManagementGroup}DeploymentStack -ActionOnUnmanage
 * DeleteAll|DeleteResources`). Read as the Azure CLI's `delete-unlisted` (cloud-verbs.ts).
 */
const DEPLOYMENT = /^(new|set)-az(resourcegroup|subscription|managementgroup|tenant)?deployment(stack)?$/i;
/** `-Mode Complete`, `-ActionOnUnmanage DeleteAll` (also written `-Mode:Complete`). */
const PRUNING: [RegExp, RegExp][] = [
  [/^-mode$/i, /^complete$/i],
  [/^-actiononunmanage$/i, /^delete(all|resources)$/i],
];

function prunedDeployment(cmd: NormalizedCommand): CloudDraft | undefined {
  if (!DEPLOYMENT.test(cmd.argv[0] ?? '')) return undefined;
  if (cmd.argv.some((a) => /^-whatif(:\$?true)?$/i.test(a))) return undefined;
  const pairs = cmd.argv.slice(1).map((a, i, r): [string, string] => {
    const [o, v] = a.split(':', 2);
    return v !== undefined && o.startsWith('-') ? [o, v] : [a, r[i + 1] ?? ''];
  });
  const hit = pairs.find(([o, v]) => PRUNING.some(([ro, rv]) => ro.test(o) && rv.test(v)));
  if (!hit) return undefined;
  // the resource group (or management group) whose resources go; else the stack's name
  const value = (o: RegExp) => pairs.find(([x]) => o.test(x))?.[1];
  const rg = value(/^-resourcegroupname$/i) ?? value(/^-managementgroupid$/i) ?? value(/^-name$/i) ?? '';
  return {
    tool: 'az',
    service: `${cmd.argv[0]} ${hit.join(' ')}`,
    verb: 'delete-unlisted',
    resource: rg,
    all: false,
    force: cmd.argv.some((a) => /^-force$|^-confirm:\$?false$/i.test(a)),
  };
}

/**
 * A cmdlet whose verb only reads or shows (`Get-`, `Find-`, `Test-`, `Measure-` …) and that is
 * given no deleting switch (`Search-Mailbox -DeleteContent` deletes): what its words name is
 * looked up, never changed (`Find-AWSCmdletByName -ApiOperation DeleteSnapshot`).
 */
export function readsOnly(argv: string[]): boolean {
  return (
    /^(get|find|test|show|search|measure|select|read|format|out|compare|resolve|where|sort|group|convertto|convertfrom|trace|watch|wait)-[a-z]/i.test(
      argv[0] ?? '',
    ) && !argv.some((a) => DELETING_SWITCH.test(a))
  );
}

/** The delete a destructive cmdlet makes; undefined for any other command. */
export function readCmdlet(cmd: NormalizedCommand): CloudDraft | undefined {
  const deployment = prunedDeployment(cmd);
  if (deployment) return deployment;
  const name = cmd.argv[0] ?? '';
  const any = /^([a-z]+)-([a-z][a-z0-9]*)$/i.exec(name);
  const cloud = CLOUD_CMDLET.exec(name);
  const off = cloud && OFF_VERB.test(cloud[1]) ? cloud : null;
  const set = cloud && SET_VERB.test(cloud[1]) ? cloud : null;
  const m =
    CMDLET.exec(name) ??
    (off && !CLOUD_LOCAL.test(off[2]) ? off : null) ??
    (set && turnedOff(cmd.argv) ? set : null) ??
    (any && cmd.argv.some((a) => DELETING_SWITCH.test(a)) ? any : null);
  if (!m || LOCAL_NOUNS.has(m[2].toLowerCase())) return undefined;
  // `-WhatIf` only shows what would be deleted.
  if (cmd.argv.some((a) => /^-whatif(:\$?true)?$/i.test(a))) return undefined;
  const prefix = prefixOf(m[2]);
  let resource = '';
  const pos: string[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (SWITCH.test(a)) continue;
    if (a.startsWith('-')) {
      const v = cmd.argv[i + 1];
      if (v !== undefined && !v.startsWith('-')) {
        if (!resource && RESOURCE.test(a)) resource = v;
        i++;
      }
      continue;
    }
    pos.push(a);
  }
  return {
    tool: prefix || m[2],
    service: prefix ? m[2].slice(prefix.length) : '',
    // an Update/Set that turns a protection off reads as a disable
    verb: m === set ? 'disable' : m[1].toLowerCase(),
    resource: resource || (pos[0] ?? ''),
    // emptying a bucket's or container's content with it
    all: cmd.argv.some((a) => /^-(deletebucketcontent|recurse|purge)$/i.test(a)),
    // `-Force` and `-Confirm:$false` skip the cmdlet's own prompt
    force: cmd.argv.some((a) => /^-force$|^-confirm:\$?false$/i.test(a)),
    generic: true,
  };
}

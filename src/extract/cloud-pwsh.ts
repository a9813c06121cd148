/**
 * PowerShell cmdlets that delete what they name (`Remove-AzResourceGroup -Name rg -Force`,
 * `Remove-S3Bucket -BucketName b -DeleteBucketContent`, `Remove-MgUser -UserId u`,
 * `Unregister-…`, `Clear-…`, any cmdlet with a `-Remove…`/`-Delete…`/`-Purge…` switch such as
 * `Disable-AzRecoveryServicesBackupProtection -RemoveRecoveryPoints`): the cloud, directory and service modules (Az, Microsoft Graph,
 * AWS Tools, Exchange, PnP, …) name their cmdlets `Verb-PrefixNoun`, so a destructive verb
 * on a noun that is not the session's own state is read as a delete of a resource no table
 * models (a generic fact: `saas/unknown-cli-destroy` asks). The nouns of the session and of
 * this machine's files (`Remove-Variable`, `Remove-Job`, `Clear-Host`, `Remove-Item`, which
 * src/normalize/pwsh.ts reads as `rm`) are left out. The cmdlet runs as a command of its
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

/** The delete a destructive cmdlet makes; undefined for any other command. */
export function readCmdlet(cmd: NormalizedCommand): CloudDraft | undefined {
  const deployment = prunedDeployment(cmd);
  if (deployment) return deployment;
  const any = /^([a-z]+)-([a-z][a-z0-9]*)$/i.exec(cmd.argv[0] ?? '');
  const m =
    CMDLET.exec(cmd.argv[0] ?? '') ?? (any && cmd.argv.some((a) => DELETING_SWITCH.test(a)) ? any : null);
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
    verb: m[1].toLowerCase(),
    resource: resource || (pos[0] ?? ''),
    // emptying a bucket's or container's content with it
    all: cmd.argv.some((a) => /^-(deletebucketcontent|recurse|purge)$/i.test(a)),
    // `-Force` and `-Confirm:$false` skip the cmdlet's own prompt
    force: cmd.argv.some((a) => /^-force$|^-confirm:\$?false$/i.test(a)),
    generic: true,
  };
}

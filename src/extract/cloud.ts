/**
 * Cloud and platform CLIs → CloudFact: which tool, service, verb and resource, and whether
 * everything is selected or the tool's own prompt is skipped. Each tool's grammar is a
 * table (cloud-tables.ts) or a small reader (cloud-aws/k8s/iac/docker.ts). Read-only
 * commands still produce a fact with their verb, which no destructive rule matches.
 */
import { readBacklog } from './cloud-backlogs.js';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { DRY_RUN, type CloudDraft } from './cloud-argv.js';
import { switchedOff } from './cloud-switch-off.js';
import { readAws, readGsutil } from './cloud-aws.js';
import { APPLY_READERS } from './cloud-apply.js';
import { ACCOUNT_READERS } from './cloud-accounts.js';
import { BACKUP_READERS } from './cloud-backups.js';
import { SNAPSHOT_OFF_READERS } from './cloud-snapshots-off.js';
import { readBackupsOff } from './cloud-backups-off.js';
import { BACKUP_SERVER_READERS } from './cloud-backup-servers.js';
import { POSTGRES_BACKUP_READERS } from './cloud-backups-postgres.js';
import { NETBACKUP_READERS } from './cloud-backups-netbackup.js';
import { PROXMOX_READERS } from './cloud-proxmox.js';
import { PROVISION_READERS } from './cloud-provisioning.js';
import { BATCH_READERS } from './cloud-batch.js';
import { CERT_READERS } from './cloud-certs.js';
import { readDocker } from './cloud-docker.js';
import { readDokku } from './cloud-dokku.js';
import { readPulumi, readTerraform } from './cloud-iac.js';
import { readTerragrunt } from './cloud-terragrunt.js';
import { readGeneric } from './cloud-generic.js';
import { HOST_READERS } from './cloud-host.js';
import { HYPERVISOR_READERS } from './cloud-hypervisors.js';
import { VM_STOP_READERS } from './cloud-vm-stops.js';
import { ZONE_READERS } from './cloud-zones.js';
import { DNS_SERVER_READERS } from './cloud-dns-servers.js';
import { readStackJob } from './cloud-stack-jobs.js';
import { BAREMETAL_READERS } from './cloud-baremetal.js';
import { DESKTOP_BACKUP_READERS } from './cloud-backups-desktop.js';
import { RAID_READERS } from './cloud-raid.js';
import { SNMP_READERS } from './cloud-snmp.js';
import { STDIN_REPL_READERS } from './cloud-stdin-repls.js';
import { DIRECTORY_READERS } from './cloud-directory.js';
import { PACKAGE_READERS } from './cloud-packages.js';
import { DISTRO_PACKAGE_READERS } from './cloud-packages-distros.js';
import { HASURA_READERS } from './cloud-hasura.js';
import { readLdif } from './cloud-ldap.js';
import { readConsole } from './cloud-consoles.js';
import { readCachePurge } from './cloud-cdn.js';
import { readDeviceReset } from './cloud-devices.js';
import { readManagedDevice } from './cloud-mdm.js';
import { readHosting } from './cloud-hosting.js';
import { readCacheBan } from './cloud-cache-bans.js';
import { readPolicyRun } from './cloud-policies.js';
import { readSdk } from './cloud-sdk.js';
import { readApiParams } from './cloud-api-params.js';
import { readCmdlet, readsOnly } from './cloud-pwsh.js';
import { readJobLaunch } from './cloud-jobs.js';
import { readIntercept } from './cloud-intercepts.js';
import { readHelm, readKubectl } from './cloud-k8s.js';
import { NODE_READERS } from './cloud-nodes.js';
import { PLATFORM_READERS } from './cloud-platforms.js';
import { readRegistryVerb, REGISTRY_READERS } from './cloud-registries.js';
import { instanceCount } from './cloud-scale.js';
import { SAAS_TABLES } from './cloud-saas.js';
import { readNuker, TEARDOWN_READERS } from './cloud-teardown.js';
import { ENVIRONMENT_READERS } from './cloud-environments.js';
import { RELEASE_READERS } from './cloud-releases.js';
import { previewsDestroy } from './cloud-preview.js';
import { VERB_TABLES } from './cloud-tables.js';
import { readVerbTable } from './cloud-verbs.js';
import type { Extractor } from './extractor.js';
import { runnerCommand } from './runner-command.js';
import { ownScratch } from './cloud-own.js';
import { optionWord } from './help-words.js';

/** A tool's reader; `ctx` reads the files a command names (a script it runs), absent = none is read. */
type Reader = (cmd: NormalizedCommand, ctx?: AnalyzeContext) => CloudDraft | undefined;

const READERS: Record<string, Reader> = {
  aws: readAws,
  gsutil: readGsutil,
  kubectl: readKubectl,
  oc: readKubectl,
  helm: readHelm,
  terraform: readTerraform,
  tofu: readTerraform,
  opentofu: readTerraform,
  pulumi: readPulumi,
  terragrunt: readTerragrunt,
  docker: readDocker,
  podman: readDocker,
  nerdctl: readDocker,
  'nerdctl.lima': readDocker,
  finch: readDocker,
  'podman-remote': readDocker,
  'docker-compose': readDocker,
  dokku: readDokku,
  ...HOST_READERS,
  ...PACKAGE_READERS,
  ...DISTRO_PACKAGE_READERS,
};
for (const t of [...VERB_TABLES, ...SAAS_TABLES])
  for (const p of t.programs) READERS[p] ??= (cmd) => readVerbTable(t, cmd);
// Readers of one behaviour of a tool (a batch cancel, a node reset, a registry removal, a
// resource made absent, a cluster or a deployed environment torn down, a certificate revoked,
// a virtual machine deleted): the tool's other commands keep the generic reading.
// A name two tables read (`flux`: the Flux HPC scheduler's `cancel`, FluxCD's `uninstall`) tries both.
const BEHAVIOURS: Record<string, Reader[]> = {};
for (const table of [
  BATCH_READERS,
  NODE_READERS,
  PLATFORM_READERS,
  REGISTRY_READERS,
  APPLY_READERS,
  BACKUP_READERS,
  SNAPSHOT_OFF_READERS,
  BACKUP_SERVER_READERS,
  POSTGRES_BACKUP_READERS,
  NETBACKUP_READERS,
  PROXMOX_READERS,
  PROVISION_READERS,
  ACCOUNT_READERS,
  TEARDOWN_READERS,
  ENVIRONMENT_READERS,
  RELEASE_READERS,
  CERT_READERS,
  HYPERVISOR_READERS,
  VM_STOP_READERS,
  ZONE_READERS,
  DNS_SERVER_READERS,
  BAREMETAL_READERS,
  DESKTOP_BACKUP_READERS,
  RAID_READERS,
  DIRECTORY_READERS,
  SNMP_READERS,
  STDIN_REPL_READERS,
  HASURA_READERS,
])
  for (const [p, read] of Object.entries(table)) (BEHAVIOURS[p] ??= []).push(read);
for (const [p, reads] of Object.entries(BEHAVIOURS))
  READERS[p] ??= (cmd, ctx) =>
    reads.reduce<CloudDraft | undefined>((d, read) => d ?? read(cmd, ctx), undefined) ??
    readGeneric(cmd, () => false);

/**
 * The reader of `program`; undefined = none (a name such as `valueOf` is not a table key).
 * A Windows program (one read under a `.exe` name too: `dnscmd`, `wbadmin`) is named in any
 * case (`DNSCMD`, `WBAdmin.exe`), as cmd.exe and PowerShell find it.
 */
function readerOf(program: string): Reader | undefined {
  if (Object.hasOwn(READERS, program)) return READERS[program];
  const folded = program.toLowerCase();
  const windows = folded.endsWith('.exe') || Object.hasOwn(READERS, `${folded}.exe`);
  return windows && Object.hasOwn(READERS, folded) ? READERS[folded] : undefined;
}

/**
 * Help, not the command: `--help`/`-help` as an option (help-words.ts), or `help` as the first word
 * (`kubectl help delete`, `gcloud help …`) or the last one (`aws s3 rm help`).
 */
function asksForHelp(argv: string[]): boolean {
  const words = argv.slice(1);
  if (optionWord(argv, (a) => a === '--help' || a === '-help')) return true;
  const pos = words.filter((a) => !a.startsWith('-'));
  return (
    pos[0] === 'help' ||
    (pos.length > 1 && pos[pos.length - 1] === 'help' && words[words.length - 1] === 'help')
  );
}

/**
 * A dry run: a dry-run word (cloud-argv.ts DRY_RUN) as an option (help-words.ts: not another
 * option's value, not after `--`), unless the word after a bare one switches it off
 * (Proxmox's `--dry-run 0`).
 */
function dryRun(argv: string[]): boolean {
  const off = (i: number) => !argv[i].includes('=') && /^(0|false|no|off)$/i.test(argv[i + 1] ?? '');
  const words = argv.map((a, i) => (i > 0 && DRY_RUN.test(a) && off(i) ? '' : a));
  return optionWord(words, (a) => DRY_RUN.test(a));
}

/**
 * `terraform apply F` where F was written by `terraform plan -destroy|-replace -out=F`
 * earlier in the script: the apply carries out the plan's destroy or replace.
 */
function savedPlan(d: CloudDraft, cmd: NormalizedCommand, all: NormalizedCommand[]): CloudDraft {
  if (!['terraform', 'tofu', 'terragrunt'].includes(d.tool) || d.verb !== 'apply' || !d.resource) return d;
  for (const c of all) {
    if (c === cmd) break;
    const read = readerOf(c.program);
    const p = read?.(c);
    if (p?.service === 'plan' && p.resource === d.resource)
      return { ...d, verb: p.verb.replace(/^plan-/, ''), resource: `${d.resource} (saved plan)`, all: p.all };
  }
  return d;
}

/** `tool service verb resource`, the words of a fact's evidence. */
const wordsOf = (d: CloudDraft) => [d.tool, d.service, d.verb, d.resource].filter(Boolean).join(' ');

/** Programs read by another's count table (cloud-scale.ts). */
const COUNT_TOOL: Record<string, string> = { nerdctl: 'docker' };

/** True when a reader knows this program (so the generic destructive-verb reading stays out). */
export function hasCloudReader(program: string): boolean {
  return readerOf(program) !== undefined;
}

export const extractCloud: Extractor = (cmd, ctx, all) => {
  if (dryRun(cmd.argv) || asksForHelp(cmd.argv)) return [];
  const u = runnerCommand(cmd); // `npx vercel rm`, `pnpm dlx netlify …`: the CLI launched
  const c = u !== cmd && readerOf(u.program) ? u : cmd;
  // Governance policies run against an account: one fact per destroying action.
  const policies = readPolicyRun(c, ctx);
  if (policies)
    return policies.map((d) => ({
      kind: 'cloud' as const,
      evidence: `${c.program} run: ${wordsOf(d)}`,
      ...d,
    }));
  const read =
    readerOf(c.program) ??
    ((x: NormalizedCommand) =>
      // a cmdlet that only reads (`Find-AWSCmdletByName -ApiOperation DeleteSnapshot`): no generic reading
      readsOnly(x.argv)
        ? undefined
        : (readManagedDevice(x) ??
          readCmdlet(x) ??
          readLdif(x, ctx) ??
          readConsole(x, ctx) ??
          readNuker(x) ??
          readRegistryVerb(x) ??
          readCachePurge(x) ??
          readCacheBan(x) ??
          readDeviceReset(x) ??
          readHosting(x) ??
          readApiParams(x, hasCloudReader) ??
          readGeneric(x, hasCloudReader)));
  // A queue told to drop its waiting messages is read before the tool's own verbs.
  // Backups or snapshots switched off, by any tool, before the tool's own verbs.
  // (tools with their own backup reader keep it: `nodetool disablebackup` says what goes)
  const ownBackups = Object.hasOwn(BACKUP_READERS, c.program);
  // An automation job launched by a name that says it destroys (cloud-jobs.ts), a production
  // service's traffic intercepted (cloud-intercepts.ts), an IaC run of a managed stack service
  // (cloud-stack-jobs.ts), before the tool's verbs.
  const found =
    readBacklog(c) ??
    (ownBackups ? undefined : readBackupsOff(c)) ??
    readJobLaunch(c) ??
    readStackJob(c) ??
    readIntercept(c) ??
    read(c, ctx);
  // `kpt live preview --destroy`: only shown, nothing destroyed
  if (found && previewsDestroy(c.argv, found)) return [];
  // No CLI here: inline code may call a cloud SDK instead (python3 -c, node -e).
  if (!found)
    return readSdk(cmd).map((d) => ({
      kind: 'cloud' as const,
      evidence: `${c.program}: ${wordsOf(d)}`,
      ...d,
    }));
  // the commands before this one (`c` may be the runner's copy of `cmd`)
  const before = (all ?? []).slice(0, Math.max(0, (all ?? []).indexOf(cmd)));
  const d = ownScratch(switchedOff(savedPlan(found, c, all ?? []), c), c, before);
  const words = wordsOf(d);
  const replicas = instanceCount(
    Object.hasOwn(COUNT_TOOL, c.program) ? COUNT_TOOL[c.program] : c.program,
    c.argv,
  );
  const flags = [d.all ? 'all' : '', d.force ? 'no prompt' : '', replicas === 0 ? 'to zero' : '']
    .filter(Boolean)
    .join(', ');
  const fact = { kind: 'cloud' as const, evidence: flags ? `${words} (${flags})` : words, ...d };
  return [replicas === undefined ? fact : { ...fact, replicas }];
};

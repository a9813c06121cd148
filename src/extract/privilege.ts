/**
 * Power handed out: an administrator role or policy granted (AWS AdministratorAccess, an
 * inline policy allowing every action on every resource, GCP owner/editor or an *Admin
 * role, Azure Owner, Kubernetes cluster-admin, bound by option or by OpenShift's
 * `add-cluster-role-to-user`), a long-lived credential minted (an access key, a console
 * password, a service-account key), MFA switched off, an account made root or put in an
 * admin group (privilege-accounts.ts), a sudoers rule that runs everything as root written
 * (privilege-sudoers.ts) or the same edits made through Augeas (privilege-augeas.ts), root's password set or removed (privilege-passwords.ts), a capability that lets a program become root, or a
 * shell or interpreter made setuid (privilege-setuid.ts), an interactive root shell opened
 * (privilege-shells.ts, verb `root-shell`), an access system told to let anyone through (a macOS
 * authorization right set to allow, a Boundary grant of everything, an administrator's password
 * saved for runas: privilege-rights.ts), a program set to run as Windows' SYSTEM (psexec -s, a
 * LocalSystem service, a SYSTEM scheduled task: privilege-windows.ts), an administrator account
 * made through the accounts service's D-Bus API or sysadminctl (privilege-dbus.ts), a Vault root token,
 * role or policy handed out (privilege-vault.ts), User Account Control bypassed through a
 * hijacked handler key (privilege-uac.ts), a program hijacked through its Image File Execution
 * Options key (privilege-ifeo.ts), and the same grants made from code through an SDK
 * (privilege-sdk.ts), an Entra ID directory role, app role or consent granted through Graph's
 * CLI or cmdlets (privilege-graph.ts), and a Kubernetes client certificate made for
 * system:masters (privilege-certs.ts), and rights written into an Active Directory object's ACL
 * (privilege-ad-acl.ts), a deploy key that may push or a CI credential shared with every pipeline
 * (privilege-ci.ts, verbs `mint-credential`, `share-ci-credential`). Read by what the words say, for any program, into a CloudFact
 * whose verb is `grant-admin`, `mint-credential` or `weaken-mfa` (`unread-policy`: a policy
 * document that takes effect at once and cannot be read).
 *
 * The classic wrong fix: a permission error, and the agent grants itself everything.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import { wordExtractor, wordFact, type Finding } from './word-facts.js';
import { policyText, TEXT_TOOLS } from './exposure.js';
import { accountGrant } from './privilege-accounts.js';
import { mailboxGrant } from './privilege-mailbox.js';
import { setuidShell } from './privilege-setuid.js';
import { sudoersGrant } from './privilege-sudoers.js';
import { augeasGrant } from './privilege-augeas.js';
import { rootPassword } from './privilege-passwords.js';
import { rootShell } from './privilege-shells.js';
import { rightsGrant } from './privilege-rights.js';
import { systemRun } from './privilege-windows.js';
import { vaultGrant } from './privilege-vault.js';
import { uacBypass } from './privilege-uac.js';
import { ifeoWrite } from './privilege-ifeo.js';
import { sdkGrant } from './privilege-sdk.js';
import { ADMIN_ROLE, ALLOW_ALL } from './privilege-roles.js';
import { toolAdminGrant } from './privilege-tool-roles.js';
import { graphGrant } from './privilege-graph.js';
import { adminCertificate } from './privilege-certs.js';
import { appAdminGrant } from './privilege-app-admin.js';
import { adminAccountMade } from './privilege-dbus.js';
import { adAclGrant } from './privilege-ad-acl.js';
import { ciAccessGrant } from './privilege-ci.js';

/** Options whose value names a role or a policy, or a comma-separated list of roles. */
const ROLE_OPTS = new Set([
  '--role',
  '--roles',
  '-role',
  '-roles',
  '--set-roles',
  '--clusterrole',
  '--policy-arn',
  '--role-definition-name',
  // Az PowerShell (`New-AzRoleAssignment -RoleDefinitionName Owner`), compared in lower case
  '-roledefinitionname',
  '-roledefinitionid',
]);
/**
 * Roles that administer one tool's own access system, by their preset names: Teleport's
 * `editor` edits roles and users (so it can grant itself anything), Proxmox's `PVEAdmin`.
 */
const TOOL_ADMIN_ROLES: Record<string, RegExp> = { tctl: /^(editor|admin)$/, pveum: /^PVEAdmin$/ };

/** True when `value` (one role, or a comma-separated list) names an admin role for `program`. */
function adminRole(program: string, value: string): boolean {
  const own = Object.hasOwn(TOOL_ADMIN_ROLES, program) ? TOOL_ADMIN_ROLES[program] : undefined;
  const roles = [value, ...value.split(',')].map((r) => r.trim()).filter(Boolean);
  return roles.some((r) => ADMIN_ROLE.test(r) || (own?.test(r) ?? false));
}
/** Command paths (the words after the program) that mint a long-lived credential. */
const MINT = [
  /^iam (create-access-key|create-login-profile|create-service-specific-credential)$/,
  /^iam service-accounts keys create$/,
  /^ad (sp|app) credential reset$/,
  /^ad sp create-for-rbac$/,
];
/**
 * Command paths that create a user who administers a whole cluster (`rosa create admin`:
 * a cluster-admin login with a generated password). Not a package initializer (`npm create admin`).
 */
const ADMIN_USER = /^create (cluster-)?admin$/;
const INITIALIZERS = /^(npm|pnpm|yarn|bun|bunx|npx|pnpx|deno)$/;
/** Calls whose policy document takes effect at once. */
const IN_EFFECT = /^(put-(user|role|group)-policy|create-policy-version|update-assume-role-policy)$/;
/** Capabilities that let a program become root, or act as it. */
const ROOT_CAPS =
  /cap_(setuid|setgid|sys_admin|sys_ptrace|dac_override|dac_read_search|sys_module|chown|fowner)/i;

/**
 * Role-binding subcommands whose role is the next word (`oc adm policy
 * add-cluster-role-to-user cluster-admin U`); a security context constraint that runs
 * containers privileged (`add-scc-to-user privileged`) is root on the node.
 */
const BIND_ROLE = /^add-(cluster-)?role-to-(user|group)$/;
const BIND_SCC = /^add-scc-to-(user|group)$/;

/** The admin role a role-binding subcommand grants, as words; undefined = none. */
function boundRole(words: string[]): string | undefined {
  const i = words.findIndex((w) => BIND_ROLE.test(w) || BIND_SCC.test(w));
  if (i < 0) return undefined;
  const role = words[i + 1] ?? '';
  const admin = BIND_ROLE.test(words[i]) ? ADMIN_ROLE.test(role) : role === 'privileged';
  return admin ? `${words[i]} ${role}` : undefined;
}

/** What power `cmd` hands out, as [verb, the words that say so]; empty = none. */
export function privileges(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[] = [],
): Finding[] {
  // a sudoers rule is written by text tools too (`echo … > /etc/sudoers.d/x`)
  const sudoers = sudoersGrant(cmd, ctx);
  if (sudoers) return [sudoers];
  const augeas = augeasGrant(cmd, ctx);
  if (augeas) return [augeas];
  const password = rootPassword(cmd, ctx);
  if (password) return [['grant-admin', password]];
  if (TEXT_TOOLS.has(cmd.program)) return [];
  const shell = rootShell(cmd);
  if (shell) return [['root-shell', shell]];
  const rights = rightsGrant(cmd, ctx);
  if (rights) return [rights];
  const system = systemRun(cmd);
  if (system) return [system];
  const acl = adAclGrant(cmd);
  if (acl) return [acl];
  const made = adminAccountMade(cmd);
  if (made) return [made];
  const vault = vaultGrant(cmd, ctx);
  if (vault) return [vault];
  const uac = uacBypass(cmd) ?? ifeoWrite(cmd);
  if (uac) return [uac];
  const sdk = sdkGrant(cmd);
  if (sdk) return [sdk];
  const preset = toolAdminGrant(cmd);
  if (preset) return [preset];
  const graph = graphGrant(cmd.program, cmd.argv);
  if (graph) return [['grant-admin', graph]];
  const certificate = adminCertificate(cmd, ctx);
  if (certificate) return [['grant-admin', certificate]];
  // `manage.py shell -c '….update(is_superuser=True)'`: an application's account made an admin
  const app = appAdminGrant(cmd);
  if (app) return [app];
  const ci = ciAccessGrant(cmd);
  if (ci) return [ci];
  const found: Finding[] = [];
  const words = cmd.argv.slice(1).filter((w) => !w.startsWith('-'));
  for (const [o, v] of optionPairs(cmd.argv)) {
    if (ROLE_OPTS.has(o.toLowerCase()) && adminRole(cmd.program, v)) found.push(['grant-admin', `${o} ${v}`]);
    if (o === '--policy-document' || o === '--policy') {
      const text = policyText(v, cmd, ctx);
      // fail closed: a document that takes effect at once (an inline or trust policy, a new
      // default version) and cannot be read may allow everything; a new policy is inert
      // until attached
      if (text === undefined && words.some((w) => IN_EFFECT.test(w)))
        found.push(['unread-policy', `${o} ${v}`]);
      if (text !== undefined && ALLOW_ALL.test(text) && /"Effect"\s*:\s*"Allow"/.test(text))
        found.push(['grant-admin', `${o} Action * on Resource *`]);
    }
  }
  // The command path may start after a group option's value: every run of 2 to 4 words.
  const runs = words.slice(0, 6).flatMap((_, i) => [2, 3, 4].map((n) => words.slice(i, i + n).join(' ')));
  const minted = runs.find((r) => MINT.some((m) => m.test(r)));
  if (minted) found.push(['mint-credential', minted]);
  const adminUser = INITIALIZERS.test(cmd.program) ? undefined : runs.find((r) => ADMIN_USER.test(r));
  if (adminUser) found.push(['grant-admin', adminUser]);
  const mfa = words.find((w) => /^(deactivate-mfa-device|delete-virtual-mfa-device)$/.test(w));
  if (mfa) found.push(['weaken-mfa', mfa]);
  const mailbox = mailboxGrant(cmd.program.toLowerCase(), cmd.argv.slice(1));
  if (mailbox) found.push(['mailbox-access', mailbox]);
  const account = accountGrant(cmd);
  if (account) found.push(['grant-admin', account]);
  const bound = boundRole(words);
  if (bound) found.push(['grant-admin', bound]);
  const setuid = setuidShell(cmd, all);
  if (setuid) found.push(['grant-admin', setuid]);
  if (cmd.program === 'setcap' && cmd.argv.some((w) => ROOT_CAPS.test(w) && /[+=][eip]*[ep]/.test(w)))
    found.push(['grant-admin', cmd.argv.slice(1).join(' ')]);
  return found;
}

export const extractPrivilege = wordExtractor(privileges, (cmd, verb, said) =>
  wordFact(cmd, 'privilege', verb, said),
);

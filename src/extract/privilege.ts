/**
 * Power handed out: an administrator role or policy granted (AWS AdministratorAccess, an
 * inline policy allowing every action on every resource, GCP owner/editor or an *Admin
 * role, Azure Owner, Kubernetes cluster-admin), a long-lived credential minted (an access
 * key, a console password, a service-account key), MFA switched off, a Unix account added
 * to a group that is root in all but name (sudo, wheel, docker), or a capability that lets
 * a program become root. Read by what the words say, for any program, into a CloudFact
 * whose verb is `grant-admin`, `mint-credential` or `weaken-mfa` (`unread-policy`: a policy
 * document that takes effect at once and cannot be read).
 *
 * The classic wrong fix: a permission error, and the agent grants itself everything.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import { wordExtractor, wordFact, type Finding } from './word-facts.js';
import { policyText, TEXT_TOOLS } from './exposure.js';

/** Roles and policies that can do anything (or grant themselves anything). */
const ADMIN_ROLE = new RegExp(
  [
    // AWS managed policies
    '(^|[/:])(AdministratorAccess|IAMFullAccess|PowerUserAccess)$',
    // GCP basic roles and the admin roles of IAM, the organization and service accounts
    '^roles/(owner|editor)$',
    '^roles/(iam|resourcemanager|orgpolicy|billing)\\.[\\w]*[aA]dmin$',
    '^roles/iam\\.(serviceAccountTokenCreator|serviceAccountKeyAdmin|serviceAccountUser|workloadIdentityUser)$',
    // Azure built-in roles
    '^(owner|contributor|user access administrator|role based access control administrator)$',
    // Kubernetes
    '^cluster-admin$',
  ].join('|'),
  'i',
);
/** Options whose value names a role or a policy. */
const ROLE_OPTS = new Set(['--role', '--roles', '--clusterrole', '--policy-arn', '--role-definition-name']);
/** An inline policy statement allowing every action (or every IAM action) on every resource. */
const ALLOW_ALL =
  /"Action"\s*:\s*(\[\s*)?"(\*|iam:\*)"[^}]*"Resource"\s*:\s*(\[\s*)?"\*"|"Resource"\s*:\s*(\[\s*)?"\*"[^}]*"Action"\s*:\s*(\[\s*)?"(\*|iam:\*)"/;
/** Command paths (the words after the program) that mint a long-lived credential. */
const MINT = [
  /^iam (create-access-key|create-login-profile|create-service-specific-credential)$/,
  /^iam service-accounts keys create$/,
  /^ad (sp|app) credential reset$/,
  /^ad sp create-for-rbac$/,
];
/** Calls whose policy document takes effect at once. */
const IN_EFFECT = /^(put-(user|role|group)-policy|create-policy-version|update-assume-role-policy)$/;
/** Unix groups whose members are root in all but name. */
const ROOT_GROUPS = /^(sudo|wheel|admin|root|docker|lxd|libvirt|disk|shadow)$/;
/** Capabilities that let a program become root, or act as it. */
const ROOT_CAPS =
  /cap_(setuid|setgid|sys_admin|sys_ptrace|dac_override|dac_read_search|sys_module|chown|fowner)/i;

/** Unix group changes: `usermod -aG sudo U`, `gpasswd -a U wheel`, `adduser U docker`; the group granted, or undefined. */
function rootGroup(cmd: NormalizedCommand): string | undefined {
  const a = cmd.argv.slice(1);
  const pos = a.filter((w) => !w.startsWith('-'));
  if (cmd.program === 'usermod') {
    const i = a.findIndex((w) => /^-[a-zA-Z]*G$|^--groups$/.test(w));
    const groups = (
      i >= 0 ? (a[i + 1] ?? '') : (a.find((w) => w.startsWith('--groups='))?.slice(9) ?? '')
    ).split(',');
    return groups.find((g) => ROOT_GROUPS.test(g));
  }
  if (cmd.program === 'gpasswd') {
    const i = a.findIndex((w) => w === '-a' || w === '--add' || w === '-M' || w === '--members');
    return i >= 0 && ROOT_GROUPS.test(pos[pos.length - 1] ?? '') ? pos[pos.length - 1] : undefined;
  }
  if (cmd.program === 'adduser' || cmd.program === 'addgroup')
    return pos.length === 2 && ROOT_GROUPS.test(pos[1]) ? pos[1] : undefined;
  return undefined;
}

/** What power `cmd` hands out, as [verb, the words that say so]; empty = none. */
export function privileges(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  if (TEXT_TOOLS.has(cmd.program)) return [];
  const found: Finding[] = [];
  const words = cmd.argv.slice(1).filter((w) => !w.startsWith('-'));
  for (const [o, v] of optionPairs(cmd.argv)) {
    if (ROLE_OPTS.has(o) && ADMIN_ROLE.test(v.trim())) found.push(['grant-admin', `${o} ${v}`]);
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
  const mfa = words.find((w) => /^(deactivate-mfa-device|delete-virtual-mfa-device)$/.test(w));
  if (mfa) found.push(['weaken-mfa', mfa]);
  const group = rootGroup(cmd);
  if (group) found.push(['grant-admin', `group ${group}`]);
  if (cmd.program === 'setcap' && cmd.argv.some((w) => ROOT_CAPS.test(w) && /[+=][eip]*[ep]/.test(w)))
    found.push(['grant-admin', cmd.argv.slice(1).join(' ')]);
  return found;
}

export const extractPrivilege = wordExtractor(privileges, (cmd, verb, said) =>
  wordFact(cmd, 'privilege', verb, said),
);

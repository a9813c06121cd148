/**
 * Credential attacks run as tools, read from the words (the program and its verb or options):
 * - Active Directory Certificate Services abuse: `certipy` (`certipy-ad`) run with any verb but
 *   its read-only ones (`req` a certificate, above all for another identity with `-upn`/`-dns`/
 *   `-sid`/`-on-behalf-of`; `auth` a certificate into a ticket and hash; `shadow`, `forge`,
 *   `ca`, `template`, `account`, `relay`), Certify (`request`, `download`, `forge`, `manage*`;
 *   its other verbs are not read, a CLI of the same name renews certificates),
 *   and the tools whose every run forges or redeems a certificate (ForgeCert, PKINITtools'
 *   gettgtpkinit and getnthash). `certipy find|parse|cert` and `Certify find|cas|pkiobjects`
 *   only enumerate or convert: not reported.
 * - Crawlers that search hosts and shares for secrets: Snaffler, MANSPIDER, PowerHuntShares,
 *   PowerView's `Find-InterestingDomainShareFile`; Seatbelt run with a group (`-group=all`) or
 *   one of its credential commands (`CredEnum`, `WindowsVault`, `WindowsAutoLogon`, …). Seatbelt's
 *   other commands (`OSInfo`) read the system's configuration: not reported.
 * - Online password guessing and spraying against a service: hydra, medusa, ncrack, patator,
 *   legba, crowbar, brutespray, sprayhound, trevorspray, o365spray, DomainPasswordSpray and
 *   MSOLSpray; NetExec/CrackMapExec given passwords or hashes (`-p`, `-H`) or told to crawl
 *   shares (`-M spider_plus`, `--spider`); nmap's brute-force scripts (`--script ssh-brute`,
 *   the `brute` category).
 * A run that only prints help, a version or a list of modules, or no arguments at all (each
 * prints its usage), is not reported. Pure.
 */

/**
 * A program's own name: the last path segment, a leading `.` left by bash from `.\Tool.exe`,
 * and the suffixes of a packaged build dropped (`.exe`, `.py`, `.ps1`, a system and an
 * architecture: `nanodump.x64.exe` → `nanodump`, `kerbrute_linux_amd64` → `kerbrute`),
 * lower-cased.
 */
export function toolName(program: string): string {
  return (program.split(/[\\/]/).pop() ?? '')
    .replace(/^\.(?=[a-z])/i, '')
    .toLowerCase()
    .replace(/\.(exe|py|ps1|sh|bin)$/, '')
    .replace(
      /([._-](linux|windows|win|darwin|macos|freebsd))?[._-](x64|x86|amd64|arm64|386|win64|win32|x86_64)$/,
      '',
    );
}

/**
 * Words that only print help or a version (any tool here but those of INFO_OF). Case
 * matters: NetExec's `-H` is a hash.
 */
const INFO = /^(-h|--help|-help|\/\?|\/h|help|--version|version)$/;

/**
 * Tools whose info words differ: hydra's `-U` prints a module's help (its `-V` shows each
 * attempt), medusa's `-d` lists its modules and `-q` a module's usage (its `-h` names a
 * host, `-U` a user file), legba's `--list-plugins`.
 */
const INFO_OF: Record<string, RegExp> = {
  hydra: /^(-h|--help|-U)$/,
  medusa: /^(--help|-d|-q|-V)$/,
  ncrack: /^(-h|--help|-V|--version)$/,
  legba: /^(-h|--help|-V|--version|--list-plugins)$/,
};

/** Tools that guess or spray passwords against a service on every run that is not an info run. */
const GUESSERS =
  /^(hydra|xhydra|thc-hydra|medusa|ncrack|patator|legba|crowbar|brutespray|sprayhound|trevorspray|o365spray|invoke-domainpasswordspray|domainpasswordspray|invoke-msolspray|msolspray|sharpspray)$/;

/**
 * Names other tools share, and the option a guessing run always has: medusa the password
 * guesser names its module (`-M ssh`; Cassandra's medusa backup tool takes verbs: `medusa
 * list-backups`), crowbar its service (`-b rdp`), THC hydra its logins or passwords (`-l`,
 * `-L`, `-p`, `-P`, `-C`, `-x`; ORY's OAuth2 server `hydra` takes verbs: `hydra serve all`).
 */
const GUESSER_NEEDS: Record<string, RegExp> = {
  medusa: /^-M/,
  crowbar: /^(-b|--brute)/,
  hydra: /^-[a-zA-Z]*[lLpPCx]$/,
};

/** A first word that is a verb (ORY hydra's `create`, Cassandra medusa's `backup`): not the guesser's command line. */
const takesVerb = (args: string[]) => !args[0].startsWith('-') && !args[0].includes('://');

/** Crawlers that search hosts and shares for secrets on every run that is not an info run. */
const CRAWLERS =
  /^(snaffler|manspider|invoke-huntsmbshares|powerhuntshares|find-interestingdomainsharefile)$/;

/** Tools whose every run forges or redeems a certificate for a ticket or a hash. */
const CERT_FORGERS = /^(forgecert|gettgtpkinit|getnthash)$/;

/** certipy's verbs that only enumerate or convert. */
const CERTIPY_READ = /^(find|parse|cert)$/i;
/**
 * Certify's verbs that request, forge or manage certificates (its others only enumerate:
 * `find`, `cas`, `pkiobjects`). Only these count: Certify The Web's CLI of the same name
 * renews the machine's own certificates (`certify renew`).
 */
const CERTIFY_ABUSE =
  /^(request|request-agent|request-on-behalf|download|forge|manageca|manage-ca|managetemplate|manage-template)$/i;

/** certipy's options that name another identity for the certificate. */
const OTHER_IDENTITY = /^-(upn|dns|sid|on-behalf-of)$/i;
/** Certify's option that names another identity (`/altname:administrator`). */
const ALTNAME = /^\/(altname|sid|onbehalfof):/i;

/** Seatbelt's commands that read stored credentials, tickets, saved sessions or secrets. */
const SEATBELT_CREDS =
  /^(CredEnum|WindowsVault|WindowsCredentialFiles|WindowsAutoLogon|DpapiMasterKeys|SecPackageCreds|CloudCredentials|KeePass|PuttySessions|RDCManFiles|RDPSavedConnections|FileZilla|SuperPutty|McAfeeSiteList|McAfeeConfigs|OracleSQLDeveloper|KerberosTickets|ChromiumHistory|FirefoxHistory|PowerShellHistory|Certificates|SlackWorkspaces|SlackDownloads|OutlookDownloads)$/i;

/** NetExec / CrackMapExec. */
const NETEXEC = /^(nxc|netexec|crackmapexec|cme)$/;

/** The first word that is not an option (`certipy req …` → req); '' = none. */
const verbOf = (args: string[]) => args.find((a) => !a.startsWith('-')) ?? '';

function certificateAbuse(name: string, args: string[]): string {
  if (CERT_FORGERS.test(name)) return args.length ? `certificate forged or redeemed by ${name}` : '';
  if (name === 'certipy' || name === 'certipy-ad') {
    const verb = verbOf(args);
    if (!verb || CERTIPY_READ.test(verb)) return '';
    const as = args.findIndex((a) => OTHER_IDENTITY.test(a));
    return `certificate abuse by certipy ${verb}${as >= 0 ? ` as ${args[as + 1] ?? 'another identity'}` : ''}`;
  }
  if (name === 'certify') {
    const verb = args.find((a) => !a.startsWith('/') && !a.startsWith('-')) ?? '';
    if (!CERTIFY_ABUSE.test(verb)) return '';
    const alt = args.find((a) => ALTNAME.test(a));
    return `certificate abuse by Certify ${verb}${alt ? ` ${alt}` : ''}`;
  }
  return '';
}

function secretCrawl(name: string, args: string[]): string {
  if (CRAWLERS.test(name)) return `secrets searched for by ${name}`;
  if (name !== 'seatbelt') return '';
  const group = args.find((a) => /^-group=/i.test(a));
  if (group) return `secrets searched for by Seatbelt ${group}`;
  const cmd = args.find((a) => SEATBELT_CREDS.test(a.replace(/^-/, '')));
  return cmd ? `credentials read by Seatbelt ${cmd}` : '';
}

function passwordGuessing(name: string, args: string[]): string {
  const needs = Object.hasOwn(GUESSER_NEEDS, name) ? GUESSER_NEEDS[name] : undefined;
  if (GUESSERS.test(name) && (!needs || (args.some((a) => needs.test(a)) && !takesVerb(args)))) {
    // the target: a service URL or an address, as written (none = a file or option names it)
    const target = args.find((a) => /^([a-z][\w+-]*:\/\/|\d{1,3}(\.\d{1,3}){3})/i.test(a));
    return `passwords guessed by ${name}${target ? ` (${target})` : ''}`;
  }
  if (NETEXEC.test(name)) {
    const given = args.find((a) => /^(-p|-H|--password|--hash|--spider|--spider-folder)$/.test(a));
    const crawl = args.find((a, i) => args[i - 1] === '-M' && /^spider/i.test(a));
    if (crawl) return `secrets searched for by ${name} -M ${crawl}`;
    return given ? `logins tried by ${name} ${verbOf(args)} ${given}`.replace(/\s+/g, ' ') : '';
  }
  if (name === 'nmap') {
    const scripts = args
      .flatMap((a, i) =>
        a === '--script' ? [args[i + 1] ?? ''] : a.startsWith('--script=') ? [a.slice(9)] : [],
      )
      .join(',');
    const brute = scripts.split(',').find((s) => /(^|-)brute$/.test(s.trim()));
    return brute ? `passwords guessed by nmap --script ${brute}` : '';
  }
  return '';
}

/** The credential attack `program ARGV` runs, as a label; '' = none. */
export function credentialAttack(program: string, argv: string[]): string {
  const name = toolName(program);
  const args = argv.slice(1);
  // `python3 certipy req …`: the tool run as a script
  if (/^python[\d.]*$/.test(name) && args[0] && !args[0].startsWith('-'))
    return credentialAttack(args[0], args);
  // no arguments: each prints its usage; an info word: help, a version, a list of modules,
  // as the first word or right after a subcommand (`nxc smb -h`); elsewhere it may be an
  // option's value (`-p version` is a password)
  const info = Object.hasOwn(INFO_OF, name) ? INFO_OF[name] : INFO;
  const infoAt = (i: number) => info.test(args[i] ?? '') && (i === 0 || !args[i - 1].startsWith('-'));
  if (args.length === 0 || infoAt(0) || infoAt(1)) return '';
  return certificateAbuse(name, args) || secretCrawl(name, args) || passwordGuessing(name, args);
}

/**
 * Facts: what the extract stage found a command does, one object per thing done (a delete,
 * a push, a request, a statement, a cloud call, data sent out), as the rules match them.
 * Shared by the stages below (extract makes them, rules and decide read them, the proxy
 * and hooks build them too); re-exported by types.ts.
 */
/** Classification of a filesystem target. */
export type FsClass =
  | 'root' // "/" itself or "/*"
  | 'home' // $HOME itself, or a direct dotfile dir of it (~/.ssh, ~/.aws)
  | 'system' // /etc, /usr, /bin, /var, /boot, /dev, /lib, /opt, /srv, /proc, /sys …
  | 'outside-workspace' // anything else outside the workspace and tmp
  | 'workspace-root' // the workspace directory itself
  | 'workspace-vcs' // the workspace's .git
  | 'inside-workspace' // below the workspace
  | 'tmp' // /tmp, /var/tmp, $TMPDIR
  | 'device' // /dev/sd*, /dev/nvme* block devices
  | 'unknown'; // not resolvable statically (→ dynamic)

export interface FsTarget {
  /** The argument as written (masked). */
  raw: string;
  /** Absolute normalized path; empty string when unresolvable. */
  path: string;
  class: FsClass;
  /** True when the target contains an unexpanded glob (`/*`). */
  glob: boolean;
}

interface FactBase {
  /** Index into Decision.commands of the command this fact came from. */
  command: number;
  /** Short human text showing what was seen (secrets masked), e.g. `rm -rf /`. */
  evidence: string;
}

export interface FsFact extends FactBase {
  kind: 'fs';
  op:
    'delete' | 'overwrite' | 'move' | 'chmod' | 'chown' | 'truncate' | 'format' | 'write' | 'link' | 'shred';
  recursive: boolean;
  force: boolean;
  targets: FsTarget[];
  /** Union of the targets' classes, for matching. */
  classes: FsClass[];
}

export interface GitFact extends FactBase {
  kind: 'git';
  /** The git subcommand (`push`, `reset`, `clean`, …). */
  subcommand: string;
  /**
   * Normalized destructive action, or 'other' for everything else:
   * force-push, push-mirror, push-all, delete-remote-ref, reset-hard, clean-force,
   * discard-worktree, branch-force-delete, stash-clear, stash-drop, reflog-expire,
   * gc-prune, filter-branch, update-ref-delete, ref-move, alias-exec, remote-add, config-hook,
   * push-guard-off (a server repository set to accept force-pushes or deletions), remote-set-url
   * (a remote or a URL prefix pointed elsewhere), tls-verify-off, credential-plaintext,
   * push-anonymous (extract/git-transport.ts), obliterate, revprop-overwrite.
   */
  action: string;
  /** Remote named, when any (empty = none/default). */
  remote: string;
  /** Refs/branches named (empty = none). */
  refs: string[];
}

export interface ShellFact extends FactBase {
  kind: 'shell';
  /**
   * pipe-to-shell (curl … | sh), download-exec (bash <(curl …), source <(…)),
   * decode-exec (base64 -d | sh), eval-dynamic, exec-dynamic-script.
   */
  hazard: string;
  /** For network hazards: the URL/host fetched (empty = unknown). */
  source: string;
}

export interface DynamicFact extends FactBase {
  kind: 'dynamic';
  /** command-name | eval | script | interpreter | argument | allowlist (addresses let in: exposure-networks.ts) */
  what: string;
  /** The unresolved text (masked). */
  text: string;
}

export interface HttpFact extends FactBase {
  kind: 'http';
  /** curl | wget | httpie | xh | fetch | requests | … */
  tool: string;
  /** Upper-case method; GET when not given and there is no body. */
  method: string;
  url: string;
  host: string;
  /** True for localhost / 127.0.0.0/8 / ::1 / *.localhost. */
  local: boolean;
  port: number;
  path: string;
  /** Header names, lower-case → value (masked). */
  headers: Record<string, string>;
  /** True when an Authorization / token header or credential flag is present. */
  auth: boolean;
  /** Request body as far as known. Undefined = no body. */
  body?: string;
  /** True when a body exists but could not be determined (unreadable @file, dynamic). */
  bodyUnknown: boolean;
  /** Unix socket the request goes through (`curl --unix-socket`); absent = over the network. */
  socket?: string;
  /** True when the query or JSON body sets a dry-run flag on (`?dryRun=All`, `"dry_run": true`); absent = not a dry run. */
  dryRun?: true;
}

export interface GraphqlFact extends FactBase {
  kind: 'graphql';
  host: string;
  url: string;
  /** query | mutation | subscription | unparsed */
  operation: string;
  /** Top-level field name (through aliases and fragments). Empty for unparsed. */
  field: string;
  /** Alias used, if any (empty = none). */
  alias: string;
  /** Literal argument values of the field, flattened (`input.id` → "R_1"). Variables resolved when given. */
  args: Record<string, string>;
  /**
   * The resource the field acts on, for messages and typed confirmation: the first literal
   * id-like argument (`volumeId`, `input.id`), else a name/slug argument, else the field name
   * (the host for unparsed bodies). Absent only in facts built outside the extractor.
   */
  resource?: string;
}

export interface SqlFact extends FactBase {
  kind: 'sql';
  /** psql | mysql | sqlite3 | mongosh | redis-cli | prisma | rails | django | … */
  tool: string;
  /**
   * Upper-case statement kind: DROP, TRUNCATE, DELETE, UPDATE, ALTER, SELECT, INSERT, FLUSHALL,
   * RESET, NOAUDIT (an audit log off), NOBACKUP (backups destroyed or no longer kept),
   * NOSECURITY (access policies lifted), …
   */
  statement: string;
  /**
   * Object kind for DROP/ALTER: TABLE, DATABASE, SCHEMA, TENANT, COLUMN, INDEX, …; for GRANT: ALL
   * when every privilege is granted widely (on `*.*`, to any host, to PUBLIC, with the grant
   * option), ADMIN when administrator power is; for NOBACKUP / NOSECURITY what is lost or lifted
   * (BINLOG, ARCHIVE, SLOT, LOG CHAIN, RLS, POLICY, BYPASS…); empty = n/a.
   */
  object: string;
  /** Object name when literal (empty = unknown/none). */
  name: string;
  /** For DELETE/UPDATE: whether a WHERE clause is present. */
  where: boolean;
  /** Database/target as given (connection string masked; empty = default). */
  target: string;
  /**
   * True when the client names, beyond doubt, a development or test database on this machine
   * (explicit loopback host or socket and a dev/test name; extract/sql-local-dev.ts); absent = not known to be.
   */
  localDev?: true;
}

export interface CloudFact extends FactBase {
  kind: 'cloud';
  /** aws | gcloud | gsutil | az | kubectl | helm | terraform | tofu | pulumi | docker | railway | fly | heroku | vercel | netlify | render | supabase | doctl | firebase | gh | npm | … */
  tool: string;
  /** Service or resource group (`s3`, `ec2`, `compute disks`, `pvc`, `volume`); empty when the tool has none. */
  service: string;
  /** Verb (`rb`, `terminate-instances`, `delete`, `destroy`, `uninstall`, `prune`). */
  verb: string;
  /** Named resource when literal (empty = none/unknown). */
  resource: string;
  /** True for --all / -A / wildcard selection. */
  all: boolean;
  /** True for --force / --yes / -auto-approve style prompts skipped. */
  force: boolean;
  /**
   * The smallest instance count the command sets (`kubectl scale --replicas=N`, `fly scale
   * count N`, `heroku ps:scale web=N`, `aws ecs … --desired-count N`; see
   * extract/cloud-scale.ts). Absent when it sets none, or not as a literal number.
   */
  replicas?: number;
  /**
   * True when what it removes is a throwaway: made by this same script in a place no one else
   * uses, or an environment named as one run's (`review-123`); see extract/cloud-own.ts and
   * extract/scratch-names.ts. Absent = not known to be.
   */
  scratch?: boolean;
}

export interface ExfilFact extends FactBase {
  kind: 'exfil';
  /** env | env-var | credential-file | credential-store | repository | bulk-data */
  source: string;
  /** Destination host (empty = unknown). */
  host: string;
  /** http | nc | git-push | scp | … */
  sink: string;
}

/** A fact about the analysis itself: something was not understood. */
export interface IssueFact extends FactBase {
  kind: 'issue';
  code: string;
  message: string;
}

export type Fact =
  | FsFact
  | GitFact
  | ShellFact
  | DynamicFact
  | HttpFact
  | GraphqlFact
  | SqlFact
  | CloudFact
  | ExfilFact
  | IssueFact;

export type FactKind = Fact['kind'];

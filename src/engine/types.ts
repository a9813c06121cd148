/**
 * The shared vocabulary of the decision pipeline.
 *
 *   script text → parse → normalize → extract → rules → decide
 *
 * Every stage is a pure function from one of these types to the next. The only
 * I/O a stage may do goes through {@link AnalyzeContext.readFile}, which the caller
 * injects (so tests can feed files from a table).
 */

/** Where and as whom a script is analysed. */
export interface AnalyzeContext {
  /** Absolute directory the script starts in. */
  cwd: string;
  /** Absolute workspace root (the project the agent works on). Defaults to cwd. */
  workspace: string;
  /** Absolute home directory of the user the agent runs as. */
  home: string;
  /**
   * Environment variables whose *names* the analysis may rely on (HOME, PWD, USER…).
   * Values of secrets are never placed here. Empty object = resolve nothing from the
   * environment; unknown `$VARS` become dynamic.
   */
  env: Record<string, string>;
  /**
   * Reads a payload file that a command refers to (`curl -d @body.json`, `psql -f x.sql`).
   * The path is absolute. Returns undefined when the file is missing, unreadable or larger
   * than the cap; callers treat undefined as "unknown payload" (→ ask, fail closed).
   * Absent = no file access at all (every @file is unknown).
   */
  readFile?: (absPath: string) => string | undefined;
  /**
   * Whether a build wrapper script run by path (`./gradlew`) and its companion files
   * (relative to its folder) are the project's own, i.e. predate the session (see
   * src/supervisor/approved.ts). Absent = never: the wrapper is analysed as a script.
   */
  wrapperPredates?: (absPath: string, companions: string[]) => boolean;
  /** Limits; see {@link DEFAULT_LIMITS}. */
  limits: Limits;
}

export interface Limits {
  /** Largest script accepted, in bytes. Larger → decision ask (fail closed). */
  maxScriptBytes: number;
  /** Deepest nesting of re-parsed carriers (bash -c inside eval inside ssh…). */
  maxDepth: number;
  /**
   * Last-resort wall-clock backstop for one analysis, in ms. Exceeded → ask. Verdicts are
   * decided by the work budgets (maxScriptBytes, maxParseCost, maxNodes, the brace and
   * depth caps), which give the same answer on an idle and a loaded machine; this limit is
   * set far above any input the work budgets admit (they keep p99 under ~100 ms), so it only
   * fires when the machine is starved, and only then can the verdict depend on load.
   */
  maxMillis: number;
  /**
   * Largest parse cost accepted before tree-sitter runs: one per shell metacharacter
   * (`;&(){}<>$\`,` and newline), eight per `|` (pipelines cost the parser most).
   * Larger → ask, not analysed.
   */
  maxParseCost: number;
  /** Largest number of AST nodes visited before giving up → ask. */
  maxNodes: number;
  /** Largest payload file read through readFile, in bytes. */
  maxPayloadBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxScriptBytes: 128 * 1024,
  maxDepth: 8,
  maxMillis: 2000,
  maxParseCost: 40_000,
  maxNodes: 200_000,
  maxPayloadBytes: 1024 * 1024,
};

/** A problem the analysis met; any issue forces at least `ask` (fail closed). */
export interface AnalysisIssue {
  /** Stable code, e.g. E_PARSE_SYNTAX, E_TOO_LARGE, E_TOO_DEEP, E_TIMEOUT, E_UNKNOWN_NODE. */
  code: string;
  /** Human sentence, secrets masked. */
  message: string;
  /** Byte span in the original script, when known. */
  span?: [number, number];
}

/** Output of the parse stage. */
export interface ParsedScript {
  source: string;
  /** The tree-sitter root node (typed loosely so this file has no native import). */
  root: unknown;
  /** Syntax errors and unsupported constructs. Empty = the whole script parsed cleanly. */
  issues: AnalysisIssue[];
}

/** Where a command's standard input comes from, when the analysis can tell. */
export interface StdinSource {
  kind: 'heredoc' | 'herestring' | 'pipe' | 'file';
  /** Literal text fed to stdin (heredoc/here-string body, or the constant output of `echo`/`printf`/`cat file` upstream). Undefined = not known statically. */
  text?: string;
  /** For kind 'pipe': the upstream command (the one directly before `|`). */
  from?: NormalizedCommand;
  /** For kind 'file': the absolute path redirected from (`< file`). */
  path?: string;
  /**
   * When `text` is unknown only because the installed crontab was listed into it
   * (`(crontab -l; echo JOB) | crontab -`): the rest, known. Undefined = none.
   */
  added?: string;
}

/** One simple command as bash would run it, after carriers are peeled. */
export interface NormalizedCommand {
  /** Basename of the program that runs (`rm`, `curl`, `python3`). Empty string when it cannot be resolved statically (then `dynamic` is true). */
  program: string;
  /** Fully expanded argv as far as statically known; argv[0] is the program as written after peeling (`/bin/rm`, `rm`). Unresolvable words keep their source text and set `dynamic`. */
  argv: string[];
  /** Carriers peeled to reach this command, outermost first (`sudo`, `bash -c`, `xargs`, `ssh prod-db`, `eval`). Empty = run directly. */
  wrappers: string[];
  /** Absolute directory this command runs in (tracks `cd` earlier in the script). */
  cwd: string;
  /** True when some part of the command (name or an argument) could not be resolved statically. */
  dynamic: boolean;
  /** Which argv indices are dynamic (unresolved). Empty = all literal. */
  dynamicArgs: number[];
  /** Where stdin comes from, when known. Undefined = inherited / unknown. */
  stdin?: StdinSource;
  /** Redirections of output to files: absolute targets (`> /etc/passwd`). Empty = none. */
  writes: string[];
  /** Byte span of the command in the top-level script. */
  span: [number, number];
  /** Nesting depth of re-parsing (0 = top-level script). */
  depth: number;
  /** True when the command runs on another machine or container (ssh, docker exec, kubectl exec). */
  remote: boolean;
  /**
   * Set when the command runs in a new container (`docker|podman run`): its own files are
   * thrown away with it, and only paths under these mounts are the host's or a volume's
   * (src/extract/container-paths.ts). Absent = not in a new container.
   */
  container?: ContainerMount[];
  /** Variables known at this point (constant propagation), name → value. Used by extractors for `$Q` inside payloads. */
  vars: Record<string, string>;
  /**
   * Files the script wrote before this command, absolute path → content as written (null =
   * written, content not known statically). Read before the disk (http-body.ts). Absent = none.
   */
  files?: Record<string, string | null>;
  /**
   * Files this command writes through its redirections or as tee's targets, absolute path →
   * the file's text after it (null = not known statically). Absent = it writes none.
   */
  wrote?: Record<string, string | null>;
  /**
   * Source text of the program this command runs, when the script wrote it to a file
   * (`python3 job.py`, `go run .`, `cargo run`): the SDK and ORM readers read it as they read
   * inline code. Absent = none written (inline code is in argv, code on stdin in stdin).
   */
  source?: string;
}

/** A host folder or volume a new container sees (`-v SRC:DST`, `--mount`). */
export interface ContainerMount {
  /** Absolute, normalized path inside the container. */
  target: string;
  /**
   * Bind mount: the host folder (absolute); '' when it is not known statically. Named
   * volume: the volume's name.
   */
  source: string;
  /** True for a named volume: data kept between containers, not a host folder. */
  volume: boolean;
}

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
   * push-guard-off (a server repository set to accept force-pushes or deletions).
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
  /** command-name | eval | script | interpreter | argument */
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
  /** env | env-var | credential-file | credential-store | repository */
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

export type Verdict = 'allow' | 'ask' | 'deny';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** One rule that matched one fact. */
export interface Finding {
  /** `pack/rule-id`. Engine-generated findings use the pack `agentfw` (e.g. `agentfw/parse-error`). */
  rule: string;
  severity: Severity;
  decision: Verdict;
  /** Message for the human (templated, secrets masked). */
  message: string;
  /** Message for the agent: what to do next. */
  agent_message: string;
  /** What was seen (secrets masked). */
  evidence: string;
  /** When set, the human must type this value to approve (volume id, database name, path). */
  confirm?: string;
  /** Index into Decision.facts. */
  fact: number;
}

/** Summary of a normalized command as shown to humans and in JSON output. */
export interface CommandSummary {
  /** Shell-quoted argv (masked). */
  text: string;
  program: string;
  wrappers: string[];
  cwd: string;
  dynamic: boolean;
  remote: boolean;
}

export interface Decision {
  decision: Verdict;
  findings: Finding[];
  /** One sentence: why this verdict (the strictest finding, or "no rule matched"). */
  reason: string;
  commands: CommandSummary[];
  facts: Fact[];
  issues: AnalysisIssue[];
  /** Time spent in ms. */
  ms: number;
}

/**
 * The shared vocabulary of the decision pipeline.
 *
 *   script text → parse → normalize → extract → rules → decide
 *
 * Every stage is a pure function from one of these types to the next. The only
 * I/O a stage may do goes through {@link AnalyzeContext.readFile} and
 * {@link AnalyzeContext.listDir}, which the caller injects (so tests can feed files from a table).
 */
export type {
  FsClass,
  FsTarget,
  FsFact,
  GitFact,
  ShellFact,
  DynamicFact,
  HttpFact,
  GraphqlFact,
  SqlFact,
  CloudFact,
  ExfilFact,
  IssueFact,
  Fact,
  FactKind,
} from './facts.js';
import type { Fact } from './facts.js';

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
   * Lists a folder's entry names (absolute path), so a glob the shell expands (`for f in
   * tests/*.sh`) names its matches; a sub-folder's name ends with `/`. Returns [] when the folder does not exist, undefined when
   * it is not a folder, unreadable or too large to list (callers leave the glob unexpanded:
   * what it names stays unknown, fail closed); null when the folder is reached through, or
   * holds, a symlink that leads out of the workspace (the names would not say where they act:
   * callers read what the glob names as unknown). Absent = no listing at all (no glob expands).
   */
  listDir?: (absDir: string) => string[] | null | undefined;
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
  /** Basename of the program that runs (`rm`, `curl`, `python3`; a Windows name without `.exe`, case folded: `RM.EXE` → `rm`). Empty string when it cannot be resolved statically (then `dynamic` is true). */
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

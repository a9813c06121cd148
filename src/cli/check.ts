/**
 * `agentfw check` — the engine's command-line face (contract: DESIGN.md §4).
 *
 *   agentfw check [--cwd DIR] [--workspace DIR] [--ruleset PATH]... [--json] -- 'COMMAND'
 *   agentfw check --stdin --json      one {"cmd","cwd"} per line in, one verdict per line out
 *
 * Exit (single command): 0 allow · 10 ask · 20 deny · 2 usage error · 1 internal error.
 */
import path from 'node:path';
import { makeContext } from '../engine/analyze.js';
import { loadPolicyEngine } from '../engine/load.js';
import { AnalysisPool } from '../engine/worker.js';
import { payloadReader } from '../engine/payload-reader.js';
import { dirLister } from '../engine/dir-lister.js';
import { DEFAULT_LIMITS, type Decision, type Verdict } from '../engine/types.js';
import { usageError } from '../errors.js';
import { parseArgs, requireDirs } from './args.js';
import { formatDecision } from './format.js';

export const EXIT_CODES: Record<Verdict, number> = { allow: 0, ask: 10, deny: 20 };

const HELP = `usage: agentfw check [--cwd DIR] [--workspace DIR] [--ruleset PATH]... [--json] -- 'COMMAND'
       agentfw check --stdin --json [--ruleset PATH]...

Analyses a shell command without running it and prints the verdict.
  --cwd DIR         directory the command would run in (default: current directory)
  --workspace DIR   project root; paths outside it are "outside-workspace" (default: --cwd)
  --ruleset PATH    extra ruleset file or folder (repeatable), on top of the built-in packs
  --json            print the verdict as JSON
  --stdin           batch mode: read {"cmd": "...", "cwd": "..."} lines, write one verdict line each
exit: 0 allow, 10 ask, 20 deny, 2 usage error, 1 internal error
`;

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    flags: ['json', 'stdin', 'help'],
    options: ['cwd', 'workspace'],
    lists: ['ruleset'],
  });
  if (a.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const cwd = path.resolve(a.options.cwd ?? process.cwd());
  const workspace = path.resolve(a.options.workspace ?? cwd);
  requireDirs({ '--cwd': a.options.cwd && cwd, '--workspace': a.options.workspace && workspace });
  const engine = await loadPolicyEngine({ rulesetPaths: a.lists.ruleset, workspace });

  if (a.flags.stdin) {
    if (a.rest.length)
      throw usageError(
        '--stdin takes no command argument',
        'pass commands as JSON lines on stdin, or drop --stdin',
      );
    if (!a.flags.json) throw usageError('--stdin needs --json', 'run `agentfw check --stdin --json`');
    // Each analysis runs in a persistent child process under a hard deadline (src/engine/worker.ts),
    // loaded with the packs this process resolved: a pathological line can't freeze or kill
    // this process or lose the verdicts already written. Two children analyse lines side by
    // side; the verdicts are written in input order (batch).
    const pool = new AnalysisPool(engine, { size: 2 });
    try {
      await batch(pool, cwd, a.options.workspace ? workspace : undefined);
    } finally {
      await pool.close();
    }
    return 0;
  }
  // One command, one process: nothing else waits on this analysis, so it runs here (a child
  // would cost a Node start, ~130 ms); the engine's work budgets and backstop bound it.
  if (!a.rest.length)
    throw usageError('no command given', "pass the command after --, e.g. agentfw check -- 'rm -rf /'");
  const script = a.rest.join(' ');
  const d = engine.analyze(script, context(cwd, workspace));
  process.stdout.write(
    a.flags.json
      ? JSON.stringify(toJson(d)) + '\n'
      : formatDecision(script, d, process.stdout.isTTY === true),
  );
  return EXIT_CODES[d.decision];
}

function context(cwd: string, workspace: string) {
  return makeContext({
    cwd,
    workspace,
    readFile: payloadReader(DEFAULT_LIMITS.maxPayloadBytes),
    listDir: dirLister(undefined, { workspace }),
  });
}

/** The JSON verdict: DESIGN.md's `decision` and `findings`, plus what the engine understood. */
export function toJson(d: Decision): Record<string, unknown> {
  return {
    decision: d.decision,
    findings: d.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      decision: f.decision,
      message: f.message,
      agent_message: f.agent_message,
      evidence: f.evidence,
      ...(f.confirm !== undefined ? { confirm: f.confirm } : {}),
    })),
    reason: d.reason,
    commands: d.commands,
    facts: d.facts,
    issues: d.issues,
    ms: Math.round(d.ms * 1000) / 1000,
  };
}

/**
 * The batch protocol: exactly one verdict line per input line, in order, written as soon as
 * it and every line before it are answered (a caller may write one line and wait for its
 * answer). Lines end at `\n` only (a `\r\n` ending loses its `\r`; a raw CR inside a line
 * stays part of it); a blank or bad line gets an error verdict, never silence or a crash. A
 * last line without `\n` counts too. Up to WINDOW lines are analysed at once (the pool's
 * children work side by side); reading waits while that many are unanswered.
 */
async function batch(engine: AnalysisPool, defaultCwd: string, workspace: string | undefined): Promise<void> {
  let n = 0;
  /** The write of the last line's verdict: each line's write follows the one before it. */
  let tail: Promise<void> = Promise.resolve();
  /** Writes not yet done, oldest first (at most WINDOW). */
  const unanswered: Promise<void>[] = [];
  for await (const line of splitLines(process.stdin, MAX_LINE_CHARS)) {
    n++;
    const v: Promise<Record<string, unknown>> =
      typeof line === 'string'
        ? batchOne(engine, line, n, defaultCwd, workspace).catch(() =>
            // fail closed: a line whose analysis failed unexpectedly is answered `ask`
            errorVerdict('E_INTERNAL', `line ${n} could not be analysed`, 'send the line again'),
          )
        : Promise.resolve(
            errorVerdict(
              'E_TOO_LARGE',
              `line ${n} has more than ${line.tooLong} characters`,
              'send shorter commands, one JSON object per line',
            ),
          );
    tail = tail.then(async () => {
      process.stdout.write(JSON.stringify(await v) + '\n');
    });
    unanswered.push(tail);
    if (unanswered.length >= WINDOW) await unanswered.shift();
  }
  await tail;
}

/** Lines analysed at once in batch mode: enough to keep every child busy, few enough to bound memory. */
const WINDOW = 32;

/** Longest batch line kept; a longer one is answered by its size, its text never held. */
const MAX_LINE_CHARS = 4 * DEFAULT_LIMITS.maxScriptBytes;

/**
 * Splits a byte stream into lines at `\n` only, dropping one `\r` before it. A line longer
 * than `max` characters is not kept in memory: it comes out as `{ tooLong: max }`.
 */
export async function* splitLines(
  input: AsyncIterable<Buffer | string>,
  max = Infinity,
): AsyncGenerator<string | { tooLong: number }> {
  let rest = '';
  let over = false;
  const decoder = new TextDecoder('utf-8');
  const line = (l: string) => (over ? { tooLong: max } : l.endsWith('\r') ? l.slice(0, -1) : l);
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const lines = rest.split('\n');
    rest = lines.pop()!;
    for (const l of lines) {
      yield line(l);
      over = false;
    }
    if (rest.length > max) {
      // fail closed: the rest of this line is dropped and the line gets an E_TOO_LARGE verdict
      over = true;
      rest = '';
    }
  }
  rest += decoder.decode();
  if (rest.length > 0 || over) yield line(rest);
}

async function batchOne(
  engine: AnalysisPool,
  line: string,
  n: number,
  defaultCwd: string,
  workspace: string | undefined,
): Promise<Record<string, unknown>> {
  if (!line.trim()) {
    return errorVerdict('E_BAD_INPUT', `line ${n} is blank`, 'send one JSON object per line: {"cmd": "..."}');
  }
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return errorVerdict(
      'E_BAD_INPUT',
      `line ${n} is not JSON`,
      'send one JSON object per line: {"cmd": "...", "cwd": "..."}',
    );
  }
  const obj = input as { cmd?: unknown; cwd?: unknown; workspace?: unknown };
  if (!obj || typeof obj !== 'object' || typeof obj.cmd !== 'string') {
    return errorVerdict('E_BAD_INPUT', `line ${n} has no string "cmd"`, 'send {"cmd": "...", "cwd": "..."}');
  }
  if (obj.cwd !== undefined && (typeof obj.cwd !== 'string' || !path.isAbsolute(obj.cwd))) {
    return errorVerdict(
      'E_BAD_INPUT',
      `line ${n}: "cwd" must be an absolute path`,
      'give an absolute "cwd" or leave it out',
    );
  }
  const cwd = (obj.cwd as string | undefined) ?? defaultCwd;
  const ws = typeof obj.workspace === 'string' ? obj.workspace : (workspace ?? cwd);
  const r = await engine.analyze({ script: obj.cmd, cwd, workspace: ws });
  if (r.specials.length && r.decision.decision === 'allow')
    // fail closed: a payload that is a FIFO, socket or device cannot be checked
    return toJson({
      ...r.decision,
      decision: 'ask',
      reason: `its payload names a ${r.specials[0]}, whose content cannot be checked`,
    });
  return toJson(r.decision);
}

/** fail closed: an input we could not even read is answered with `ask`, never `allow`. */
function errorVerdict(code: string, message: string, fix: string): Record<string, unknown> {
  return { decision: 'ask', findings: [], reason: `${code}: ${message}`, error: { code, message, fix } };
}

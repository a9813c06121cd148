/**
 * `agentfw run` — wrap an agent: every shell command and risky program it runs is checked
 * before it executes (contract: DESIGN.md §4).
 *
 *   agentfw run [--headless] [--on-ask deny|allow] [--audit FILE] [--ruleset PATH]...
 *               [--approval-timeout SECONDS] [--approver CMD]
 *               [--no-sandbox | --sandbox-rw PATH...] -- AGENT [ARGS...]
 *
 * On Linux the agent runs in the OS sandbox by default (bubblewrap); `--no-sandbox` opts out
 * (printed at start and recorded in the audit log). `--sandbox` is accepted and changes nothing.
 *
 * Exit: the agent's exit code; 2 usage error; 1 when the session cannot start.
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditRecord } from '../audit/record.js';
import { AgentfwError, usageError } from '../errors.js';
import { looseningFlags, outerSession, runNested } from '../supervisor/nested.js';
import { runSession } from '../supervisor/session.js';
import { which } from '../supervisor/shimdir.js';
import { parseArgs } from './args.js';

const HELP = `usage: agentfw run [options] -- AGENT [ARGS...]

Runs AGENT in a pseudo-terminal; every shell command and risky program it starts is
checked first. Refused commands exit 126 with a message saying why.
  --headless                 no TUI even on a terminal (automatic without a TTY)
  --on-ask deny|allow        without a human, settle "ask" this way (default: deny)
  --audit FILE               audit log (default: ~/.agentfw/audit.jsonl)
  --ruleset PATH             extra ruleset file or folder (repeatable)
  --approval-timeout SECONDS deny an ask nobody answered (default: 300)
  --approver CMD             also ask this command to settle asks (see docs/run.md)
  --no-sandbox               run AGENT without the OS sandbox (on by default on Linux:
                             bubblewrap, read-only root, writable workspace, secret files
                             masked, network cut except the session's egress proxy; see
                             sandbox/README.md). Says what that gives up.
  --sandbox                  the default; accepted for older scripts
  --sandbox-rw PATH          also keep PATH writable inside the sandbox (repeatable)
exit: the agent's exit code
`;

export function defaultAuditPath(): string {
  return path.join(os.homedir(), '.agentfw', 'audit.jsonl');
}

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    flags: ['headless', 'help', 'sandbox', 'no-sandbox'],
    options: ['on-ask', 'audit', 'approval-timeout', 'approver', 'egress-port'],
    lists: ['ruleset', 'sandbox-rw'],
    stopAtPositional: true,
  });
  if (a.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!a.rest.length)
    throw usageError('no agent command given', 'put the agent after --, e.g. agentfw run -- claude');
  const agent = a.rest[0];
  const found = agent.includes('/')
    ? which(path.basename(agent), path.dirname(path.resolve(agent)))
    : which(agent, process.env.PATH ?? '');
  if (!found)
    throw new AgentfwError(
      'E_AGENT_NOT_FOUND',
      `cannot run "${agent}": no such executable${agent.includes('/') ? '' : ' on PATH'}`,
      'check the spelling, install the agent, or give its full path after --',
      2,
    );
  const onAsk = a.options['on-ask'] ?? 'deny';
  if (onAsk !== 'deny' && onAsk !== 'allow')
    throw usageError(
      `--on-ask must be deny or allow, not "${onAsk}"`,
      'write --on-ask deny (the default) or --on-ask allow',
    );
  if (a.flags.sandbox && a.flags['no-sandbox'])
    throw usageError('--sandbox and --no-sandbox contradict each other', 'keep one of them');
  if (a.lists['sandbox-rw'].length && a.flags['no-sandbox'])
    throw usageError(
      '--sandbox-rw has no effect with --no-sandbox',
      'drop --sandbox-rw, or drop --no-sandbox',
    );
  // The sandbox's network always leads out through the session's own proxy; a bridge to any
  // other port would let requests leave unjudged.
  if (a.options['egress-port'] !== undefined)
    throw usageError(
      "--egress-port is gone: in the sandbox the only way out is now the session's egress proxy, always",
      'drop --egress-port; hosts whose traffic must not be read go in .agentfw/proxy.yaml (docs/proxy.md)',
    );
  // The OS sandbox exists on Linux only (bubblewrap); elsewhere the session says it runs without.
  const sandboxed = !a.flags['no-sandbox'] && process.platform === 'linux';
  const t = a.options['approval-timeout'];
  const seconds = t === undefined ? 300 : Number(t);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400)
    throw usageError(
      `--approval-timeout must be a number of seconds between 1 and 86400, not "${t}"`,
      'write e.g. --approval-timeout 300',
    );
  // Inside a session already: inherit it (never a second gate, never a relaxed one).
  const outer = outerSession(process.env);
  if (outer)
    return runNested(
      outer,
      a.rest,
      looseningFlags({ onAsk, noSandbox: Boolean(a.flags['no-sandbox']), approver: a.options.approver }),
    );
  const auditPath = auditPathOf(a.options.audit);
  const start = sizeOf(auditPath);
  const code = await runSession({
    command: a.rest,
    headless: Boolean(a.flags.headless),
    onAsk,
    auditPath,
    rulesetPaths: a.lists.ruleset,
    approvalTimeoutMs: Math.round(seconds * 1000),
    approverCmd: a.options.approver,
    sandbox: sandboxed ? { writable: a.lists['sandbox-rw'] } : undefined,
    noSandbox: a.flags['no-sandbox'] ? 'flag' : sandboxed ? undefined : 'platform',
  });
  process.stderr.write(summaryLine(auditPath, start) + '\n');
  return code;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The fields of an audit record the exit summary counts (any may be missing from a torn or foreign line). */
type SummaryFields = Partial<Pick<AuditRecord, 'layer' | 'decision' | 'verdict' | 'approver' | 'reused'>>;

/**
 * One line at exit: what this session's records in the audit log add up to (records
 * another session appended to the same log meanwhile would be counted too).
 */
export function summaryLine(auditPath: string, from: number): string {
  let recs: SummaryFields[] = [];
  try {
    const buf = readFileSync(auditPath);
    recs = buf
      .subarray(Math.min(from, buf.length))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as SummaryFields];
        } catch {
          return [];
        }
      });
  } catch {
    // no log written: nothing was checked
  }
  // Records about the session itself (its start, a reopened log, its end) are no command.
  recs = recs.filter((r) => r.layer !== 'session');
  // An ask an earlier approval settled is not a second question.
  const asked = recs.filter((r) => r.verdict === 'ask' && r.approver !== 'policy' && !r.reused).length;
  const denied = recs.filter((r) => r.decision === 'deny').length;
  return `agentfw: session ended: ${recs.length} command(s) checked, ${asked} asked a human, ${denied} refused; audit: ${auditPath} (agentfw log --audit ${auditPath})`;
}

/**
 * The audit file: `--audit FILE` must be in an existing folder (no folders are created
 * silently for a typo); the default ~/.agentfw/ is agentfw's own and is created.
 */
function auditPathOf(given: string | undefined): string {
  if (given === undefined) return path.resolve(defaultAuditPath());
  const file = path.resolve(given);
  let dirOk: boolean;
  try {
    dirOk = statSync(path.dirname(file)).isDirectory();
  } catch {
    dirOk = false;
  }
  if (!dirOk)
    throw usageError(
      `--audit ${given}: the folder ${path.dirname(file)} does not exist`,
      'create it first, or pass a file in an existing folder',
    );
  return file;
}

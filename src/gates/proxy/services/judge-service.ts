/**
 * The decision for one action on a declared host service (a query on a PostgreSQL
 * connection): the engine's rules over its facts, then the session's approval path on
 * `ask` (the client waits meanwhile), one audit record with `layer: "proxy"` and a decision
 * event — the same steps as an HTTP request (settleProxied in src/gates/proxy/judge.ts).
 */
import type { ApprovalResult } from '../../../approval/types.js';
import type { AnalysisIssue, Decision, Fact, Finding } from '../../../engine/types.js';
import { settleProxied, type JudgeDeps, type Sender } from '../judge.js';

/** Ids of service requests start here, away from the gate's and the HTTP proxy's. */
let nextId = 2_000_000;

export interface ServiceJudgement {
  allow: boolean;
  decision: Decision;
  result?: ApprovalResult;
  /** The text audited and shown (masked). */
  command: string;
  /** The findings that held it (non-allow); empty when allowed by policy. */
  held: Finding[];
}

export interface ServiceAction {
  facts: Fact[];
  issues: AnalysisIssue[];
  /** What a human reads: `postgres 127.0.0.1:5432: DELETE users (no WHERE)`. */
  what: string;
}

export async function judgeService(
  deps: JudgeDeps,
  action: ServiceAction,
  sender: () => Sender,
  signal: AbortSignal,
): Promise<ServiceJudgement> {
  const id = nextId++;
  const ts = new Date().toISOString();
  const decision = deps.decideFacts(action.facts, action.issues);
  // Only a request that needs a human costs the walk of /proc for its sender.
  const who = decision.decision !== 'allow' ? sender() : undefined;
  const command = deps.secrets.mask(who?.cmdline ? `${action.what}, from: ${who.cmdline}` : action.what);
  const held = decision.findings.filter((f) => f.decision !== 'allow');
  const rules = [...new Set(held.map((f) => f.rule))];
  const reason = deps.secrets.mask(decision.reason);
  // As for HTTP: a query sent by a command a human already approved at a gate is not asked again.
  const earlier = () => (who?.pid ? deps.approvedProcess?.(who.pid) : undefined);
  const { final, result } = await settleProxied(
    deps,
    decision,
    { id, ts, command, rules, reason, earlier },
    signal,
  );
  return { allow: final === 'allow', decision, result, command, held };
}

/** The refusal text the client shows: what was held, by which rule, and what to do. */
export function refusalText(j: ServiceJudgement, headless: boolean): { message: string; detail: string } {
  const f = j.held[0];
  const rule = f ? f.rule : 'agentfw/unjudged';
  const message = `agentfw: BLOCKED by ${rule}: ${f?.message || j.decision.reason}`;
  const how =
    j.result?.message ??
    (j.decision.decision === 'deny'
      ? 'A rule denies this.'
      : headless
        ? "It needs a human's approval and this session has no human to ask (headless, asks denied)."
        : 'A human did not approve it.');
  const agent = f?.agent_message || 'Do not retry or work around this; ask the user.';
  return { message, detail: `${how} ${agent}`.trim() };
}

/**
 * The proxy's decision for one request: the engine's rules over the request's facts,
 * plus the secrets-at-egress check, then the session's approval path for `ask` (the
 * client waits meanwhile), an audit record with `layer: "proxy"` and a decision event.
 */
import { settle } from '../../approval/queue.js';
import type { ApprovalRequest, ApprovalResult, Approver, DecisionEvent } from '../../approval/types.js';
import { strictest } from '../../engine/decide.js';
import type { Decision, Finding } from '../../engine/types.js';
import type { AuditInput } from '../../audit/writer.js';
import type { SecretSet } from '../../secrets/types.js';
import type { EgressHold } from '../../secrets/egress.js';
import { requestFacts, type ProxiedRequest } from './facts.js';

/** Where a request came from; filled lazily (only an `ask` needs it). */
export interface Sender {
  /** Pid of the sending process; 0 = unknown. */
  pid: number;
  /** Its command line, secrets masked; empty = unknown. */
  cmdline: string;
  /** Basename of its program (`python3`); empty = unknown. */
  program: string;
}

export interface JudgeDeps {
  /** The session engine's facts entry point (src/engine/analyze.ts). */
  decideFacts(facts: Decision['facts'], issues?: Decision['issues']): Decision;
  secrets: SecretSet;
  /** Appends one audit record; absent = no audit (tests of the proxy alone). */
  audit?: (r: AuditInput) => void;
  /** Emits a decision event to the TUI / watch; absent = none. */
  emit?: (ev: DecisionEvent) => void;
  /** The session's approvers, read at each ask. */
  approvers: () => Approver[];
  approvalTimeoutMs: number;
  /** Approver of an earlier shell/tool approval whose process tree contains `pid`; undefined = none. */
  approvedProcess?: (pid: number) => string | undefined;
  /** Directory shown as the audit record's cwd (the workspace). */
  cwd: string;
}

export interface Judgement {
  allow: boolean;
  decision: Decision;
  result?: ApprovalResult;
  /** Human-readable text of the request (masked). */
  command: string;
  /** Request parts with allowed placeholders replaced (forward these on allow). */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** True when the body text changed (placeholders substituted): forward it decoded. */
  bodyChanged: boolean;
}

/** Ids of proxy requests start here so they never collide with the command gate's ids. */
let nextId = 1_000_000;

/** One line a human understands: the GraphQL operations, else `METHOD URL`, and the sender. */
export function describe(d: Decision, sender: Sender | undefined): string {
  const gql = d.facts.filter((f) => f.kind === 'graphql').map((f) => f.evidence);
  const http = d.facts.find((f) => f.kind === 'http');
  const what = gql.length
    ? gql.slice(0, 4).join('; ') + (gql.length > 4 ? ` (+${gql.length - 4} more)` : '')
    : http && http.kind === 'http'
      ? `${http.method} ${http.url}`
      : '(request)';
  return sender?.cmdline ? `${what}, from: ${sender.cmdline}` : what;
}

function holdFinding(h: EgressHold): Finding {
  return {
    rule: h.file ? 'agentfw/secret-provenance' : 'agentfw/secret-egress',
    severity: 'critical',
    decision: 'ask',
    message: h.reason,
    agent_message:
      'A credential in this request may not go to this host. Use the placeholder you were given for the host it is meant for. Do not retry or work around this; ask the user.',
    evidence: h.form === 'placeholder' ? `agentfw:masked:${h.name}` : `value of ${h.name}`,
    fact: -1,
  };
}

export async function judge(
  deps: JudgeDeps,
  req: ProxiedRequest,
  sender: () => Sender,
  signal: AbortSignal,
): Promise<Judgement> {
  const id = nextId++;
  const ts = new Date().toISOString();
  const { facts, issues, host } = requestFacts(req);
  let decision = deps.decideFacts(facts, issues);

  // Secrets at egress: substitute allowed placeholders, hold everything else.
  const holds: EgressHold[] = [];
  const egress = (text: string): string => {
    if (!deps.secrets.egress) {
      // fail closed: a secret set that cannot substitute holds any placeholder.
      if (/agentfw(?::|%3a)masked/i.test(text))
        holds.push({
          name: 'secret',
          form: 'placeholder',
          file: '',
          reason: 'placeholders cannot be substituted in this build',
        });
      return text;
    }
    const r = deps.secrets.egress(text, host);
    holds.push(...r.holds);
    return r.text;
  };
  const url = egress(req.url);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = egress(v);
  const body = req.body === undefined ? undefined : egress(req.body);
  if (holds.length) {
    const seen = new Set<string>();
    const extra = holds.filter((h) => !seen.has(h.reason) && seen.add(h.reason)).map(holdFinding);
    const findings = [...decision.findings, ...extra];
    const verdict = extra.reduce((v, f) => strictest(v, f.decision), decision.decision);
    const top =
      verdict === decision.decision && decision.decision !== 'allow'
        ? decision.reason
        : `${extra[0].rule}: ${extra[0].message}`;
    decision = { ...decision, findings, decision: verdict, reason: top };
  }

  let who: Sender | undefined;
  const needSender = decision.decision !== 'allow';
  if (needSender) who = sender();
  const command = deps.secrets.mask(describe(decision, who));
  const rules = [...new Set(decision.findings.filter((f) => f.decision !== 'allow').map((f) => f.rule))];
  const reason = deps.secrets.mask(decision.reason);
  // A request sent by a command a human already approved at the shell/tool gate is not asked
  // again; a placeholder it carries stays a placeholder (nothing leaks). A real secret value
  // is always asked: the human approved `$TOKEN`, not a token the agent dug out of a file.
  const leak = holds.some((h) => h.form === 'value');
  const earlier = () => (!leak && who?.pid ? deps.approvedProcess?.(who.pid) : undefined);
  const { final, result } = await settleProxied(
    deps,
    decision,
    { id, ts, command, rules, reason, earlier },
    signal,
  );
  return {
    allow: final === 'allow',
    decision,
    result,
    command,
    url,
    headers,
    body,
    bodyChanged: body !== req.body,
  };
}

/** One judged proxy action as audited and shown: masked text, the rules that held it, the reason. */
export interface ProxiedAction {
  id: number;
  ts: string;
  command: string;
  rules: string[];
  reason: string;
  /** The approver of an earlier approval covering the sending process; undefined = none (asked). */
  earlier: () => string | undefined;
}

/**
 * What every proxy judgement (an HTTP request, a query on a host service) does after the
 * rules: on `ask`, an earlier approval of the sending process, else the session's
 * approvers (the client waits meanwhile); one audit record with `layer: "proxy"`; the
 * decision event. Anything not allowed by the policy or a human is `deny`.
 */
export async function settleProxied(
  deps: JudgeDeps,
  decision: Decision,
  a: ProxiedAction,
  signal: AbortSignal,
): Promise<{ final: 'allow' | 'deny'; result?: ApprovalResult }> {
  const { id, ts, command, rules, reason } = a;
  const base = { id, ts, layer: 'proxy' as const, cwd: deps.cwd, command, rules, reason };
  let final: 'allow' | 'deny' = decision.decision === 'allow' ? 'allow' : 'deny';
  let approver = 'policy';
  let result: ApprovalResult | undefined;
  if (decision.decision === 'ask') {
    const earlier = a.earlier();
    if (earlier) {
      final = 'allow';
      approver = earlier;
    } else {
      const areq: ApprovalRequest = {
        id,
        ts,
        layer: 'proxy',
        cwd: deps.cwd,
        command,
        decision,
        confirm: decision.findings.find((f) => f.confirm)?.confirm,
      };
      deps.emit?.({ ...base, verdict: 'ask', approver: '' });
      result = await settle(areq, { approvers: deps.approvers(), timeoutMs: deps.approvalTimeoutMs, signal });
      final = result.verdict;
      approver = result.approver;
    }
  }
  deps.audit?.({
    layer: 'proxy',
    cwd: deps.cwd,
    command,
    decision: final,
    verdict: decision.decision,
    rules,
    approver,
    reason,
  });
  deps.emit?.({ ...base, verdict: final, approver });
  return { final, result };
}

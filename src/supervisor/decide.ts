/**
 * The supervisor's answer to one gate request: analyse with the engine, settle an `ask`
 * with the session's approvers (or an earlier approval that covers it), write the audit
 * record, emit the decision event, and build the reply (the refusal text on deny). No
 * secret value is ever in a reply: the egress proxy substitutes placeholders instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { quote } from 'shell-quote';
import { settle } from '../approval/queue.js';
import type { ApprovalRequest, ApprovalResult, Approver, DecisionEvent } from '../approval/types.js';
import type { AuditWriter } from '../audit/writer.js';
import { makeContext, type Engine } from '../engine/analyze.js';
import { payloadReader } from '../engine/payload-reader.js';
import { DEFAULT_LIMITS, type Decision } from '../engine/types.js';
import type { SecretSet } from '../secrets/types.js';
import type { GateReply, GateRequest } from '../shim/protocol.js';
import type { ApprovedMemory } from './approved.js';
import type { EventHub } from './events.js';
import { formatRefusal } from './refusal.js';

export interface DeciderOptions {
  engine: Engine;
  secrets: SecretSet;
  audit: AuditWriter;
  /** The approvers consulted on `ask`, read at each ask (the TUI attaches after spawn). */
  approvers: () => Approver[];
  approvalTimeoutMs: number;
  headless: boolean;
  onAsk: 'deny' | 'allow';
  workspace: string;
  home: string;
  events: EventHub;
  approved: ApprovedMemory;
}

/** The text the engine analyses: the script (shell layer; exec layer: the command the gate built, src/supervisor/exec-gate.ts) or the shell-quoted argv (tool layer). */
export function requestText(req: GateRequest): string {
  if (req.layer === 'shell') return req.script ?? '';
  if (req.layer === 'exec' && req.script !== undefined) return req.script;
  return quote([path.basename(req.argv[0]), ...req.argv.slice(1)]);
}

export function createDecider(
  o: DeciderOptions,
): (req: GateRequest, signal: AbortSignal) => Promise<GateReply> {
  let nextId = 1;
  const readFile = payloadReader(DEFAULT_LIMITS.maxPayloadBytes);

  return async (req, signal) => {
    const id = nextId++;
    const ts = new Date().toISOString();
    const cwd = req.cwd || o.workspace;
    const text = requestText(req);
    const masked = o.secrets.mask(text);
    // Files a command names are read as the requesting process sees them (its mount
    // namespace: the sandbox's private /tmp, masked copies), not as the supervisor does.
    const root = `/proc/${req.pid}/root`;
    const seen = req.pid > 0 && existsSync(root) ? (p: string) => readFile(root + p) : readFile;
    const ctx = makeContext({ cwd, workspace: o.workspace, home: o.home, readFile: seen });
    let decision: Decision = o.engine.analyze(text, ctx);
    if (req.binary && decision.decision === 'allow') {
      // fail closed: bytes that are not UTF-8 make the analysed text approximate
      decision = {
        ...decision,
        decision: 'ask',
        reason: 'some arguments are not valid UTF-8, so the command is uncertain',
      };
    }
    const rules = [...new Set(decision.findings.filter((f) => f.decision !== 'allow').map((f) => f.rule))];
    const reason = o.secrets.mask(decision.reason);
    const base = { id, ts, layer: req.layer, cwd, command: masked, rules, reason } as const;

    let result: ApprovalResult | undefined;
    let final: 'allow' | 'deny' = decision.decision === 'allow' ? 'allow' : 'deny';
    let approver = 'policy';
    if (decision.decision === 'ask') {
      // An exec is covered like a shell script of its command: its commands ⊆ an approval's.
      const earlier = o.approved.coveredBy(
        req.layer === 'exec'
          ? { ...req, layer: 'shell', script: text, cwd }
          : { ...req, layer: req.layer, cwd },
      );
      if (earlier) {
        final = 'allow';
        approver = earlier;
      } else {
        const areq: ApprovalRequest = {
          id,
          ts,
          layer: req.layer,
          cwd,
          command: masked,
          decision,
          confirm: decision.findings.find((f) => f.confirm)?.confirm,
        };
        o.events.emit({ ...base, verdict: 'ask', approver: '' });
        result = await settle(areq, { approvers: o.approvers(), timeoutMs: o.approvalTimeoutMs, signal });
        final = result.verdict;
        approver = result.approver;
        if (final === 'allow')
          o.approved.remember(text, cwd, { pid: req.pid, approver, scope: result.scope });
      }
    }

    o.audit.append({
      layer: req.layer,
      cwd,
      command: masked,
      decision: final,
      verdict: decision.decision,
      rules,
      approver,
      reason,
    });
    const ev: DecisionEvent = { ...base, verdict: final, approver };
    o.events.emit(ev);

    if (final === 'allow') return { allow: true, env: {}, message: '' };
    const message = o.secrets.mask(
      formatRefusal({
        command: masked,
        layer: req.layer,
        decision,
        result,
        onAsk: o.onAsk,
        headless: o.headless,
      }),
    );
    return { allow: false, env: {}, message };
  };
}

/**
 * The supervisor's answer to one gate request: analyse with the engine, settle an `ask`
 * with the session's approvers (or an earlier approval that covers it), write the audit
 * record, emit the decision event, and build the reply (the refusal text on deny). No
 * secret value is ever in a reply: the egress proxy substitutes placeholders instead.
 */
import path from 'node:path';
import { quote } from 'shell-quote';
import { settle } from '../approval/queue.js';
import type { ApprovalRequest, ApprovalResult, Approver, DecisionEvent } from '../approval/types.js';
import type { AuditWriter } from '../audit/writer.js';
import type { Engine } from '../engine/analyze.js';
import type { Decision } from '../engine/types.js';
import { poolOf, type AnalysisPool } from '../engine/worker.js';
import type { SecretSet } from '../secrets/types.js';
import type { GateReply, GateRequest } from '../gates/protocol.js';
import { isLineRequest, type ApprovedMemory, type EndedManagerRun } from './approved.js';
import type { EventHub } from './events.js';
import { formatRefusal } from './refusal.js';
import { requestText, shimOf } from './decide-request.js';

export { requestText };

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
  /**
   * Absolute paths the gate depends on (the session's runtime dir). A filesystem fact that
   * touches one, or a folder holding one, is denied: it would switch the firewall off.
   * Empty/absent = none.
   */
  protectedPaths?: string[];
  /** Called when the audit log cannot be written (the command is refused; the session should stop). */
  onAuditFailure?: (why: string) => void;
}

/** The first protected path a filesystem fact of `d` touches (itself, inside, or a parent); undefined = none. */
export function touchesProtected(d: Decision, protectedPaths: string[]): string | undefined {
  for (const f of d.facts) {
    if (f.kind !== 'fs') continue;
    for (const t of f.targets) {
      // An unexpanded glob (`/tmp/*`) reaches everything under its fixed prefix.
      const p = t.glob ? path.dirname(t.path.replace(/[*?[].*$/, 'x')) : t.path;
      if (!p) continue;
      for (const prot of protectedPaths) {
        const dir = p.endsWith('/') ? p : p + '/';
        if (p === prot || prot.startsWith(dir) || p.startsWith(prot + '/')) return prot;
      }
    }
  }
  return undefined;
}

/**
 * One audit record per ended manager run: how many of its internal scripts passed under the
 * trusted manager without a record of their own. Written before the next request's record,
 * and for what is left when the session ends (src/supervisor/gate.ts).
 */
export function appendManagerSummaries(
  audit: Pick<AuditWriter, 'append'>,
  workspace: string,
  runs: EndedManagerRun[],
): void {
  for (const e of runs)
    audit.append({
      layer: 'shell',
      cwd: workspace,
      command: e.command,
      decision: 'allow',
      verdict: 'allow',
      rules: [],
      approver: e.approver,
      reason: `${e.passed} internal scripts of ${e.root} passed under the trusted manager for this command (${e.passed - 1} without a record of their own)`,
    });
}
/** How long the execs that carry out a judged shim run may take to happen (ms). */
const SHIM_RUN_MS = 30_000;

/**
 * Decides one request. `keepable`: the exec gate says the analysed text is a function of
 * the exec's path, argv and working directory alone (src/gates/exec/exec-gate.ts
 * execText), or the request is a gate client's own (a shim's, src/gates/shim/shim-keep.ts);
 * an allow by policy whose analysis read nothing then carries the audit record the helper
 * or the shim's keeper may write itself for exact repeats (GateReply.keep). Absent = never.
 */
export type Decider = (req: GateRequest, signal: AbortSignal, keepable?: boolean) => Promise<GateReply>;

export function createDecider(o: DeciderOptions): Decider {
  let nextId = 1;
  const started = Date.now();
  // Analyses run in the engine's warm worker processes under a hard deadline (src/engine/worker.ts):
  // no command can stall this event loop (other gates, approvals, the TUI) or kill this process.
  // The pool is taken on the first request (a session starts it once the agent is launched);
  // a request before its workers are ready waits for them.
  let pool: AnalysisPool | undefined;

  return async (req, signal, keepable) => {
    const id = nextId++;
    const ts = new Date().toISOString();
    const cwd = req.cwd || o.workspace;
    // A version-manager shim or exec wrapper is judged as the tool it runs (src/normalize/version-shims.ts).
    const shim = shimOf(req, cwd, o.home, o.workspace, started);
    const text = shim ? quote(shim.argv) : requestText(req);
    const masked = o.secrets.mask(text);
    const analysed = await (pool ??= poolOf(o.engine)).analyze({
      script: text,
      cwd,
      workspace: o.workspace,
      home: o.home,
      // Files a command names are read as the requesting process sees them (its mount
      // namespace: the sandbox's private /tmp, masked copies), not as the supervisor does.
      readRoot: req.pid > 0 ? `/proc/${req.pid}/root` : '',
      // A build wrapper is the project's own when its files predate the session.
      wrappersBefore: started,
    });
    const specials = analysed.specials;
    let decision: Decision = analysed.decision;
    if (specials.length && decision.decision === 'allow') {
      // fail closed: a payload that is a FIFO, socket or device cannot be read without blocking
      decision = {
        ...decision,
        decision: 'ask',
        reason: `its payload names a ${specials[0]}, whose content cannot be checked`,
      };
    }
    const prot = o.protectedPaths?.length ? touchesProtected(decision, o.protectedPaths) : undefined;
    if (prot && decision.decision !== 'deny') {
      // fail closed: removing or changing the gate's own files would leave the agent ungated
      decision = {
        ...decision,
        decision: 'deny',
        reason: `it would remove or change agentfw's own session files (${prot}), which switches the firewall off`,
      };
    }
    if (req.binary && decision.decision === 'allow') {
      // fail closed: bytes that are not UTF-8 make the analysed text approximate
      decision = {
        ...decision,
        decision: 'ask',
        reason: 'some arguments are not valid UTF-8, so the command is uncertain',
      };
    }
    const rules = [...new Set(decision.findings.filter((f) => f.decision !== 'allow').map((f) => f.rule))];
    let reason = o.secrets.mask(decision.reason);
    const base = { id, ts, layer: req.layer, cwd, command: masked, rules, reason } as const;

    let result: ApprovalResult | undefined;
    let final: 'allow' | 'deny' = decision.decision === 'allow' ? 'allow' : 'deny';
    let approver = 'policy';
    let reused = false;
    if (decision.decision === 'ask') {
      // An exec is covered like a shell script of its command: its commands ⊆ an approval's.
      const earlier = o.approved.coveredBy(
        req.layer === 'exec'
          ? { ...req, layer: 'shell', script: text, cwd, execFile: req.path ?? req.argv[0] }
          : { ...req, layer: req.layer, cwd, ...(shim ? { script: text } : {}) },
      );
      if (earlier) {
        final = 'allow';
        approver = earlier;
        reused = true;
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
          o.approved.remember(text, cwd, {
            pid: req.pid,
            approver,
            scope: result.scope,
            line: isLineRequest(req),
          });
      }
    }

    if (signal.aborted) {
      // The client gave up before the answer (it refused on its own after a stopped or hung
      // supervisor, or was killed): the command did not run, whatever was decided.
      final = 'deny';
      reason = `the gate client stopped waiting before the answer, so the command did not run (decided: ${reason})`;
    }
    if (shim?.managerRoot && final === 'allow')
      o.approved.trustManager(shim.managerRoot, req.pid, approver, masked, started);
    if (shim && final === 'allow') {
      // The execs that carry out this judged command: env starting the shim's interpreter,
      // then (after the manager's own scripts) the real tool with these arguments.
      // fail closed: a program written during the session is judged, not passed as the shim's tool
      if (shim.interpreter) o.approved.allowNext(req.pid, shim.interpreter, approver, SHIM_RUN_MS, started);
      o.approved.allowNext(req.pid, shim.argv, approver, SHIM_RUN_MS, started);
    }
    // A trusted manager's own scripts (pyenv-exec, …): the first is recorded, the rest summarised.
    const internal = final === 'allow' && !shim ? o.approved.countInternal({ ...req, cwd }) : undefined;
    if (internal && internal.n > 1) return { allow: true, env: {}, message: '' };
    if (internal)
      reason += ` (internal script of the trusted manager ${internal.root}, run for: ${internal.command}; its further internal scripts get one summary record)`;

    const record = {
      layer: req.layer,
      cwd,
      command: masked,
      decision: final,
      verdict: decision.decision,
      rules,
      approver,
      reason,
      ...(reused ? { reused } : {}),
    };
    try {
      appendManagerSummaries(o.audit, o.workspace, o.approved.drainEnded());
      o.audit.append(record);
    } catch (err) {
      // fail closed: a command whose record is not on disk does not run
      const why = (err as Error).message;
      o.onAuditFailure?.(why);
      return {
        allow: false,
        env: {},
        message: `agentfw: the audit log cannot be written (${why}), so nothing may run; the session is being stopped.\nNothing was run. Do not retry or work around this; ask the user.`,
      };
    }
    const ev: DecisionEvent = { ...base, verdict: final, approver };
    o.events.emit(ev);

    if (final === 'allow') {
      // Only a plain allow by policy, decided from the request alone (no file read, no shim,
      // no trusted manager, no earlier approval), may be repeated by the helper itself.
      const keep =
        keepable === true &&
        decision.decision === 'allow' &&
        analysed.pure === true &&
        !shim &&
        !internal &&
        approver === 'policy' &&
        !reused;
      return { allow: true, env: {}, message: '', ...(keep ? { keep: o.audit.template(record) } : {}) };
    }
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

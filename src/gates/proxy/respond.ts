/**
 * What the agent's client receives when the proxy does not forward a request: a 403
 * with a short text (or JSON, when the client asked for JSON) naming the rule, saying
 * why, and telling the agent to stop and ask the user.
 */
import type { ServerResponse } from 'node:http';
import type { ApprovalResult } from '../../approval/types.js';
import type { Decision } from '../../engine/types.js';
import { DO_NOT_RETRY, formatRefusal } from '../../supervisor/refusal.js';

export interface RefusalBody {
  status: number;
  contentType: string;
  text: string;
}

/** The refusal for a judged request. `wantsJson` = the request's Accept or Content-Type names JSON. */
export function refusalBody(
  command: string,
  decision: Decision,
  result: ApprovalResult | undefined,
  wantsJson: boolean,
  headless: boolean,
): RefusalBody {
  const text = formatRefusal({ command, layer: 'proxy', decision, result, headless });
  if (!wantsJson) return { status: 403, contentType: 'text/plain; charset=utf-8', text: text + '\n' };
  const rules = [...new Set(decision.findings.filter((f) => f.decision !== 'allow').map((f) => f.rule))];
  const json = {
    error: 'blocked_by_agentfw',
    message: `agentfw blocked this request: ${decision.reason}. ${DO_NOT_RETRY}`,
    rules,
    request: command,
    detail: text,
  };
  return { status: 403, contentType: 'application/json', text: JSON.stringify(json) + '\n' };
}

/** A refusal that is not a rule's: the proxy could not judge or forward the request. */
export function proxyErrorBody(why: string): RefusalBody {
  return {
    status: 502,
    contentType: 'text/plain; charset=utf-8',
    text: `agentfw: the egress proxy could not handle this request (${why}); it was not sent.\n${DO_NOT_RETRY}\n`,
  };
}

export function send(res: ServerResponse, b: RefusalBody): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(b.status, {
    'content-type': b.contentType,
    'content-length': Buffer.byteLength(b.text),
    'x-agentfw': 'blocked',
  });
  res.end(b.text);
}

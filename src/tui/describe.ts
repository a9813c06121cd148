/**
 * One human line per fact: what the engine understood a command to do, e.g.
 * `GraphQL mutation volumeDelete(volumeId: "3f1c9a") → backboard.railway.app`.
 * Pure; shared by the TUI dialog and `agentfw watch`. Inputs are already masked.
 */
import type { Decision, Fact, Finding } from '../engine/types.js';

function args(a: Record<string, string>): string {
  return Object.entries(a)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
}

/** Describe one fact in a single line (no trailing newline). */
export function describeFact(f: Fact, home = ''): string {
  switch (f.kind) {
    case 'graphql':
      if (f.operation === 'unparsed') return `GraphQL request that could not be parsed → ${f.host || f.url}`;
      return `GraphQL ${f.operation} ${f.alias ? f.alias + ': ' : ''}${f.field}(${args(f.args)}) → ${f.host}`;
    case 'sql': {
      const what = [f.statement, f.object, f.name].filter(Boolean).join(' ');
      const where =
        (f.statement === 'DELETE' || f.statement === 'UPDATE') && !f.where ? ' without WHERE' : '';
      return `SQL ${what}${where} (${f.tool}${f.target ? ' → ' + f.target : ''})`;
    }
    case 'fs': {
      const flags = (f.recursive ? 'r' : '') + (f.force ? 'f' : '');
      const targets = f.targets
        .map((t) => {
          const shown = home && t.path === home ? '$HOME' : t.path || t.raw;
          return `${shown} [${t.class}]`;
        })
        .join(', ');
      return `${f.op}${flags ? ' -' + flags : ''} of ${targets || '(no target)'}`;
    }
    case 'git':
      return `git ${f.subcommand}: ${f.action}${f.remote ? ' on ' + f.remote : ''}${f.refs.length ? ' ' + f.refs.join(' ') : ''}`;
    case 'http':
      return `HTTP ${f.method} ${f.url}${f.auth ? ' (with credentials)' : ''}${f.bodyUnknown ? ' (body unknown)' : ''}`;
    case 'cloud':
      return `${f.tool}${f.service ? ' ' + f.service : ''} ${f.verb}${f.resource ? ' ' + f.resource : ''}${f.all ? ' (all)' : ''}${f.force ? ' (no prompt)' : ''}`;
    case 'shell':
      return `${f.hazard}${f.source ? ' from ' + f.source : ''}`;
    case 'exfil':
      return `sends ${f.source} → ${f.host || 'unknown host'} via ${f.sink}`;
    case 'dynamic':
      return `cannot resolve ${f.what}: ${f.text}`;
    case 'issue':
      return `not understood (${f.code}): ${f.message}`;
  }
}

/** The facts behind the findings first (most relevant), then the rest; duplicates removed. */
export function understood(d: Decision, home = ''): string[] {
  const order: number[] = [];
  for (const fi of d.findings) if (d.facts[fi.fact] && !order.includes(fi.fact)) order.push(fi.fact);
  d.facts.forEach((_, i) => {
    if (!order.includes(i)) order.push(i);
  });
  const lines = order.map((i) => describeFact(d.facts[i], home));
  for (const issue of d.issues) lines.push(`analysis issue ${issue.code}: ${issue.message}`);
  return [...new Set(lines)];
}

/** Findings that made this an ask/deny, strictest first (deny before ask, then severity). */
export function mainFindings(d: Decision): Finding[] {
  const sev = { critical: 0, high: 1, medium: 2, low: 3 } as const;
  const dec = { deny: 0, ask: 1, allow: 2 } as const;
  return [...d.findings].sort(
    (a, b) => dec[a.decision] - dec[b.decision] || sev[a.severity] - sev[b.severity],
  );
}

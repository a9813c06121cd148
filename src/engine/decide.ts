/**
 * The decide stage: every compiled rule against every fact; the strictest finding wins
 * (deny > ask > allow). Pure.
 *
 * Fail closed: analysis issues (syntax errors, limits, unknown constructs) and dynamic
 * facts that no rule decided each add an `ask` finding from the built-in `agentfw` pack,
 * so content the engine did not understand is never allowed silently.
 */
import { tierRank } from '../config/schema.js';
import type { CompiledRule, CompiledRuleset } from '../rules/load.js';
import { renderTemplate } from '../rules/match.js';
import type { AnalysisIssue, Fact, Finding, Verdict } from './types.js';

export const DEFAULT_AGENT_MESSAGE =
  "This command needs a human's approval. Do not retry or work around this; ask the user to approve or run it themselves.";

const RANK: Record<Verdict, number> = { allow: 0, ask: 1, deny: 2 };

export function strictest(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

export interface DecideResult {
  decision: Verdict;
  findings: Finding[];
  reason: string;
}

/** Per rulesets list: fact kind → the rules that can accept it, in pack and rule order. */
const indexes = new WeakMap<CompiledRuleset[], Map<string, CompiledRule[]>>();

function rulesFor(rulesets: CompiledRuleset[], kind: string): CompiledRule[] {
  let index = indexes.get(rulesets);
  if (!index) indexes.set(rulesets, (index = new Map()));
  let list = index.get(kind);
  if (!list) {
    list = [];
    for (const rs of rulesets) for (const cr of rs.rules) if (!cr.kinds || cr.kinds.has(kind)) list.push(cr);
    index.set(kind, list);
  }
  return list;
}

/** The same masking, each distinct text masked once per decision. */
export function memoMask(mask: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let m = seen.get(s);
    if (m === undefined) seen.set(s, (m = mask(s)));
    return m;
  };
}

export function decide(
  facts: Fact[],
  issues: AnalysisIssue[],
  rulesets: CompiledRuleset[],
  maskText: (s: string) => string,
): DecideResult {
  const mask = memoMask(maskText);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding) => {
    const key = `${f.rule}\0${f.evidence}\0${f.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(f);
  };

  const notes: string[] = [];
  facts.forEach((fact, i) => {
    let matched = false;
    const hits: { cr: CompiledRule; f: Finding }[] = [];
    for (const cr of rulesFor(rulesets, fact.kind)) {
      if (!cr.predicate(fact)) continue;
      const r = cr.rule;
      // A rule switched off by a config still reports (as allow), so the audit says why it was quiet.
      if (cr.off) notes.push(`${cr.id} is off (${cr.off})`);
      else matched = true;
      hits.push({
        cr,
        f: {
          rule: cr.id,
          severity: r.severity,
          decision: cr.off ? 'allow' : r.decision,
          message: mask(renderTemplate(r.message, fact)),
          agent_message: mask(renderTemplate(r.agent_message ?? DEFAULT_AGENT_MESSAGE, fact)),
          evidence: mask(fact.evidence),
          confirm:
            r.confirm === 'typed' ? mask(renderTemplate(r.confirm_value ?? '{evidence}', fact)) : undefined,
          fact: i,
        },
      });
    }
    // An explicit allow of a stronger tier quiets the asks of weaker tiers on this fact (never a deny).
    const quieter = hits
      .filter((h) => h.cr.quiets && !h.cr.off)
      .sort((a, b) => tierRank(b.cr.tier) - tierRank(a.cr.tier))[0];
    for (const h of hits) {
      if (quieter && h.f.decision === 'ask' && tierRank(h.cr.tier) < tierRank(quieter.cr.tier)) {
        h.f = { ...h.f, decision: 'allow', confirm: undefined };
        notes.push(`${h.cr.id} quieted by ${quieter.cr.id} (${quieter.cr.tier} config)`);
      }
      add(h.f);
    }
    // fail closed: something the engine could not resolve statically, and no rule spoke about it.
    if (!matched && (fact.kind === 'dynamic' || fact.kind === 'issue')) {
      add({
        rule: fact.kind === 'dynamic' ? 'agentfw/unresolved' : 'agentfw/not-understood',
        severity: 'high',
        decision: 'ask',
        message: mask(
          fact.kind === 'dynamic'
            ? `cannot tell statically what runs: ${fact.what} \`${fact.text}\``
            : `${fact.code}: ${fact.message}`,
        ),
        agent_message: DEFAULT_AGENT_MESSAGE,
        evidence: mask(fact.evidence),
        fact: i,
      });
    }
  });

  // fail closed: the script was not fully understood.
  for (const issue of issues) {
    add({
      rule: 'agentfw/not-understood',
      severity: 'high',
      decision: 'ask',
      message: mask(`${issue.code}: ${issue.message}`),
      agent_message:
        'agentfw could not fully analyse this command, so a human must approve it. Do not retry or work around this; ask the user, or split the command into simpler steps.',
      evidence: '',
      fact: -1,
    });
  }

  let decision: Verdict = 'allow';
  for (const f of findings) decision = strictest(decision, f.decision);
  const top = findings
    .filter((f) => f.decision === decision)
    .sort((a, b) => SEV[b.severity] - SEV[a.severity])[0];
  const quiet = [...new Set(notes)].join('; ');
  const reason =
    decision === 'allow' && quiet
      ? `allowed: ${quiet}`
      : top
        ? `${top.rule}: ${top.message}`
        : 'no rule matched';
  return { decision, findings, reason };
}

const SEV = { low: 0, medium: 1, high: 2, critical: 3 } as const;

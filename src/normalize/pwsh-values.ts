/**
 * The values a PowerShell script (pwsh.ts) gives its variables, put where they are used, so the
 * cmdlets are read with what they are really passed:
 * - `$name = VALUE` with VALUE a string (here-strings included), a number, a hashtable `@{…}`,
 *   another variable, `"…$name…"` of known variables, or `@{…} | ConvertTo-Json` (the JSON
 *   text), also in parentheses; a name assigned more than once, or to anything else, is unknown;
 * - uses: `$name` / `${name}`, inside double-quoted strings, `(@{…} | ConvertTo-Json)` written in
 *   place, and splatting (`Invoke-RestMethod @params`: the hashtable's entries as `-Key value`).
 * An assignment of a value runs nothing and is dropped, as is a variable written alone (`$r.id`:
 * its value is output); the command on the right of one (`$r = Invoke-RestMethod …`) runs as a
 * statement of its own. Pure.
 */
import { hashtable, lex, type Word } from './pwsh-lex.js';

/** A variable's value, or null when it is not known. */
type Vars = Map<string, Word | null>;

/** The variable name a word is (`$x`, `${x}`, `$script:x`); undefined = not one variable. */
function varName(raw: string): string | undefined {
  const m = /^\$(?:\{([^}]+)\}|(?:script:|global:|local:)?([A-Za-z_][\w]*))$/.exec(raw);
  return m ? (m[1] ?? m[2]).toLowerCase() : undefined;
}

/** A double-quoted string's text with its variables' values; undefined = some value not known. */
function expand(raw: string, vars: Vars): string | undefined {
  if (!/^"[\s\S]*"$/.test(raw) || raw.includes('$(')) return undefined;
  let known = true;
  const text = raw
    .slice(1, -1)
    .replace(/\$(?:\{([^}]+)\}|([A-Za-z_][\w]*(?::[A-Za-z_]\w*)?))/g, (_m, a?: string, b?: string) => {
      const v = vars.get((a ?? b ?? '').toLowerCase());
      if (!v || v.dynamic) known = false;
      return v?.text ?? '';
    });
  return known ? text.replace(/`(.)/g, '$1') : undefined;
}

/** The JSON value of a hashtable entry's word; undefined = not known. */
function jsonValue(w: Word, vars: Vars, depth: number): unknown {
  if (depth > 8) return undefined;
  if (/^\$true$/i.test(w.raw)) return true;
  if (/^\$false$/i.test(w.raw)) return false;
  if (/^\$null$/i.test(w.raw)) return null;
  if (/^-?\d+(?:\.\d+)?$/.test(w.raw)) return Number(w.raw);
  if (w.raw.startsWith('@{')) return hashJson(w.raw, vars, depth + 1);
  const r = resolve(w, vars);
  if (r !== w) return jsonValue(r, vars, depth + 1);
  return w.dynamic ? undefined : w.text;
}

/** The object a hashtable literal is; undefined = some entry not known. */
function hashJson(raw: string, vars: Vars, depth = 0): Record<string, unknown> | undefined {
  const entries = hashtable(raw);
  if (!entries) return undefined;
  const out: Record<string, unknown> = {};
  for (const e of entries) {
    const v = jsonValue(e.value, vars, depth);
    if (v === undefined) return undefined;
    out[e.key] = v;
  }
  return out;
}

/** The JSON a hashtable word converts to (`ConvertTo-Json`); undefined = not known. */
export function wordJson(w: Word, vars: Vars = new Map()): string | undefined {
  const o = w.raw.startsWith('@{') ? hashJson(w.raw, vars) : undefined;
  return o === undefined ? undefined : JSON.stringify(o);
}

/** The JSON text `ConvertTo-Json` makes of `w`, as a word (unknown when it does not convert). */
function converted(w: Word, vars: Vars): Word {
  const json = wordJson(w, vars);
  // fail closed: a value that does not convert is not known
  return json === undefined
    ? { text: w.raw, dynamic: true, raw: w.raw }
    : { text: json, dynamic: false, raw: json };
}

/**
 * The value of a single word, of `X | ConvertTo-Json …`, or of `ConvertTo-Json [-InputObject] X …`;
 * undefined = not a value.
 */
function pipelineValue(segs: Word[][], vars: Vars): Word | undefined {
  const first = segs[0];
  if (!first) return undefined;
  if (segs.length === 1 && /^convertto-json$/i.test(first[0].text)) {
    const input = first
      .slice(1)
      .find((w, n, ws) => !w.raw.startsWith('-') && !/^-(depth|d\w*)$/i.test(ws[n - 1]?.raw ?? ''));
    return input ? converted(resolve(input, vars), vars) : undefined;
  }
  if (first.length !== 1) return undefined;
  const w = resolve(first[0], vars);
  if (segs.length === 1) return w;
  if (segs.length === 2 && /^convertto-json$/i.test(segs[1][0].text)) return converted(w, vars);
  return undefined;
}

/** The word with a variable, a double-quoted string or a parenthesized value resolved; the word itself when none is known. */
function resolve(w: Word, vars: Vars): Word {
  const name = varName(w.raw);
  if (name !== undefined) {
    const v = vars.get(name);
    return v ?? { ...w, dynamic: true };
  }
  if (w.dynamic && w.raw.startsWith('"')) {
    const text = expand(w.raw, vars);
    return text === undefined ? w : { text, dynamic: false, raw: JSON.stringify(text) };
  }
  const paren = /^\(([\s\S]*)\)$/.exec(w.raw);
  if (paren) {
    const stmts = lex(paren[1]);
    const v = stmts.length === 1 ? pipelineValue(stmts[0], vars) : undefined;
    if (v) return v;
  }
  return w;
}

/** A segment with its words resolved and its splats (`@params`) spread as `-Key value`. */
function resolveSegment(seg: Word[], vars: Vars): Word[] {
  const out: Word[] = [];
  for (const w of seg) {
    const splat = /^@([A-Za-z_]\w*)$/.exec(w.raw);
    const table = splat ? vars.get(splat[1].toLowerCase()) : undefined;
    const entries = table ? hashtable(table.raw) : undefined;
    if (entries) {
      for (const e of entries)
        out.push({ text: `-${e.key}`, dynamic: false, raw: `-${e.key}` }, resolve(e.value, vars));
    } else out.push(resolve(w, vars));
  }
  return out;
}

/**
 * `$name = …` (also `+=`, `??=` and the other compound assignments, whose value is then not
 * known): the name and the right-hand side's segments; undefined = not an assignment.
 */
function assignment(segs: Word[][]): { name: string; rhs: Word[][] } | undefined {
  const first = segs[0];
  const m = /^\$(?:\{([^}]+)\}|((?:env:|script:|global:|local:)?[A-Za-z_][\w]*))$/.exec(
    first?.[0]?.raw ?? '',
  );
  if (!m || !/^(?:[-+*/%]|\?\?)?=$/.test(first[1]?.raw ?? '')) return undefined;
  const rhs = [first.slice(2), ...segs.slice(1)].filter((s) => s.length > 0);
  return { name: (m[1] ?? m[2]).replace(/^(?:script|global|local):/i, '').toLowerCase(), rhs };
}

/** Names bound or changed other than by one `=` (`$q += …`, `$i++`, `foreach ($q in …)`, `param($q)`, `Set-Variable q`). */
const REBOUND = [
  /\$([A-Za-z_]\w*)\s*(?:[-+*/%]=|\?\?=|\+\+|--)/g,
  /\bforeach\s*\(\s*\$([A-Za-z_]\w*)/gi,
  /\b(?:set-variable|sv|new-variable|nv)\s+(?:-name\s+)?['"]?([A-Za-z_]\w*)/gi,
  /\[ref\]\s*\$([A-Za-z_]\w*)/gi,
];

/** The statements with variables put where they are used (see the header). */
export function withValues(stmts: Word[][][]): Word[][][] {
  const count = new Map<string, number>();
  for (const segs of stmts) {
    const a = assignment(segs);
    if (a) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  }
  const text = stmts.map((segs) => segs.map((s) => s.map((w) => w.raw).join(' ')).join(' | ')).join('\n');
  for (const re of REBOUND) for (const m of text.matchAll(re)) count.set(m[1].toLowerCase(), 2);
  for (const m of text.matchAll(/\bparam\s*\(([^)]*)\)/gi))
    for (const n of m[1].matchAll(/\$([A-Za-z_]\w*)/g)) count.set(n[1].toLowerCase(), 2);
  const vars: Vars = new Map();
  const out: Word[][][] = [];
  for (const segs of stmts) {
    const a = assignment(segs);
    // a variable or its property on its own (`$r.id`) only outputs its value
    const alone = segs.length === 1 && segs[0].length === 1 ? segs[0][0].raw : '';
    if (!a && /^\$[\w:]+(?:\.\w+|\[[^\]()]*\])*$/.test(alone)) continue;
    if (!a) {
      out.push(segs.map((s) => resolveSegment(s, vars)));
      continue;
    }
    const value = a.rhs.length ? pipelineValue(a.rhs, vars) : undefined;
    // fail closed: assigned more than once (a branch or loop may pick either) or from a command: unknown
    vars.set(a.name, value && count.get(a.name) === 1 ? value : null);
    // a command on the right runs: `$r = Invoke-RestMethod …`, `$x = (Remove-Item …)`
    if (!value && a.rhs.length) {
      const inner = /^\(([\s\S]*)\)$/.exec(a.rhs[0][0].raw);
      const run = inner && a.rhs.length === 1 && a.rhs[0].length === 1 ? lex(inner[1]) : [a.rhs];
      for (const r of run) out.push(r.map((s) => resolveSegment(s, vars)));
    }
  }
  return out;
}

/**
 * The JSON a data literal written in code stands for, read on the lexer's skeleton (codelex.ts):
 * objects of any of the languages' spellings (`{k: v}`, `{"k" => v}`, `{:k => v}`, Elixir's
 * `%{k: v}`, R's `list(k = v)`, Julia's `Dict(k => v)`, Rust's `json!({…})`), arrays (`[…]`,
 * R's `c(…)`, `vec![…]`), strings, numbers, booleans and null, with names assigned once read
 * through (`q = "mutation …"; {query: q}`), and the encoders around them taken off
 * (`JSON.generate(x)`, `x.to_json`, `Jason.encode!(x)`, `jsonlite::toJSON(x, …)`,
 * `serde_json::to_string(&x)`). Anything else (a call, an interpolated string, a name not known)
 * makes the whole value unknown: undefined. `jsonOf` reads a literal string or a JSON-like
 * object first and falls back to that reading.
 */
import { callArgs, literalOf, show, type Lexed } from './codelex.js';

/** Deepest nesting (and chain of names) followed. */
const MAX_DEPTH = 12;

/** Not a data literal. */
const NONE = Symbol('none');
type Value = unknown;

/** The encoder or wrapper around the data (its first argument is the data); undefined = none. */
function unwrap(t: string): string | undefined {
  const call =
    /^(?:JSON\.(?:generate|dump|stringify|pretty_generate)|JSON3?\.write|json\.dumps|jsonEncode|(?:Jason|Poison|JSX)\.encode!?|(?:jsonlite::)?toJSON|(?:serde_json::)?(?:to_string|to_string_pretty|to_vec)|(?:\w+::)?json!|Some|Ok)\s*\(([\s\S]*)\)$/.exec(
      t,
    );
  if (call) return callArgs(`${call[1]})`, 0).args[0];
  const json = /^(?:\w+::)?json!\s*\[([\s\S]*)\]$/.exec(t);
  if (json) return `[${json[1]}]`;
  const suffix =
    /^([\s\S]+?)(?:\.to_json|\.to_string\(\)|\.unwrap\(\)|\.expect\(\u0001\d+\u0002\)|\?|\.clone\(\))$/.exec(
      t,
    );
  if (suffix) return suffix[1];
  const ref = /^&(?:mut\s+)?([\s\S]+)$/.exec(t);
  if (ref) return ref[1];
  const paren = /^\(([\s\S]*)\)$/.exec(t);
  if (paren && callArgs(`${paren[1]})`, 0).args.length === 1) return paren[1];
  return undefined;
}

/** The elements of a bracketed list body, empty ones (a trailing comma) dropped. */
const items = (body: string) =>
  callArgs(`${body})`, 0)
    .args.map((a) => a.trim())
    .filter((a) => a !== '');

/** One `key: v` / `key => v` / `key = v` entry: the key and the value expression; undefined = not one. */
function entry(e: string, lx: Lexed): [string, string] | undefined {
  const m = /^(:?)(\u0001(\d+)\u0002|[A-Za-z_$][\w$.]*)\s*(=>|:(?!:)|=(?!=))\s*([\s\S]+)$/.exec(e);
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const l = lx.lits[Number(m[3])];
    return l.dynamic ? undefined : [l.value, m[5]];
  }
  return [m[2], m[5]];
}

function object(entries: string[], lx: Lexed, depth: number): Value {
  const out: Record<string, unknown> = {};
  for (const e of entries) {
    const kv = entry(e, lx);
    if (!kv) return NONE;
    const v = value(kv[1], lx, depth + 1);
    if (v === NONE) return NONE;
    out[kv[0]] = v;
  }
  return out;
}

function array(elements: string[], lx: Lexed, depth: number): Value {
  const out: unknown[] = [];
  for (const e of elements) {
    const v = value(e, lx, depth + 1);
    if (v === NONE) return NONE;
    out.push(v);
  }
  return out;
}

function value(expr: string, lx: Lexed, depth: number): Value {
  if (depth > MAX_DEPTH) return NONE;
  const t = expr.trim();
  const inner = unwrap(t);
  if (inner !== undefined) return value(inner, lx, depth + 1);
  const lit = literalOf(t, lx);
  if (lit) return lit.dynamic ? NONE : lit.value;
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^(?:true|TRUE|True)$/.test(t)) return true;
  if (/^(?:false|FALSE|False)$/.test(t)) return false;
  if (/^(?:null|nil|None|NULL|Null)$/.test(t)) return null;
  const obj = /^(?:%|@)?\{([\s\S]*)\}$/.exec(t) ?? /^(?:Dict|hash|Map|dict)\(([\s\S]*)\)$/.exec(t);
  if (obj) return object(items(obj[1]), lx, depth);
  const list = /^(?:list|c)\(([\s\S]*)\)$/.exec(t);
  if (list) {
    const es = items(list[1]);
    // R: named elements make an object, unnamed ones an array
    return es.length && es.every((e) => entry(e, lx)) ? object(es, lx, depth) : array(es, lx, depth);
  }
  const arr = /^(?:vec!\s*)?\[([\s\S]*)\]$/.exec(t);
  if (arr) return array(items(arr[1]), lx, depth);
  // a name assigned once (`@name` / `$name` spellings included)
  const name = /^[@$]?([A-Za-z_][\w.]*)$/.exec(t);
  const assigned = name ? lx.vars.get(name[1]) : undefined;
  if (assigned) return value(assigned, lx, depth + 1);
  return NONE;
}

/** The JSON text of the data literal `expr` (see the header); undefined = not known statically. */
export function dataJson(expr: string, lx: Lexed): string | undefined {
  const v = value(expr, lx, 0);
  return v === NONE ? undefined : JSON.stringify(v);
}

/** A JSON text for a dict/object literal of literals (`{'query': 'mutation …'}`), when it converts; undefined = not known. */
export function jsonOf(expr: string, lx: Lexed): string | undefined {
  let t = expr.trim();
  const s =
    /^(?:JSON\.(?:stringify|generate|dump)|JSON3?\.(?:write|json)|jsonEncode)\(([\s\S]*)\)$|^json\.dumps\(([\s\S]*)\)$|^([\s\S]*)\.to_json$/.exec(
      t,
    );
  if (s) t = (s[1] ?? s[2] ?? s[3]).trim();
  // Julia's `Dict(k => v, …)` is an object
  const dict = /^Dict\(([\s\S]*)\)$/.exec(t);
  if (dict) t = `{${dict[1].replace(/\s*=>\s*/g, ': ')}}`;
  const lit = literalOf(t, lx);
  if (lit) return lit.dynamic ? undefined : lit.value;
  // other languages' spellings, and names read through (codelex-json.ts)
  if (!t.startsWith('{') && !t.startsWith('[')) return dataJson(expr, lx);
  // t is trimmed: show() turns its placeholders back into quoted strings
  let j = show(t, lx);
  j = j
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\bNone\b/g, 'null')
    .replace(/,\s*([}\]])/g, '$1');
  try {
    return JSON.stringify(JSON.parse(j));
  } catch {
    return dataJson(expr, lx);
  }
}

/**
 * What the code lexer (codelex.ts) knows of a skeleton's variables: the names assigned
 * once to one expression, and the names bound some other way (parameters, loop variables,
 * `as` targets, in-place changes), whose values are unknown where they are read.
 */
/** `name = expr` (Go: `name := expr`) at the start of a statement (`const`/`let`/`var`/`my` allowed), not `==`/`=>`/`=~`. */
const ASSIGN =
  /(?:^|[;\n{|])\s*(?:(?:const|let|let\s+mut|var|val|def|my|our|local)\s+)?[$@%]?([A-Za-z_]\w*)\s*:?=(?![=~>])\s*([^;\n]+)/g;

export function assignments(skel: string): Map<string, string | null> {
  const vars = new Map<string, string | null>();
  for (const m of skel.matchAll(ASSIGN)) {
    const rhs = m[2].trim();
    const prev = vars.get(m[1]);
    vars.set(m[1], prev === undefined || prev === rhs ? rhs : null);
  }
  // Names bound elsewhere (parameters, loop variables, `as` targets) may hold other values
  // where they are read: unknown.
  for (const n of boundNames(skel, ALL_BINDERS)) vars.set(n, null);
  return vars;
}

/** Binders other than plain assignment: parameters, lambdas, block arguments, `as` targets. */
const BINDERS = [
  /\bdef\s+\w+\s*\(([^)]*)\)/g,
  /\bfunction\b[^(]*\(([^)]*)\)/g,
  /\(([^()]*)\)\s*=>/g,
  /([$\w]+)\s*=>/g,
  /\blambda\b([^:]*):/g,
  /\|([^|]*)\|/g,
  /\bas\s+([$\w]+)/g,
];
/** Loop variables (`for x in`, `for (const x of`, `foreach … as`). */
const LOOP_BINDER = /\bfor(?:each)?\s*\(?\s*(?:const|let|var|my|our)?\s*([^;)]*?)\s+(?:in|of|as)\b/g;
/** `x += …`, `x ||= …`, `x .= …`: changed in place, value unknown. */
const CHANGED = /[$@%]?([A-Za-z_]\w*)\s*(?:[-+*/%|&^.]|\|\||&&|\?\?|<<|>>)=(?!=)/g;

/** Every binder but plain assignment. */
export const ALL_BINDERS = [...BINDERS, LOOP_BINDER, CHANGED];

/** The names the binders `res` bind in `skel` (each name as often as it is bound). */
export function boundNames(skel: string, res: RegExp[]): string[] {
  const out: string[] = [];
  for (const re of res)
    for (const m of skel.matchAll(re)) for (const n of (m[1] ?? '').matchAll(/[A-Za-z_]\w*/g)) out.push(n[0]);
  return out;
}

/** How a skeleton uses its names: those assigned, and how often each is bound otherwise. */
export interface NameUse {
  assigned: Set<string>;
  bound: Map<string, number>;
}

/** The name use of `skel`, read once (a loop variable is looked up for each name read). */
export function nameUse(skel: string): NameUse {
  const assigned = new Set<string>();
  for (const m of skel.matchAll(ASSIGN)) assigned.add(m[1]);
  const bound = new Map<string, number>();
  for (const n of boundNames(skel, ALL_BINDERS)) bound.set(n, (bound.get(n) ?? 0) + 1);
  return { assigned, bound };
}

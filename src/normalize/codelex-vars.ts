/**
 * What the code lexer (codelex.ts) knows of a skeleton's variables: the names assigned
 * once to one expression, and the names bound some other way (parameters, loop variables,
 * `as` targets, in-place changes), whose values are unknown where they are read.
 */
/** `name = expr` (Go: `name := expr`) at the start of a statement (`const`/`let`/`var`/`my` allowed), not `==`/`=>`/`=~`. */
const ASSIGN =
  /(?:^|[;\n{|])\s*(?:(?:const|let|let\s+mut|var|val|def|my|our|local)\s+)?[$@%]?([A-Za-z_]\w*)\s*:?=(?![=~>])\s*([^;\n]+)/g;

/** A declaration with a type (`const Q: &str = …`, `let url: String = …`, `val x: String = …`). */
const TYPED =
  /(?:^|[;\n{|])\s*(?:pub\s+)?(?:const|let|let\s+mut|static|var|val)\s+([A-Za-z_]\w*)\s*:(?!=)[^=;\n]+?=(?![=~>])\s*([^;\n]+)/g;
/** R's `name <- expr` (also `<<-`); its names may hold dots (`my.url`). */
const R_ASSIGN = /(?:^|[;\n{])\s*([A-Za-z_.][\w.]*)\s*<<?-\s*([^;\n]+)/g;
/** Go's `name, err := f()` / `name, _ = f()`: a value and its error; `name` holds the value. */
const GO_PAIR = /(?:^|[;\n{])\s*(?:var\s+)?([A-Za-z_]\w*)\s*,\s*(?:_|err)\s*:?=(?![=~>])\s*([^;\n]+)/g;
/** Elixir's module attribute `@name value` (read as `@name`); not a use of it (`@name |> f()`). */
const ELIXIR_ATTR = /(?:^|\n)[ \t]*@([a-z_]\w*)[ \t]+(?![|&=<>+*/.-]|do\b)([^\n]+)/g;

/**
 * The right-hand side that starts the match `m` (ending at a line end or `;`), continued over the
 * following lines while its brackets are open (`x = {\n  a: 1\n}`), up to a `;` outside them.
 */
function wholeRhs(skel: string, m: RegExpExecArray): string {
  let depth = 0;
  for (const ch of m[2]) depth += '([{'.includes(ch) ? 1 : ')]}'.includes(ch) ? -1 : 0;
  if (depth <= 0) return m[2].trim();
  const from = m.index + m[0].length - m[2].length;
  for (let i = from + m[2].length; i < skel.length; i++) {
    const ch = skel[i];
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && --depth === 0) return skel.slice(from, i + 1).trim();
  }
  return m[2].trim();
}

/** `lang`: the code's language, for assignments of its own shape (R's `<-`, Elixir's `@name v`, Go's `v, err :=`); undefined = none. */
export function assignments(skel: string, lang?: string): Map<string, string | null> {
  const vars = new Map<string, string | null>();
  const own = { r: [R_ASSIGN], elixir: [ELIXIR_ATTR], go: [GO_PAIR] }[lang ?? ''] ?? [];
  const res = [ASSIGN, TYPED, ...own];
  for (const re of res)
    for (const m of skel.matchAll(re)) {
      const rhs = wholeRhs(skel, m);
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
  // Ruby's block parameters `{ |x| … }`, not the pipes of R and Elixir (`a |> f() |> g()`)
  /\|(?![|>])([^|\n]*)\|(?![|>])/g,
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

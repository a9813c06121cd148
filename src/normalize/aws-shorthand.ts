/**
 * The AWS CLI's parameter maps, as `aws ssm send-command --parameters` takes them: JSON
 * (`{"commands":["a","b"]}`) or shorthand (`commands=["a","b"]`, `commands=a,b`,
 * `commands=a,workingDirectory=/srv`). Each key maps to its list of values.
 */

/** key → its values, in order; undefined = not readable as either form. */
export type ParamMap = Map<string, string[]>;

/** `text` read as JSON or shorthand; undefined = neither (fail closed at the caller). */
export function parseParamMap(text: string): ParamMap | undefined {
  const t = text.trim();
  if (t.startsWith('{')) return jsonMap(t);
  return shorthand(t);
}

function jsonMap(t: string): ParamMap | undefined {
  let json: unknown;
  try {
    json = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const out: ParamMap = new Map();
  for (const [key, v] of Object.entries(json as Record<string, unknown>)) {
    const list = Array.isArray(v) ? v : [v];
    if (!list.every((x) => typeof x === 'string' || typeof x === 'number')) return undefined;
    out.set(key, list.map(String));
  }
  return out;
}

/** A quoted or bare item starting at `i`, ending before one of `stops`: [text, next index]. */
function item(s: string, i: number, stops: string): [string, number] | undefined {
  while (s[i] === ' ') i++;
  const q = s[i];
  if (q === '"' || q === "'") {
    let out = '';
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === '\\' && j + 1 < s.length) out += s[++j];
      else if (s[j] === q) return [out, j + 1];
      else out += s[j];
    }
    return undefined;
  }
  let j = i;
  while (j < s.length && !stops.includes(s[j])) j++;
  return [s.slice(i, j).trim(), j];
}

/** A key at `i` (`name=`), or undefined. */
const KEY = /^\s*([A-Za-z][\w.:-]*)=/;

function shorthand(s: string): ParamMap | undefined {
  const out: ParamMap = new Map();
  let i = 0;
  while (i < s.length) {
    const m = KEY.exec(s.slice(i));
    if (!m) return undefined;
    const key = m[1];
    const values = out.get(key) ?? [];
    out.set(key, values);
    i += m[0].length;
    if (s[i] === '[') {
      i++;
      while (i < s.length && s[i] !== ']') {
        const it = item(s, i, ',]');
        if (!it) return undefined;
        if (it[0] !== '' || s[i] === '"' || s[i] === "'") values.push(it[0]);
        i = it[1];
        while (s[i] === ' ') i++;
        if (s[i] === ',') i++;
      }
      if (s[i] !== ']') return undefined;
      i++;
      while (s[i] === ' ') i++;
      if (i < s.length && s[i++] !== ',') return undefined;
      continue;
    }
    // bare values: `a,b` are two values of the key, until a word that starts a new key
    for (;;) {
      const it = item(s, i, ',');
      if (!it) return undefined;
      values.push(it[0]);
      i = it[1];
      if (i >= s.length) break;
      if (s[i] !== ',') return undefined;
      i++; // the comma
      if (KEY.test(s.slice(i))) break;
    }
  }
  return out;
}

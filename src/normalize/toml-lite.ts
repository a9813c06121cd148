/**
 * A reader of TOML documents as task runners' config files use them (mise.toml, pixi.toml,
 * pyproject.toml): tables `[a.b]` and `[[array.of.tables]]`, dotted and quoted keys, the four
 * string forms (basic, literal, and their multi-line `"""` / `'''` forms), arrays (nested,
 * over several lines), inline tables `{ k = v }`, and numbers, booleans and dates (kept as
 * their text). Pure. Anything else, and a key defined twice, is not read: tomlParse gives
 * undefined, and the caller treats the file as one it cannot read (fail closed).
 */

/** A TOML value: a string (numbers, booleans and dates as their text), an array or a table. */
export type TomlValue = string | TomlValue[] | TomlTable;
/** A TOML table: key → value. */
export interface TomlTable {
  [key: string]: TomlValue;
}

class TomlError extends Error {}

const isTable = (v: TomlValue | undefined): v is TomlTable =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Longest document read (chars). */
const MAX_TOML = 256 * 1024;

/** The document's tables and values; undefined = not read (see the module comment). */
export function tomlParse(text: string): TomlTable | undefined {
  if (text.length > MAX_TOML) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e instanceof TomlError) return undefined;
    throw e;
  }
}

/** The table at `path` below `root` (created when `create`); throws on a value in the way. */
function tableAt(root: TomlTable, path: string[], create: boolean): TomlTable | undefined {
  let t = root;
  for (const key of path) {
    let next = Object.hasOwn(t, key) ? t[key] : undefined;
    if (Array.isArray(next)) next = next[next.length - 1];
    if (next === undefined) {
      if (!create) return undefined;
      next = {};
      t[key] = next;
    }
    if (!isTable(next)) throw new TomlError('not a table');
    t = next;
  }
  return t;
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  document(): TomlTable {
    const root: TomlTable = {};
    let current = root;
    for (;;) {
      this.skip(true);
      if (this.i >= this.s.length) return root;
      if (this.s.startsWith('[[', this.i)) {
        this.i += 2;
        const path = this.keyPath();
        this.expect(']]');
        const parent = tableAt(root, path.slice(0, -1), true) as TomlTable;
        const last = path[path.length - 1];
        const list = Object.hasOwn(parent, last) ? parent[last] : (parent[last] = []);
        if (!Array.isArray(list)) throw new TomlError('not an array of tables');
        current = {};
        list.push(current);
      } else if (this.s[this.i] === '[') {
        this.i++;
        const path = this.keyPath();
        this.expect(']');
        current = tableAt(root, path, true) as TomlTable;
      } else this.keyValue(current);
      this.endOfLine();
    }
  }

  /** `a.b."c d" = value` into `table`. */
  private keyValue(table: TomlTable): void {
    const path = this.keyPath();
    this.expect('=');
    this.skip(false);
    const target = tableAt(table, path.slice(0, -1), true) as TomlTable;
    const last = path[path.length - 1];
    if (Object.hasOwn(target, last)) throw new TomlError('key defined twice');
    target[last] = this.value();
  }

  private keyPath(): string[] {
    const path: string[] = [];
    for (;;) {
      this.skip(false);
      const c = this.s[this.i];
      if (c === '"' || c === "'") path.push(this.string());
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(this.s.slice(this.i, this.i + 256));
        if (!m) throw new TomlError('bad key');
        path.push(m[0]);
        this.i += m[0].length;
      }
      this.skip(false);
      if (this.s[this.i] !== '.') return path;
      this.i++;
    }
  }

  private value(): TomlValue {
    const c = this.s[this.i];
    if (c === '"' || c === "'") return this.string();
    if (c === '[') {
      this.i++;
      const out: TomlValue[] = [];
      for (;;) {
        this.skip(true);
        if (this.s[this.i] === ']') break;
        out.push(this.value());
        this.skip(true);
        if (this.s[this.i] === ',') this.i++;
        else if (this.s[this.i] !== ']') throw new TomlError('bad array');
      }
      this.i++;
      return out;
    }
    if (c === '{') {
      this.i++;
      const out: TomlTable = {};
      this.skip(false);
      if (this.s[this.i] === '}') return (this.i++, out);
      for (;;) {
        this.keyValue(out);
        this.skip(false);
        const d = this.s[this.i++];
        if (d === '}') return out;
        if (d !== ',') throw new TomlError('bad inline table');
      }
    }
    const m = /^(?:\d{4}-\d\d-\d\d[ T]\d[\d:.+Z-]*|[A-Za-z0-9_:.+-]+)/.exec(
      this.s.slice(this.i, this.i + 64),
    );
    if (!m) throw new TomlError('bad value');
    this.i += m[0].length;
    return m[0];
  }

  private string(): string {
    const q = this.s[this.i];
    const multi = this.s.startsWith(q.repeat(3), this.i);
    const close = multi ? q.repeat(3) : q;
    this.i += close.length;
    // a newline right after the opening quotes is dropped
    if (multi && this.s[this.i] === '\n') this.i++;
    else if (multi && this.s.startsWith('\r\n', this.i)) this.i += 2;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) throw new TomlError('unterminated string');
      if (this.s.startsWith(close, this.i) && !(multi && this.s[this.i + 3] === q)) {
        this.i += close.length;
        return out;
      }
      const c = this.s[this.i++];
      if (c === '\n' && !multi) throw new TomlError('newline in string');
      if (c !== '\\' || q === "'") {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        '"': '"',
        '\\': '\\',
        b: '\b',
        f: '\f',
        e: '\x1b',
      };
      if (Object.hasOwn(simple, e)) out += simple[e];
      else if (e === 'u' || e === 'U') {
        const n = e === 'u' ? 4 : 8;
        out += String.fromCodePoint(parseInt(this.s.slice(this.i, this.i + n), 16) || 0xfffd);
        this.i += n;
      } else if (multi && /\s/.test(e)) {
        // a line-ending backslash: the whitespace and newlines after it are dropped
        while (/\s/.test(this.s[this.i] ?? '')) this.i++;
      } else throw new TomlError('bad escape');
    }
  }

  /** Skips blanks and comments (and newlines when `lines`). */
  private skip(lines: boolean): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || (lines && (c === '\n' || c === '\r'))) this.i++;
      else if (c === '#') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else return;
    }
  }

  private endOfLine(): void {
    this.skip(false);
    if (this.i < this.s.length && this.s[this.i] !== '\n' && this.s[this.i] !== '\r')
      throw new TomlError('text after a value');
  }

  private expect(tok: string): void {
    this.skip(false);
    if (!this.s.startsWith(tok, this.i)) throw new TomlError(`expected ${tok}`);
    this.i += tok.length;
  }
}

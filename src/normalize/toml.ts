/**
 * TOML documents as task runners' config files use them (mise.toml, pixi.toml, pyproject.toml),
 * read with the smol-toml library and given back in the shape the task readers walk: every
 * leaf as its text (numbers, booleans and dates too), arrays and tables as they are. Pure. A
 * document the library refuses (bad syntax, a key defined twice) or one longer than MAX_TOML
 * is not read: tomlParse gives undefined, and the caller treats the file as one it cannot read
 * (fail closed).
 */
import { parse, TomlDate } from 'smol-toml';

/** A TOML value: a string (numbers, booleans and dates as their text), an array or a table. */
export type TomlValue = string | TomlValue[] | TomlTable;
/** A TOML table: key → value. */
export interface TomlTable {
  [key: string]: TomlValue;
}

/** Longest document read (chars). */
const MAX_TOML = 256 * 1024;

/** One parsed value as a TomlValue (leaves as text: `1`, `true`, a date in ISO 8601 form). */
function shape(v: unknown): TomlValue {
  if (Array.isArray(v)) return v.map(shape);
  if (v instanceof TomlDate) return v.toISOString();
  if (typeof v === 'object' && v !== null) {
    const t: TomlTable = {};
    for (const [k, x] of Object.entries(v)) t[k] = shape(x);
    return t;
  }
  return String(v);
}

/** The document's tables and values; undefined = not read (see the module comment). */
export function tomlParse(text: string): TomlTable | undefined {
  if (text.length > MAX_TOML) return undefined;
  try {
    return shape(parse(text)) as TomlTable;
  } catch {
    // fail closed: the caller reads an unreadable document as unknown code
    return undefined;
  }
}

/**
 * curl 8's variables: `--variable name=value`, `name@file` (`@-` = stdin), `%ENV` (from the
 * environment, `%ENV=default` when unset) and the `--expand-OPTION` spelling of any option,
 * whose `{{name}}` / `{{name:trim:json:url:b64}}` references are replaced before the option
 * is read. Files and stdin are read through ctx.readFile; the environment is never known here.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';

/** Variable name → value; undefined = set, but its value cannot be known statically. */
export type CurlVars = Map<string, string | undefined>;

/** Reads one `--variable` value into `vars`. */
export function setCurlVariable(
  vars: CurlVars,
  spec: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): void {
  const env = spec.startsWith('%');
  const body = env ? spec.slice(1) : spec;
  const m = /^([A-Za-z0-9_]+)(?:([=@])([\s\S]*))?$/.exec(body);
  if (!m) return;
  const [, name, sep, rest] = m;
  if (env) {
    // The environment is not known statically; a default only applies when the variable is unset.
    vars.set(name, undefined);
    return;
  }
  if (sep === '=') vars.set(name, rest);
  else if (sep === '@') vars.set(name, readPayloadFile(rest, cmd, ctx).text);
}

/**
 * `text` with its `{{name}}` references replaced. `unknown` is true when a reference names a
 * variable whose value is not known (from the environment, an unreadable file, never set);
 * such a reference is kept as `$name` so the text still shows where it goes.
 */
export function expandCurl(text: string, vars: CurlVars): { text: string; unknown: boolean } {
  let unknown = false;
  const out = text.replace(/\{\{([A-Za-z0-9_]+)((?::[a-z0-9]+)*)\}\}/g, (_, name: string, fns: string) => {
    const v = vars.get(name);
    if (v === undefined) {
      unknown = true;
      return `$${name}`;
    }
    return fns
      .split(':')
      .filter(Boolean)
      .reduce((acc, fn) => applyFunction(acc, fn), v);
  });
  return { text: out, unknown };
}

function applyFunction(v: string, fn: string): string {
  if (fn === 'trim') return v.trim();
  if (fn === 'json') return JSON.stringify(v).slice(1, -1);
  if (fn === 'url') return encodeURIComponent(v);
  if (fn === 'b64') return Buffer.from(v).toString('base64');
  return v;
}

/**
 * Languages read through a language the code scanner already reads, rewritten as it:
 * Hy (`hy -c`, Lisp syntax for Python) as the Python it compiles to, and Raku (`raku -e`,
 * `perl6 -e`) as Perl. Only what the scanners look for needs to survive the rewrite: calls
 * with their arguments, string literals, the names of the environment and home folder.
 * Pure text to text.
 */
import { readForms, type Node } from './sexp-reader.js';

/** Hy's name mangling: `delete-file` → `delete_file`, `foo?` → `is_foo`. */
const hyName = (s: string): string => s.replace(/-/g, '_').replace(/^(.*)\?$/, 'is_$1');

/** One Hy form as a Python expression. */
function hyExpr(n: Node, depth = 0): string {
  if (n.t === 'str') return JSON.stringify(n.v);
  if (n.t === 'sym') return hyName(n.v);
  if (depth > 64) return '__hy_form__';
  const [h, ...rest] = n.items;
  const args = rest.map((x) => hyExpr(x, depth + 1));
  // `[a b]` (read as a list with a value first) and `(quote …)` are data: a Python list
  if (!h || h.t !== 'sym') return `[${n.items.map((x) => hyExpr(x, depth + 1)).join(', ')}]`;
  if (h.v === 'quote')
    return rest[0]?.t === 'list'
      ? `[${rest[0].items.map((x) => hyExpr(x, depth + 1)).join(', ')}]`
      : args.join('');
  if (h.v === 'import' || h.v === 'require')
    return rest.map((x) => `import ${hyExpr(x, depth + 1)}`).join('\n');
  if (h.v === 'setv') {
    const out: string[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) out.push(`${args[i]} = ${args[i + 1]}`);
    return out.join('\n');
  }
  // `(.method obj a …)` → `obj.method(a, …)`
  if (h.v.startsWith('.') && h.v.length > 1 && args.length)
    return `${args[0]}${hyName(h.v)}(${args.slice(1).join(', ')})`;
  // `(f a :key v)` → `f(a, key=v)`
  const call: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const x = rest[i];
    if (x.t === 'sym' && /^:[\w-]+$/.test(x.v) && rest[i + 1])
      call.push(`${hyName(x.v.slice(1))}=${args[++i]}`);
    else call.push(args[i]);
  }
  return `${hyName(h.v)}(${call.join(', ')})`;
}

/** Hy source → the Python it runs, one statement per top-level form. */
export function hyToPython(source: string): string {
  return readForms(source)
    .map((f) => hyExpr(f))
    .join('\n');
}

/** A Raku word list (`<rm -rf>`) as Perl's quoted words (`'rm','-rf'`). */
const words = (list: string): string =>
  list
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `'${w.replace(/['\\]/g, '\\$&')}'`)
    .join(',');

/** Raku source → Perl the Perl reader understands. */
export function rakuToPerl(source: string): string {
  return (
    source
      // the environment and the home folder (as getenv('X'): no braces, which would end an
      // argument list written without parentheses)
      .replace(
        /%\*ENV<(\w+)>|%\*ENV\{\s*['"](\w+)['"]\s*\}/g,
        (_m, a?: string, b?: string) => `getenv('${a ?? b}')`,
      )
      .replace(/\$\*HOME\b/g, "getenv('HOME')")
      // `run <rm -rf>, X` / `shell 'cmd'` / `Proc::Async.new(…).start` run commands (an argv / a shell line)
      .replace(
        /\b(run|shell|Proc::Async\.new)(\s*\(?\s*)<([^<>\n]*)>/g,
        (_m, f: string, sp: string, l: string) => `${f}${sp}${words(l)}`,
      )
      .replace(/\b(?:run|shell|Proc::Async\.new)\b(?!\s*[=:])/g, 'system')
      // `my @cmd = <rm -rf>`: a list of words
      .replace(/([=,(]\s*)<([^<>\n=]*)>/g, (_m, p: string, l: string) => `${p}(${words(l)})`)
      // `'/srv'.IO.rmdir`, `$path.IO.unlink`: the path's deletion
      .replace(/(\S+?)\.IO\.(?:unlink|rmdir|rmtree)\b/g, 'unlink($1)')
      // HTTP clients as Perl's: HTTP::UserAgent and Cro::HTTP::Client as LWP::UserAgent,
      // HTTP::Request and HTTP::Tiny as themselves (`HTTP::Request.new(DELETE => URL)`)
      .replace(/\b(?:HTTP::UserAgent|Cro::HTTP::Client|LWP::UserAgent)\.(new\b)?/g, (_m, n?: string) =>
        n ? 'LWP::UserAgent->new' : 'LWP::UserAgent->new.',
      )
      .replace(/\b(HTTP::Request|HTTP::Tiny)\.new\b/g, '$1->new')
      // their request methods called on a client (`$ua.delete(URL)`, `….new.request(…)`)
      .replace(
        /(\$[\w-]+|\)|\bnew)\.(get|post|put|patch|delete|head|request)\b/g,
        (_m, r: string, f: string) => `${r}->${f}`,
      )
  );
}

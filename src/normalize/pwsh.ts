/**
 * PowerShell inline commands: `pwsh -Command '…'` (`-c`, `-EncodedCommand` in base64
 * UTF-16LE). What a statement does becomes the effects the other interpreters produce
 * (interpreters.ts turns them into synthetic commands): `Remove-Item` and its aliases, and
 * what `Get-ChildItem` pipes into it, delete (`rm -rf PATH`); `Invoke-RestMethod`,
 * `Invoke-WebRequest` and Microsoft Graph's `Invoke-MgGraphRequest` send a request (`curl -X
 * METHOD URL -H HEADER -d BODY`; hashtable literals `@{…}` are one word, read for headers and
 * form fields); a statement of native
 * commands runs as it would in a shell. `Invoke-Expression` runs a string not known
 * statically (dynamic). Other cmdlets (`Verb-Noun`) run as commands of their name with
 * their words, for the extractors that read them by name. Pure: no I/O.
 */
import { joinFields } from './fields.js';
import { lit, type Field } from './state.js';
import type { Effect } from './codescan.js';
import { hashtable, lex, type Word } from './pwsh-lex.js';
import { withValues, wordJson } from './pwsh-values.js';
import { post } from './codescan-graphql-clients.js';
import { providerPath } from './pwsh-providers.js';

/** The programs that run PowerShell. */
export function isPwsh(prog: string): boolean {
  return /^(pwsh|powershell)(\.exe)?$|^pwsh-preview$/i.test(prog);
}

/** Options of pwsh that take a value and are not the command. */
export const VALUE_OPTS =
  /^-(ex|exe|exec|execu|execut|executi|executio|execution|executionp\w*|w|wi|win\w*|in\w*|ou\w*|wo\w*|workingdirectory|cu\w*|se\w*|conf\w*)$/i;

/**
 * The command text of `pwsh … -Command X` / `-EncodedCommand X`; `{file}` = a script file runs
 * (`-File F`, or a first operand `F.ps1`); undefined = none given (pwsh then reads its commands
 * from stdin, as for `-Command -`).
 */
export function pwshCommand(argv: Field[]): Field | { file: Field } | undefined {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (/^-(c|co|com|comm|comma|comman|command)$/i.test(t)) {
      const rest = argv.slice(i + 1);
      if (rest.length === 1 && rest[0].text === '-' && !rest[0].dynamic) return undefined;
      return joinFields(rest);
    }
    if (/^-(e|ec|en|enc|enco|encod|encode|encoded|encodedc\w*)$/i.test(t)) {
      const v = argv[i + 1];
      if (!v || v.dynamic) return { text: '', dynamic: true };
      // fail closed: what does not decode is not readable statically
      const text = Buffer.from(v.text, 'base64').toString('utf16le');
      return /^[A-Za-z0-9+/=\s]+$/.test(v.text) && text
        ? { text, dynamic: false }
        : { text: '', dynamic: true };
    }
    if (/^-(f|fi|fil|file)$/i.test(t)) return { file: argv[i + 1] ?? { text: '', dynamic: true } };
    if (VALUE_OPTS.test(t)) i++;
    else if (!t.startsWith('-')) {
      // `pwsh ./x.ps1 args…`: the script runs
      if (/\.ps1$/i.test(t) && !/\s/.test(t)) return { file: argv[i] };
      // `pwsh 'Remove-Item …'`: the rest is the command
      const rest = argv.slice(i);
      return joinFields(rest);
    }
  }
  return undefined;
}

const REMOVE = /^(remove-item|ri|del|erase|rd)$/i;
const LIST = /^(get-childitem|gci|dir|get-item|gi)$/i;
const HTTP = /^(invoke-restmethod|irm|invoke-webrequest|iwr|invoke-mggraphrequest)$/i;
const EVAL = /^(invoke-expression|iex)$/i;
/** PSGraphQL's cmdlet and its aliases. */
const GRAPHQL = /^(invoke-graphqlquery|invoke-graphqlmutation|gql)$/i;
/** A cmdlet or function name (`Verb-Noun`), an alias above, or a language keyword: not a native command. */
const CMDLET =
  /^[a-z]+-[a-z][a-z0-9]*$|^(if|else|elseif|foreach|for|while|do|switch|function|param|return|try|catch|finally|throw|exit)$/i;
const isCmdlet = (name: string) => [CMDLET, REMOVE, LIST, HTTP, EVAL, GRAPHQL].some((re) => re.test(name));

/** Values of a cmdlet's parameters: named (`-Path P`, `-Path:P`) and positional; `switches`: the parameters that take no value. */
function params(words: Word[], switches: RegExp): { named: Map<string, Word>; pos: Word[] } {
  const named = new Map<string, Word>();
  const pos: Word[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(w.text);
    if (!m || w.raw.startsWith("'") || w.raw.startsWith('"')) {
      pos.push(w);
      continue;
    }
    const name = m[1].toLowerCase();
    if (m[2] !== undefined) named.set(name, { ...w, text: m[2] });
    // a switch takes no value word
    else if (!switches.test(name) && i + 1 < words.length) named.set(name, words[++i]);
  }
  return { named, pos };
}

/** The named parameter whose name `re` matches (any unique prefix PowerShell accepts). */
function named(p: ReturnType<typeof params>, re: RegExp): Word | undefined {
  for (const [k, v] of p.named) if (re.test(k)) return v;
  return undefined;
}

const field = (w: Word, home: string): Field => ({
  text: w.text.replace(/^~(?=\/|$)/, home),
  dynamic: w.dynamic,
});

/** A word whose text is a JSON object (`-Variables '{"id": "x"}'`); undefined = not one. */
function jsonText(w: Word): string | undefined {
  try {
    return !w.dynamic && w.text.trim().startsWith('{') ? JSON.stringify(JSON.parse(w.text)) : undefined;
  } catch {
    return undefined;
  }
}

/** The paths a Remove-Item / Get-ChildItem segment names. */
function paths(seg: Word[], home: string): Field[] {
  const p = params(
    seg,
    /^(r|re|rec|recu|recur|recurs|recurse|f|fo|for|forc|force|wh\w*|co\w*|whatif|confirm)$/,
  );
  const out = [named(p, /^(p|pa|pat|path|l|li|lit\w*|pspath|lp)$/), ...p.pos].filter((w): w is Word => !!w);
  return out.flatMap((w) => {
    // `$env:TEMP\x` (bare or in double quotes): a name in the user's temp space, read as `$TMPDIR/x` is
    const tmp = /^"?\$env:(?:temp|tmp)((?:[\\/][\w.+@-]+)+)[\\/]?"?$/i.exec(w.raw);
    if (tmp) return [{ text: `$TMPDIR${tmp[1].replace(/\\/g, '/')}`, dynamic: true }];
    // `.\bin, .\obj`: a list (an empty item is no path)
    return w.text
      .split(',')
      .filter((t) => t.trim() !== '')
      .map((t) => field({ ...w, text: t.trim() }, home));
  });
}

/** A statement that starts with a variable or its property and calls nothing (no parentheses). */
function isExpression(segs: Word[][]): boolean {
  return /^\$[\w:]+(?:\.\w+)*$/.test(segs[0][0].raw) && !segs.some((s) => s.some((w) => w.raw.includes('(')));
}

/** The effects of inline PowerShell code (see the header). */
export function scanPwsh(code: string, home: string): Effect[] {
  const out: Effect[] = [];
  for (const segs of withValues(lex(code))) {
    if (!segs.some((s) => isCmdlet(s[0].text))) {
      // An expression (`$_.State.Name -eq 'running'` in a `Where-Object` block) runs no
      // command; one that calls a method or a subexpression (`$c.Delete()`, `$(…)`) is read on.
      if (isExpression(segs)) continue;
      // Native commands only: the statement runs as it would in a shell.
      out.push({
        kind: 'shell',
        script: { text: segs.map((s) => s.map((w) => w.raw).join(' ')).join(' | '), dynamic: false },
      });
      continue;
    }
    segs.forEach((seg, n) => {
      const name = seg[0].text;
      if (REMOVE.test(name)) {
        // `-WhatIf` only shows what would be deleted
        if (seg.some((w) => /^-wh\w*(:\$?true)?$/i.test(w.text))) return;
        // Piped from Get-ChildItem (or Get-Item): what it listed; else the paths named.
        const from = n > 0 && LIST.test(segs[n - 1][0].text) ? paths(segs[n - 1], home) : [];
        const targets = from.length
          ? from.map((f) => ({ ...f, text: f.text.replace(/\/?$/, '/*') }))
          : paths(seg, home);
        if (targets.length === 0) targets.push({ text: '(pipeline input)', dynamic: true });
        // a provider path (`FileSystem::C:\Users`, `Cert:\…`, `Env:\X`) or a share (`\\srv\x`)
        // is read by the cmdlet's own reader (src/extract/fs-pwsh-delete.ts), never as a
        // name in the workspace
        if (targets.some((t) => !t.dynamic && (providerPath(t.text) || /^(\\\\|\/\/)/.test(t.text))))
          out.push({ kind: 'exec', argv: [lit('Remove-Item'), ...targets, lit('-Recurse'), lit('-Force')] });
        else for (const t of targets) out.push({ kind: 'rm', target: t });
      } else if (HTTP.test(name)) {
        const p = params(
          seg,
          /^(usedefaultcredentials|usebasicparsing|skip\w*|passthru|disable\w*|allow\w*|resume)$/,
        );
        const uri = named(p, /^(u|ur|uri)$/) ?? p.pos[0];
        const method = named(p, /^(m|me|met|meth|metho|method|cu\w*)$/);
        // piped into (`Get-StoredCredential | ConvertTo-Json | Invoke-RestMethod -Method Post`), the
        // pipeline's output is the body: written as the substitution of the stages before it
        const piped =
          n > 0
            ? `$(${segs
                .slice(0, n)
                .map((s) => s.map((w) => w.raw).join(' '))
                .join(' | ')})`
            : '';
        const body = named(p, /^(b|bo|bod|body|inf\w*)$/);
        // `-Headers @{…}` (an override header among them); a `-Body @{…}` is sent as form fields
        const headers = hashtable(named(p, /^(he|hea|head|heade|header|headers)$/)?.raw ?? '');
        const form = body ? hashtable(body.raw) : undefined;
        const formText = form?.map((e) => `${e.key}=${e.value.text}`).join('&');
        out.push({
          kind: 'http',
          method: method ? (method.dynamic ? 'DYNAMIC' : method.text.toUpperCase()) : body ? 'POST' : 'GET',
          url: uri ? field(uri, home) : { text: '', dynamic: true },
          ...(piped && !body ? { bodyPiped: piped } : {}),
          ...(formText !== undefined
            ? { body: formText }
            : body
              ? body.dynamic
                ? { bodyUnknown: true }
                : { body: body.text }
              : {}),
          ...(headers?.length ? { headers: headers.map((e) => `${e.key}: ${e.value.text}`) } : {}),
        });
      } else if (GRAPHQL.test(name)) {
        // Invoke-GraphQLQuery [-Query] DOC [-Uri] URL [-Headers H] [-Variables V]: a POST of the document
        const p = params(seg, /^(raw|asjson|json|r|escapequery)$/);
        const doc = named(p, /^(q|qu\w*|m|mu\w*)$/) ?? p.pos[0];
        const uri = named(p, /^(u|ur|uri)$/) ?? p.pos[named(p, /^(q|qu\w*|m|mu\w*)$/) ? 0 : 1];
        const vars = named(p, /^(v|va\w*)$/);
        out.push(
          post(
            uri ? field(uri, home) : { text: '', dynamic: true },
            doc && !doc.dynamic ? doc.text : undefined,
            vars ? (wordJson(vars) ?? jsonText(vars)) : undefined,
          ),
        );
      } else if (EVAL.test(name)) {
        // fail closed: a string run as code is not read here
        out.push({ kind: 'dynamic', text: seg.map((w) => w.raw).join(' ') });
      } else if (CMDLET.test(name) && name.includes('-')) {
        // Any other cmdlet runs as a command of its name, so extractors read its words
        // (`Set-MpPreference -DisableRealtimeMonitoring $true`); `$true`/`$false` are literals.
        out.push({
          kind: 'exec',
          argv: seg.map((w) =>
            /^\$(true|false|null)$/i.test(w.text) ? { text: w.text, dynamic: false } : field(w, home),
          ),
        });
      }
    });
  }
  return out;
}

/**
 * Secrets recognised by the command line they are given on: single-dash password options
 * (`-pw X`, `-pass X`, `-storepass X`, `-hashes LM:NT`), options that mean a password only
 * for some programs (`-P` of the SQL Server and Sybase clients, where it is a port for ssh
 * or mysql; `-p` of the remote-login and directory tools; `-s` of gsocket, whose secret alone
 * grants its shell), `user%pass` of the Samba clients, `/p:` of FreeRDP, and the
 * `[domain/]user:password[@host]` target word of the impacket scripts.
 *
 * A program-keyed pattern starts at the option and looks back for the program's name earlier
 * on the same command (a path before it is fine; no newline, `;`, `&` or `|` between). Its
 * triggers are the options, not the program names: names such as `net`, `zip` or `mysql`
 * sit inside common words, and as triggers they made the vector pre-filter pass far more
 * of every text (a third of the masker's time on relayed output). The value is one shell
 * word, or the text inside the single or double quotes right after the option.
 */
import type { SecretPattern } from './formats.js';
import { ahead, alt, behind, cls, escape, lit, opt, seq, type Node } from './pattern.js';
import { IMPACKET, PROGRAM_OPTIONS, type ProgramOption } from './context-flag-programs.js';

/** Unquoted word value: up to whitespace, a quote or a shell operator. */
const WORD = '[^\\s\'"`;&|<>]';
/** The rest of one command after its program name: never past a newline or an operator. */
const SPAN: Node = cls('[^\\n;&|]', 0, 240, true);
/**
 * One of `programs` (not inside a longer name or path part, followed by a blank; as typed, in
 * upper case or with `.exe`, as on Windows) earlier on the same command, read backwards from
 * where the value starts: up to 260 chars between them (the option and what precedes its
 * value included), no newline, `;`, `&` or `|` (an operator inside quotes ends it too: a
 * simple class keeps the look back linear).
 */
const programBefore = (programs: string[]): Node => {
  const names = [...new Set(programs.flatMap((p) => [p, p.toUpperCase()]))].map(escape).join('|');
  return behind(`(?<=(?<![A-Za-z0-9_.-])(?:${names})(?:\\.[Ee][Xx][Ee])?(?=[ \\t])[^\\n;&|]{1,260})`);
};
/**
 * The char before a program-keyed option, part of the match (and of its trigger): a blank
 * or a quote. The pre-filter then passes ` -p` but not `-p` inside `--password`.
 */
const BEFORE_OPTION = [' ', '\t', "'", '"'];
/** A word starts here: after a blank or a quote. */
const WORD_START = behind('(?<=[\\s"\'])');
/** Not inside a longer name or path part. */
const NAME_START = behind('(?<![A-Za-z0-9_.-])');
/** The program name ends here (arguments follow). */
const NAME_END = ahead('(?=[ \\t])');
/**
 * The value is one word; a `)` ending it belongs to the text around it (a reader's
 * `(pscp -pw X)`), a `)` inside it is the password's. Lazy value + this end.
 */
const WORD_END: Node = ahead('(?=\\)?(?:[\\s\'"`;&|<>]|$))', {
  partial: '(?=\\)?$)',
  mid: '(?=\\)?[\\s\'"`;&|<>])',
});
/** Blanks or `=` between an option and its value (`\\=` as a shell-quoted command line spells it). */
const OPT_SEP: Node = alt(cls('[ \\t]', 1, 4), lit('=', '\\='));
/** How each OPT_SEP begins: an option followed by one of these is a trigger. */
const SEP_STARTS = [' ', '\t', '=', '\\='];

/**
 * Single-dash options that take a password whatever the program (PuTTY's `-pw`, kadmin's
 * `cpw|addprinc -pw`, mailsend's `-pass`, keytool's `-storepass`, impacket's `-hashes` and
 * `-aesKey`). openssl's `-pass|-passin|-passout env:VAR|file:PATH|fd:N|stdin` name where the
 * password is, not the password: not masked.
 */
const ANY_PROGRAM_OPTIONS = [
  'pw',
  'pass',
  'passwd',
  'password',
  'passin',
  'passout',
  'storepass',
  'keypass',
  'srcstorepass',
  'deststorepass',
  'srckeypass',
  'destkeypass',
  'hashes',
  'aesKey',
];

/** How a value is written: a bare word, or in single or double quotes (`-pw 'a b'`). */
type Quoting = '' | "'" | '"';
const QUOTINGS: Quoting[] = ['', "'", '"'];

/** The value and what ends it, for a quoting: a word up to WORD_END, or the rest of the quotes. */
const valueOf = (q: Quoting): Pick<SecretPattern, 'value' | 'tail'> =>
  q
    ? { value: [cls(`[^${q}\\n]`, 1, 512)], tail: [lit(q)] }
    : { value: [cls(WORD, 1, 512, true)], tail: [WORD_END] };

/** `-pw X`, `-pass=X`, `-pw 'X Y'`, …: see ANY_PROGRAM_OPTIONS. */
const anyProgram = (q: Quoting): SecretPattern => {
  const v = valueOf(q);
  return {
    id: 'dash-flag',
    title: 'single-dash password option (-pw X, -pass X, -storepass X, -hashes LM:NT)',
    kind: 'context',
    lead: [
      behind('(?<![A-Za-z0-9_-])'),
      lit('-'),
      lit(...ANY_PROGRAM_OPTIONS),
      OPT_SEP,
      ...(q ? [lit(q)] : []),
    ],
    value: [ahead('(?!(?:env|file|fd)\\\\?:|stdin(?![^\\s]))'), ...v.value],
    tail: v.tail,
    vet: 'strict',
    trigger: ANY_PROGRAM_OPTIONS.flatMap((o) => SEP_STARTS.map((sep) => `-${o}${sep}`)),
  };
};

/**
 * Short options (`-P`, `-s`, `-U`) of a program whose options are read the getopt way: the
 * value may also be glued (`-PSECRET`, `-Uuser%SECRET`), as such programs accept.
 */
const glued = (o: ProgramOption): boolean => !o.attached && o.option.every((x) => /^-[A-Za-z]$/.test(x));

/** The triggers of an option: the char before it, the option, and its separator when one is required. */
const triggersOf = (o: ProgramOption): string[] =>
  BEFORE_OPTION.flatMap((b) =>
    o.option.flatMap((x) => (o.attached || glued(o) ? [b + x] : SEP_STARTS.map((sep) => b + x + sep))),
  );

/** The scanner's family of an option: its triggers, case aside (`-P` and `-p` share one). */
const familyOf = (o: ProgramOption): string =>
  [...new Set(triggersOf(o).map((t) => t.toLowerCase()))].sort().join('\0');

/**
 * Per family, one look back for the programs of all its options, right after the char before
 * the option: the family's gate tests it once per trigger, and most triggers end there (in a
 * text where ` -p` is common, one look back instead of one per option and quoting). Each
 * pattern's own look back, at the value, still decides.
 */
const FAMILY_PROGRAMS = new Map<string, string[]>();
for (const o of PROGRAM_OPTIONS)
  FAMILY_PROGRAMS.set(familyOf(o), [...(FAMILY_PROGRAMS.get(familyOf(o)) ?? []), ...o.programs]);

/** One ProgramOption as a pattern: the option (after the program's name), the value. */
function programOption(o: ProgramOption, q: Quoting): SecretPattern {
  return {
    id: o.id,
    title: `${o.option.join(' or ')} of ${o.programs.slice(0, 3).join(', ')}…`,
    kind: 'context',
    lead: [
      lit(...BEFORE_OPTION),
      programBefore(FAMILY_PROGRAMS.get(familyOf(o))!),
      lit(...o.option),
      ...(o.attached ? [] : [glued(o) ? opt(OPT_SEP) : OPT_SEP]),
      ...(q ? [lit(q)] : []),
      ...(o.prefix ?? []),
      // the look back (the costly part) last: it runs only where the option, its separator
      // and the value's quoting all fit
      programBefore(o.programs),
    ],
    ...valueOf(q),
    vet: 'strict',
    trigger: triggersOf(o),
    // the family's look back above, as a cheap walk: it ends after the blank or quote
    before: { programs: FAMILY_PROGRAMS.get(familyOf(o))!, at: 1 },
    nameIsId: true,
  };
}

/** impacket's `[domain/]user:password[@target]`: the password up to the last `@` of the word. */
const impacketTarget: SecretPattern = {
  id: 'target-password',
  title: "impacket's [domain/]user:password@target word",
  kind: 'context',
  lead: [
    NAME_START,
    alt(seq(lit('impacket-'), lit(...IMPACKET)), seq(lit(...IMPACKET), lit('.py'))),
    NAME_END,
    SPAN,
    WORD_START,
    opt(seq(cls('[A-Za-z0-9_.-]', 1, 100), lit('/'))),
    cls('[^\\s:/@\'"]', 1, 100),
    lit(':'),
    ahead('(?!/)'),
  ],
  value: [cls('[^\\s\'"]', 1, 256, true)],
  tail: [
    ahead('(?=@[^\\s@\'"()]*\\)?(?:[\\s\'"]|$)|\\)?(?:[\\s\'"]|$))', {
      partial: '(?=@[^\\s@\'"()]*\\)?$|\\)?$)',
      mid: '(?=@[^\\s@\'"()]*\\)?[\\s\'"]|\\)?[\\s\'"])',
    }),
  ],
  vet: 'strict',
  // `.py` and a blank (NAME_END), or the end of `impacket-` (its start, `imp`, begins every
  // `import`): the match starts at the script's name before it
  trigger: ['.py ', '.py\t', 'ket-'],
  back: '[A-Za-z0-9_-]',
  nameIsId: true,
};

/** Every command-line pattern of this module (context.ts lists them with the key-name ones). */
export const FLAG_CONTEXTS: SecretPattern[] = [
  ...QUOTINGS.map(anyProgram),
  ...PROGRAM_OPTIONS.flatMap((o) => QUOTINGS.map((q) => programOption(o, q))),
  impacketTarget,
];

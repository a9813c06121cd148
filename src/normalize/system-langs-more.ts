/**
 * More languages read for what they run and delete, by the readers of system-langs.ts:
 * - Smalltalk: GNU Smalltalk (`gst`, code on stdin or in a file; `gst-remote --eval`), Pharo
 *   and Squeak (`pharo IMAGE eval CODE`): `Smalltalk system: 'CMD'`, `OSProcess command:`,
 *   `LibC system:|runCommand:`, `OSSUnixSubprocess new shellCommand:`, `FileStream popen:`
 *   run CMD through a shell; `'P' asFileReference delete|deleteAll|ensureDelete…`, `File
 *   remove: 'P'`, `(File name|named: 'P') remove|delete`, `(Directory name: 'P') remove|removeAll` delete P;
 * - BQN (`cbqn -e`, `bqn -e`, `-p`): `•SH ⟨"rm", "-rf", p⟩` / `•SH "rm"‿"-rf"‿p` runs the
 *   argv, `•file.Remove "P"` deletes P;
 * - APL (GNU APL `apl --eval`, Dyalog `dyalog -script` on stdin, `dyalogscript FILE`): `⎕SH
 *   'CMD'`, `⎕CMD 'CMD'` and the system commands `)HOST CMD`, `)SH CMD` run CMD, `⎕NDELETE
 *   'P'` deletes P;
 * - J (`jconsole -js SENTENCE…`): `2!:0 'CMD'`, `2!:1 'CMD'`, `shell`, `host`, `spawn_jtask_`,
 *   `fork_jtask_` run CMD, `1!:55 <'P'` and `ferase <'P'` delete P;
 * - q (kdb+, `q` on stdin or a script file): `system "CMD"` and a `\CMD …` line that is not one
 *   of q's own commands (`\t`, `\l`, `\cd` …) run CMD through a shell.
 */
import type { SystemLang } from './system-langs.js';

export const MORE_LANGS: SystemLang[] = [
  {
    progs: /^(gst|gst-remote|gsti|pharo|pharo-ui|pharo-vm|Pharo|squeak|Squeak)$/,
    code: /^(-e|--eval|eval)$/,
    value: /^(-I|--image|-K|--kernel-dir|--kernel-directory|-a)$/,
    quote: "'",
    calls: [
      [/\bSmalltalk\s+system:\s*/g, 'shell'],
      [
        /\b(?:OSProcess(?:\s+thisOSProcess)?|LibC(?:\s+uniqueInstance)?|UnixProcess)\s+(?:command|system|runCommand|waitForCommand):\s*/g,
        'shell',
      ],
      [/\bOSSUnixSubprocess\s+new\s*\)?\s*shellCommand:\s*/g, 'shell'],
      [/\b(?:FileStream|PipeStream)\s+(?:popen|execCommand|commandOutput|readOnlyFromCommand):\s*/g, 'shell'],
      [/\bFile\s+remove:\s*/g, 'rm'],
      [
        /\(\s*(?:File|Directory)\s+named?:\s*(?='(?:[^']|'')*'\s*\)\s*(?:remove|removeAll|delete|deleteAll)\b)/g,
        'rm',
      ],
    ],
    postfix: [[/^\s+asFileReference\s+(?:ensureD|d)elete(?:All)?(?:Children)?\b/, 'rm']],
  },
  {
    progs: /^(cbqn|bqn|BQN)$/,
    code: /^(-e|-p)$/,
    quote: '"',
    strand: '\u203f',
    calls: [
      [/\u2022SH\s*/g, 'argv'],
      [/\u2022file\.(?:Remove|RemoveDir)\s*/g, 'rm'],
    ],
  },
  {
    progs: /^(apl|dyalog|dyalogscript|mapl)$/,
    code: /^(--eval)$/,
    value: /^(--id|-T|--LX|-w)$/,
    quote: "'",
    calls: [
      [/\u2395(?:SH|CMD)\s*/g, 'shell'],
      [/(?:^|\n)\s*\)(?:HOST|SH|CMD)\s+/gi, 'line'],
      [/\u2395NDELETE\s*/g, 'rm'],
    ],
  },
  {
    progs: /^(jconsole|ijconsole)$/,
    code: /^-js$/,
    codeRest: true,
    quote: "'",
    calls: [
      [/(?<![\w!])2!:[01]\s*/g, 'shell'],
      [/(?<![\w.])(?:shell|host|spawn_jtask_|fork_jtask_|launch_jtask_)\s+/g, 'shell'],
      [/(?<![\w!])(?:1!:55|ferase)\s*<?\s*/g, 'rm'],
    ],
  },
  {
    progs: /^q$/,
    code: /(?!)/,
    value: /^(-p|-s|-t|-T|-w|-U|-u|-c|-C|-o|-P|-e|-g|-l|-L)$/,
    calls: [
      [/(?<![\w.])system\s*/g, 'shell'],
      [/(?:^|\n)\\(?!(?:[abBcCdeEfglopPrsStTuvwWxz12_]|cd|ts)(?:\s|$))(?=[A-Za-z])/g, 'line'],
    ],
  },
];

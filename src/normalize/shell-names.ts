/**
 * The programs that run shell code: `-c 'script'`, a script file operand, or a script read
 * from stdin. One list for every stage: normalize re-parses the script text it knows,
 * extract flags code a shell takes from a download, a decoder or an unreadable word.
 */
export const SHELLS: ReadonlySet<string> = new Set([
  'bash',
  'sh',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'ash',
  'yash',
  'posh',
  'fish',
  'rbash',
  'busybox-sh',
  'csh',
  'tcsh',
  // shells of their own syntax: simple commands read alike; what bash cannot parse asks
  // (nu has its own reader: codescan-nu.ts)
  'xonsh',
  'elvish',
  'osh',
  'ysh',
  'oksh',
  'loksh',
]);

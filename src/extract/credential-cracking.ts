/**
 * Password cracking and Kerberos ticket attacks: hash crackers run on a hash file (`hashcat
 * -m 1000 ntds.ntlm rockyou.txt`, `john --wordlist=W hashes.txt`, `hashcat --show` reveals
 * the passwords already cracked), Rubeus run with any verb but its help and local helpers
 * (`kerberoast`, `asreproast`, `dump`, `tgtdeleg`, `asktgt`, `s4u`, `golden` … pull or
 * forge tickets), and kerbrute's account enumeration and password spraying. Information
 * runs are not reported: `hashcat --benchmark|--help|--version|-I|--example-hashes`,
 * `john --list=…|--test`, `Rubeus help|hash|describe`, `kerbrute --help|version`.
 * Reads the words only.
 */

import { toolName } from './credential-attacks.js';

/** Hash crackers and the options of theirs that only print information. */
const CRACKERS: Record<string, { info: RegExp; withValue: RegExp }> = {
  hashcat: {
    info: /^(-b|--benchmark(-all)?|-h|--help|-V|--version|-I|--backend-info|--example-hashes|--hash-info|--identify|--stdout)$/,
    withValue: /^(-[moawrjkdDtTcS1234]|--session|--outfile-format|--potfile-path|--restore-file-path)$/,
  },
  john: {
    info: /^(-h|--help|--test(=.*)?|--list(=.*)?|--list-(formats|subformats)|--format=list)$/,
    withValue: /^$/,
  },
};

/** Rubeus verbs that touch no ticket and no account (help, local hashing, a ticket described). */
const RUBEUS_LOCAL = /^(help|-h|\/\?|hash|describe|currentluid|logonsession)$/i;

/** kerbrute's words that run nothing. */
const KERBRUTE_LOCAL = /^(help|version|-h|--help)$/i;

/** The cracking or ticket attack `program ARGV` runs, as a label; '' = none. */
export function crackingAttack(program: string, argv: string[]): string {
  // `./Rubeus.exe` or `.\Rubeus.exe` (bash drops the backslash: `.Rubeus.exe`), `kerbrute_linux_amd64`
  const name = toolName(program);
  const args = argv.slice(1);
  if (name === 'rubeus') {
    const verb = args.find((a) => !a.startsWith('/')) ?? '';
    return verb && !RUBEUS_LOCAL.test(verb) ? `Kerberos tickets taken by Rubeus ${verb}` : '';
  }
  if (name === 'kerbrute') {
    const verb = args.find((a) => !a.startsWith('-')) ?? '';
    return verb && !KERBRUTE_LOCAL.test(verb) ? `accounts attacked by kerbrute ${verb}` : '';
  }
  const cracker = Object.hasOwn(CRACKERS, name) ? CRACKERS[name] : undefined;
  if (!cracker) return '';
  if (args.some((a) => cracker.info.test(a))) return '';
  // a hash file named (any word that is not an option or an option's value)
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) return `passwords cracked by ${name} (${a})`;
    if (cracker.withValue.test(a)) i++;
  }
  return '';
}

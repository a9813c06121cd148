/**
 * A cmdlet's words read as PowerShell binds them: named parameters (`-Name V`, `-Name:V`, a
 * switch given no value), the words bound by position, and a parameter named by any prefix of
 * its name (PowerShell accepts `-ForwardingSmtp` for `-ForwardingSmtpAddress`). Shared by the
 * Exchange readers (exfil-mail.ts, defences-exchange.ts, privilege-mailbox.ts). Pure.
 */

/** A cmdlet's words, read. */
export interface PwshArgs {
  /** Named parameters in the order written: the name as written (lower case, without `-`) and its value (`switchValue` for a switch given no value). */
  named: { name: string; value: string }[];
  /** Words that are neither a parameter nor a parameter's value, in order (bound by position); empty = none. */
  positional: string[];
}

/** Switches common to every cmdlet (they take no value word). */
const COMMON_SWITCHES = /^(force|whatif|confirm|verbose|debug|passthru|asjob|ignoredefaultscope)$/;

/**
 * Reads `args` (the words after the cmdlet's name). `switchValue`: the value a parameter given
 * no value word has ('' unless said); `switches`: names (lower case, full) that never take a
 * value word; `unquote`: strip one pair of quotes around values.
 */
export function pwshArgs(
  args: string[],
  opts: { switchValue?: string; switches?: RegExp; unquote?: boolean } = {},
): PwshArgs {
  const named: PwshArgs['named'] = [];
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^-([a-z]\w*)(?::(.*))?$/is.exec(args[i]);
    if (!m) {
      positional.push(args[i]);
      continue;
    }
    const name = m[1].toLowerCase();
    const next = args[i + 1];
    const isSwitch = COMMON_SWITCHES.test(name) || !!opts.switches?.test(name);
    const value =
      m[2] ??
      (!isSwitch && next !== undefined && !/^-[a-z]/i.test(next) ? args[++i] : (opts.switchValue ?? ''));
    named.push({ name, value: opts.unquote ? value.replace(/^["']|["']$/g, '') : value });
  }
  return { named, positional };
}

/**
 * True when `written` (lower case) names the parameter `full` (lower case): the name itself, or a
 * prefix of it. A prefix other parameters also begin with is ambiguous and PowerShell refuses
 * the call; it is read as naming `full` all the same (fail closed).
 */
export function names(written: string, full: string): boolean {
  return written.length > 0 && full.startsWith(written);
}

/** The value of the first parameter written for one of `fulls` (any prefix, see `names`); undefined = none given. */
export function valueOf(p: PwshArgs, ...fulls: string[]): string | undefined {
  return p.named.find((n) => fulls.some((f) => names(n.name, f)))?.value;
}

/** The full name of `fulls` that `written` stands for (an exact name first, then a prefix); undefined = none. */
export function fullName(written: string, fulls: readonly string[]): string | undefined {
  return fulls.find((f) => f === written) ?? fulls.find((f) => names(written, f));
}

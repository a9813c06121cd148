/**
 * Windows' command interpreter: `cmd.exe /c "rd /s /q %USERPROFILE%\Documents && …"` (also
 * `/k`, and `/r`, its older spelling) runs the command line after the switch, which is
 * re-parsed as a shell line. cmd has no backslash escapes, so its backslashes are kept as
 * path separators (doubled for the shell reading); `&&`, `||`, `&` and `|` separate commands
 * as they do in a shell. cmd's other switches (`/q`, `/d`, `/e:on`, `/v:on`, `/s`, `/u`,
 * `/a`, `/t:fg`) come before the command and are skipped. Without `/c` or `/k` cmd reads its
 * commands from stdin (nothing to peel). Reads only the words of the command line.
 */
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';

const cmdExe: Peeler = (args) => {
  const at = args.findIndex((a) => /^\/[ckr]$/i.test(a.text));
  if (at < 0) return undefined;
  const rest = args.slice(at + 1);
  const script: Field = {
    text: rest.map((f) => f.text.replace(/\\/g, '\\\\')).join(' '),
    dynamic: rest.some((f) => f.dynamic),
  };
  return { label: 'cmd /c', argv: [], script };
};

/** cmd.exe's names → its peeler (the command line after /c or /k is read as the command run). */
export const CMD_EXE: Record<string, Peeler> = { cmd: cmdExe, 'cmd.exe': cmdExe, 'CMD.EXE': cmdExe };

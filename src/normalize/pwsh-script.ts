/**
 * A script typed as PowerShell (`Get-EC2Snapshot | ForEach-Object { Remove-EC2Snapshot … }`,
 * `Grant-EC2SecurityGroupIngress -IpPermission @{…; IpRanges='0.0.0.0/0'}`): bash splits such a
 * line where PowerShell does not (a hashtable's `;`, a script block's braces, `$_` and `$false`
 * read as shell variables), so a script whose own commands are cmdlets is also read as
 * PowerShell (pwsh.ts), as `pwsh -Command SCRIPT` would be; its commands join the bash
 * reading's (strictest verdict wins). A script with no cmdlet of its own is left as it is. Pure.
 */
import type { AnalyzeContext } from '../engine/types.js';
import type { K } from './emit.js';
import { applyPwsh } from './interpreters.js';
import { newScope, type Run } from './state.js';

/** PowerShell's approved verbs (`Get-Verb`), with the pipeline cmdlets' `ForEach`, `Where`, `Sort`, `Tee`. */
const VERBS = new Set(
  (
    'add approve assert backup block build checkpoint clear close compare complete compress confirm ' +
    'connect convert convertfrom convertto copy debug deny deploy disable disconnect dismount edit ' +
    'enable enter exit expand export find foreach format get grant group hide import initialize ' +
    'install invoke join limit lock measure merge mount move new open optimize out ping pop protect ' +
    'publish push read receive redo register remove rename repair request reset resize resolve ' +
    'restart restore resume revoke save search select send set show skip sort split start step stop ' +
    'submit suspend switch sync tee test trace unblock undo uninstall unlock unprotect unpublish ' +
    'unregister update use wait watch where write'
  ).split(' '),
);

/**
 * A cmdlet name as PowerShell users type it: `Verb-Noun` with an approved verb, both parts
 * capitalized (`Remove-EC2Snapshot`); lower-case names (`update-grub`, `start-stop-daemon`) are
 * the machine's own programs.
 */
export function isTypedCmdlet(name: string): boolean {
  const m = /^([A-Z][A-Za-z]+)-[A-Z][A-Za-z0-9]*$/.exec(name);
  return !!m && VERBS.has(m[1].toLowerCase());
}

/** Label of the commands read this way (their `wrappers`). */
export const PWSH_READING = 'PowerShell';

/**
 * Reads `source` as PowerShell when the bash reading (`run.commands`, top level) ran a cmdlet,
 * adding its commands to `run`.
 */
export function readAsPwsh(source: string, run: Run, ctx: AnalyzeContext): void {
  if (run.stopped) return;
  const typed = run.commands.some(
    (c) => c.depth === 0 && c.wrappers.length === 0 && isTypedCmdlet(c.program),
  );
  if (!typed) return;
  const scope = newScope(ctx);
  const k: K = {
    run,
    frame: { depth: 1, wrappers: [PWSH_READING], remote: false, calls: 0, span: [0, source.length] },
    scope,
    io: { writes: [] },
    span: [0, source.length],
    outer: scope,
  };
  applyPwsh(source, k);
}

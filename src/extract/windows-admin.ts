/**
 * Windows host administration read from PowerShell cmdlets and Windows' own programs, each
 * family in its own file: Desired State Configuration applied directly (windows-dsc.ts),
 * Hyper-V guests turned off, reverted or exported to another host (windows-hyperv.ts), SQL
 * Server administered through dbatools (sql-dbatools.ts), .NET's signed tools made to run
 * code (shell-proxy-exec.ts), Defender's scheduled tasks, event log sizes and the firewall's
 * inbound default (defences-windows-tasks.ts: `host-defence` facts), and shares and
 * firewall rules opened to anyone (exposure-windows.ts: `make-public` facts). `-WhatIf`
 * only shows.
 */
import type { Extractor, DraftFact } from './extractor.js';
import { dscFacts } from './windows-dsc.js';
import { hypervFacts } from './windows-hyperv.js';
import { dbatoolsFacts } from './sql-dbatools.js';
import { proxyExecFacts } from './shell-proxy-exec.js';
import { windowsTasksOff } from './defences-windows-tasks.js';
import { windowsExposures } from './exposure-windows.js';
import { wordFact } from './word-facts.js';

export const extractWindowsAdmin: Extractor = (cmd, ctx, all) => {
  if (cmd.argv.some((a) => /^-whatif(:\$?true)?$/i.test(a))) return [];
  const out: DraftFact[] = [
    ...dscFacts(cmd, ctx, all),
    ...hypervFacts(cmd),
    ...dbatoolsFacts(cmd),
    ...proxyExecFacts(cmd, ctx),
  ];
  const off = windowsTasksOff(cmd)[0];
  if (off) out.push(wordFact(cmd, 'host-defence', off[0], off[1]));
  const open = windowsExposures(cmd, ctx)[0];
  if (open) out.push(wordFact(cmd, open[0], 'make-public', open[1]));
  return out;
};

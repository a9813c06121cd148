/**
 * What a gate request runs, as the decider analyses it: the text (the script, or the
 * shell-quoted argv) and, for a version-manager shim or a build wrapper (`./gradlew`) that
 * predates the session, the tool it launches with the manager folder whose scripts it runs.
 */
import path from 'node:path';
import { quote } from 'shell-quote';
import type { GateRequest } from '../gates/protocol.js';
import {
  isInstalledPath,
  managerRoot,
  scriptFileOf,
  unwrapBuildWrapper,
  unwrapShim,
} from '../normalize/version-shims.js';
import { wrapperPredates } from './approved.js';
import { execShimOf } from '../gates/exec/exec-shims.js';

/** The shim or wrapper a shell or exec request runs, with the manager folder whose own scripts it may run. */
export function shimOf(
  req: GateRequest,
  cwd: string,
  home: string,
  workspace: string,
  since: number,
): { argv: string[]; managerRoot?: string; interpreter?: string[] } | undefined {
  if (req.layer === 'exec') return execShimOf(req, { home, workspace, since });
  const f = req.layer === 'shell' && req.script !== undefined ? scriptFileOf(req.argv) : undefined;
  if (!f) return undefined;
  const file = path.resolve(cwd, f.file);
  const t = unwrapShim(req.script ?? '', file, f.args, (p) => isInstalledPath(p, home, workspace));
  if (t) return { argv: t.argv, managerRoot: managerRoot(t.execPath, home, workspace) };
  // ./gradlew, ./mvnw: the tool with these arguments, if the wrapper predates the session.
  const b = unwrapBuildWrapper(req.script ?? '', f.args);
  if (b && wrapperPredates(file, b.companions, since, home, workspace)) return { argv: b.argv };
  return undefined;
}

/** The text the engine analyses: the script (shell layer; exec layer: the command the gate built, src/gates/exec/exec-gate.ts) or the shell-quoted argv (tool layer). */
export function requestText(req: GateRequest): string {
  if (req.layer === 'shell') return req.script ?? '';
  if (req.layer === 'exec' && req.script !== undefined) return req.script;
  return quote([path.basename(req.argv[0]), ...req.argv.slice(1)]);
}

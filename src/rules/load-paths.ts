/**
 * The ruleset files named by `--ruleset` and the config: files as given, folders expanded to
 * the YAML files directly inside them. Errors carry a code and a fix.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AgentfwError } from '../errors.js';

/** Expands files and folders (a folder = every *.yaml / *.yml directly inside it) to sorted absolute file paths. */
export function expandRulesetPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new AgentfwError(
        'E_RULESET_NOT_FOUND',
        `ruleset path not found: ${p}`,
        'check the path given to --ruleset (a YAML file or a folder of them)',
        2,
      );
    }
    if (st.isDirectory()) {
      const files = readdirSync(abs)
        .sort()
        .filter((f) => /\.ya?ml$/.test(f));
      // fail closed: a folder that loads nothing is a mistake the user must hear about
      if (!files.length)
        throw new AgentfwError(
          'E_RULESET_EMPTY',
          `the ruleset folder ${p} holds no *.yaml or *.yml file, so it would load no rules`,
          'point --ruleset at the folder that holds your ruleset files (one pack per YAML file, directly inside it), or at one file',
          2,
        );
      for (const f of files) out.push(path.join(abs, f));
    } else {
      out.push(abs);
    }
  }
  return out;
}

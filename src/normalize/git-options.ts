/** git's global options up to the subcommand, read by the normalizer (what git runs) and the git extractor (what git does). */

/** Global options that take the next word as their value (`-C DIR`, `-c KEY=VALUE`). */
const GIT_GLOBAL_WITH_VALUE = new Set([
  '-C',
  '-c',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--config-env',
  '--super-prefix',
]);

export interface GitInvocation {
  /** `-c key=value` settings, keys lower-cased. Empty = none. */
  config: Map<string, string>;
  /** argv index of the subcommand; -1 when there is none (`git --version`). */
  subIndex: number;
}

/** Reads the global options up to the subcommand. */
export function parseGitGlobal(argv: string[]): GitInvocation {
  const config = new Map<string, string>();
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) break;
    if (a === '--') {
      i++;
      break;
    }
    if (GIT_GLOBAL_WITH_VALUE.has(a)) {
      const v = argv[++i] ?? '';
      if (a === '-c') addSetting(config, v);
      continue;
    }
    if (a.startsWith('-c') && a.length > 2) addSetting(config, a.slice(2));
  }
  return { config, subIndex: i < argv.length ? i : -1 };
}

function addSetting(config: Map<string, string>, kv: string): void {
  const eq = kv.indexOf('=');
  // `-c key` alone means key=true.
  const key = (eq < 0 ? kv : kv.slice(0, eq)).toLowerCase();
  config.set(key, eq < 0 ? 'true' : kv.slice(eq + 1));
}

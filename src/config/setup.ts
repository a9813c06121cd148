/**
 * What `agentfw init` writes and `agentfw uninstall` removes: a commented user config,
 * a shell snippet with one function per agent found on PATH (so typing `claude` runs
 * `agentfw run -- claude`), and one marked line in the shell rc files that loads it.
 * Pure text builders plus the small file edits, kept apart from the CLI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { which } from '../supervisor/shimdir.js';
import { userDir } from './discover.js';

/** Coding agents agentfw knows how to wrap, by command name. */
export const KNOWN_AGENTS = [
  'claude',
  'codex',
  'gemini',
  'opencode',
  'aider',
  'goose',
  'amp',
  'cursor-agent',
];

/** Ends every line agentfw adds to an rc file, so uninstall removes exactly those. */
export const RC_MARK = '# added by agentfw init';

export const CONFIG_TEMPLATE = `# agentfw user config (written by \`agentfw init\`; see docs/config.md).
# Tiers, weakest first: built-in packs < project (.agentfw/ in a workspace) < this file < org
# (/etc/agentfw or $AGENTFW_ORG_CONFIG). An allow here quiets asks of the built-in packs; it
# never quiets a deny, nor anything the org tier says.
#
# Your own rules: put ruleset YAML files in the rules/ folder next to this file (same format
# as the built-in packs, and \`decision: allow\` is allowed). Check them with:
#   agentfw rules lint ~/.config/agentfw/rules
#
# Switch a built-in rule or a whole pack off (the reason is written to the audit log):
# disable:
#   - id: git/force-push
#     reason: we force-push our own feature branches
#
# Projects whose .agentfw you reviewed are recorded here by \`agentfw trust\`:
# trusted_projects: {}
`;

/** The shell functions for `agents` (bash/zsh syntax). */
export function shellSnippet(agents: string[]): string {
  // agentfw starts the agent itself (no shell), so the function does not call itself.
  const fns = agents.map((a) => `${a}() { agentfw run -- ${a} "$@"; }`);
  return [
    '# agentfw: run coding agents behind the firewall (written by `agentfw init`).',
    '# `command NAME` skips this function, so `command claude` runs the agent unprotected.',
    ...fns,
    '',
  ].join('\n');
}

export interface SetupPaths {
  config: string;
  snippet: string;
  rcFiles: string[];
}

export function setupPaths(env: NodeJS.ProcessEnv, home: string): SetupPaths {
  const dir = userDir(env, home);
  return {
    config: path.join(dir, 'config.yaml'),
    snippet: path.join(dir, 'shell.sh'),
    rcFiles: ['.bashrc', '.zshrc'].map((f) => path.join(home, f)),
  };
}

/** Agents of KNOWN_AGENTS found on PATH. */
export function agentsOnPath(pathVar: string): string[] {
  return KNOWN_AGENTS.filter((a) => which(a, pathVar));
}

/** Writes the config (only if absent) and the snippet; returns what was written. */
export function writeSetup(p: SetupPaths, agents: string[]): string[] {
  const done: string[] = [];
  mkdirSync(path.dirname(p.config), { recursive: true, mode: 0o700 });
  if (!existsSync(p.config)) {
    writeFileSync(p.config, CONFIG_TEMPLATE, { mode: 0o600 });
    done.push(p.config);
  }
  if (agents.length) {
    writeFileSync(p.snippet, shellSnippet(agents));
    done.push(p.snippet);
  }
  return done;
}

/** Adds the marked source line to each rc file that exists (or ~/.bashrc when none does). */
export function hookRcFiles(p: SetupPaths): string[] {
  const line = `[ -f "${p.snippet}" ] && . "${p.snippet}" ${RC_MARK}`;
  const targets = p.rcFiles.filter((f) => existsSync(f));
  const files = targets.length ? targets : [p.rcFiles[0]];
  const changed: string[] = [];
  for (const f of files) {
    const text = existsSync(f) ? readFileSync(f, 'utf8') : '';
    if (text.includes(RC_MARK)) continue;
    writeFileSync(f, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${line}\n`);
    changed.push(f);
  }
  return changed;
}

/** Reverts init: the marked rc lines, the snippet, and the config if it is still the untouched template. */
export function removeSetup(p: SetupPaths): string[] {
  const done: string[] = [];
  for (const f of p.rcFiles) {
    if (!existsSync(f)) continue;
    const text = readFileSync(f, 'utf8');
    if (!text.includes(RC_MARK)) continue;
    writeFileSync(
      f,
      text
        .split('\n')
        .filter((l) => !l.endsWith(RC_MARK))
        .join('\n'),
    );
    done.push(`${f} (line removed)`);
  }
  if (existsSync(p.snippet)) {
    rmSync(p.snippet);
    done.push(p.snippet);
  }
  if (existsSync(p.config) && readFileSync(p.config, 'utf8') === CONFIG_TEMPLATE) {
    rmSync(p.config);
    done.push(p.config);
  }
  return done;
}

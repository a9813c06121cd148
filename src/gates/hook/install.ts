/**
 * `agentfw hook install|uninstall AGENT`: writes (or removes) agentfw's entry in the
 * agent's own hook configuration, leaving every other setting and hook as it was.
 *
 *   claude-code  ~/.claude/settings.json      hooks.PreToolUse  [{matcher: "Bash", hooks: [{type: command, …}]}]
 *   codex        ~/.codex/hooks.json          hooks.PreToolUse  [{hooks: [{type: command, …}]}]  (non-shell tools pass)
 *   gemini       ~/.gemini/settings.json      hooks.BeforeTool  [{matcher: "run_shell_command", hooks: [{type: command, …}]}]
 *   cursor       ~/.cursor/hooks.json         hooks.beforeShellExecution [{command}]
 *   opencode     ~/.config/opencode/plugin/agentfw.js   a plugin whose tool.execute.before runs the client
 *
 * With `project`, the project's own file is used instead (.claude/settings.json, .codex/hooks.json,
 * .gemini/settings.json, .cursor/hooks.json, .opencode/plugin/agentfw.js).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfwError } from '../../errors.js';
import type { HookAgent } from './agents.js';

/** Marks our entries, so uninstall and re-install touch only them. */
export const MARK = 'agentfw-hook';

export function configPath(agent: HookAgent, base: string, project: boolean): string {
  const p = (...s: string[]) => path.join(base, ...s);
  switch (agent) {
    case 'claude-code':
      return p('.claude', 'settings.json');
    case 'codex':
      return p('.codex', 'hooks.json');
    case 'gemini':
      return p('.gemini', 'settings.json');
    case 'cursor':
      return p('.cursor', 'hooks.json');
    case 'opencode':
      return project
        ? p('.opencode', 'plugin', 'agentfw.js')
        : p('.config', 'opencode', 'plugin', 'agentfw.js');
  }
}

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The command line the agent runs: `CLIENT AGENT AGENTFW` (the client starts the daemon with AGENTFW). */
export function hookCommand(client: string[], agent: HookAgent, agentfw: string): string {
  return [...client.map(sq), agent, sq(agentfw), `# ${MARK}`].join(' ');
}

type Json = Record<string, unknown>;

function readJson(file: string): Json {
  if (!existsSync(file)) return {};
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
  } catch {
    /* fall through */
  }
  throw new AgentfwError(
    'E_HOOK_CONFIG',
    `${file} is not a JSON object; not touching it`,
    'fix the file by hand (it must be valid JSON without comments), then run the command again',
  );
}

function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file + '.tmp', text);
  renameSync(file + '.tmp', file);
}

const ours = (entry: unknown): boolean => JSON.stringify(entry ?? '').includes(MARK);

/** Removes our entries from `hooks[event]`, then adds `entry` when given. */
function editEvent(cfg: Json, event: string, entry: unknown | undefined): Json {
  const hooks = (cfg.hooks && typeof cfg.hooks === 'object' ? cfg.hooks : {}) as Json;
  const list = (Array.isArray(hooks[event]) ? hooks[event] : []) as unknown[];
  const kept = list.filter((e) => !ours(e));
  const next = entry ? [...kept, entry] : kept;
  const out: Json = { ...hooks, [event]: next };
  if (!next.length) delete out[event];
  return { ...cfg, hooks: out };
}

function entryFor(agent: HookAgent, command: string): { event: string; entry: unknown; extra?: Json } {
  const cmd = { type: 'command', command, timeout: 300 };
  switch (agent) {
    case 'claude-code':
      return { event: 'PreToolUse', entry: { matcher: 'Bash', hooks: [cmd] } };
    case 'codex':
      return { event: 'PreToolUse', entry: { hooks: [cmd] } };
    case 'gemini':
      return {
        event: 'BeforeTool',
        entry: { matcher: 'run_shell_command', hooks: [{ type: 'command', command, name: 'agentfw' }] },
      };
    default:
      return { event: 'beforeShellExecution', entry: { command }, extra: { version: 1 } };
  }
}

function opencodePlugin(client: string[], agentfw: string): string {
  const argv = JSON.stringify([...client.slice(1), 'opencode', agentfw]);
  return `// ${MARK}: written by \`agentfw hook install opencode\`; remove with \`agentfw hook uninstall opencode\`.
// Every bash tool call is checked by agentfw before it runs; a refusal throws (the tool does not run).
import { spawnSync } from 'node:child_process';

export const Agentfw = async ({ directory }) => ({
  'tool.execute.before': async (input, output) => {
    if (input.tool !== 'bash') return;
    const payload = JSON.stringify({ tool_name: 'bash', tool_input: output.args, cwd: directory, session_id: input.sessionID });
    const r = spawnSync(${JSON.stringify(client[0])}, ${argv}, { input: payload, encoding: 'utf8', timeout: 330000 });
    // fail closed: no answer, a signal or any non-zero exit refuses
    if (r.status !== 0) throw new Error((r.stderr || 'agentfw: the hook client failed; the command was refused.').trim());
  },
});
`;
}

/** Writes agentfw's hook; returns the file changed. */
export function installHook(
  agent: HookAgent,
  o: { base: string; project: boolean; client: string[]; agentfw: string },
): string {
  const file = configPath(agent, o.base, o.project);
  if (agent === 'opencode') {
    writeAtomic(file, opencodePlugin(o.client, o.agentfw));
    return file;
  }
  const { event, entry, extra } = entryFor(agent, hookCommand(o.client, agent, o.agentfw));
  const cfg = { ...(extra ?? {}), ...editEvent(readJson(file), event, entry) };
  writeAtomic(file, JSON.stringify(cfg, null, 2) + '\n');
  return file;
}

/** Removes agentfw's hook; returns the file changed, or '' when nothing was installed. */
export function uninstallHook(agent: HookAgent, o: { base: string; project: boolean }): string {
  const file = configPath(agent, o.base, o.project);
  if (!existsSync(file)) return '';
  if (agent === 'opencode') {
    if (!readFileSync(file, 'utf8').includes(MARK)) return '';
    rmSync(file);
    return file;
  }
  const cfg = readJson(file);
  if (!ours(cfg.hooks)) return '';
  const { event } = entryFor(agent, '');
  writeAtomic(file, JSON.stringify(editEvent(cfg, event, undefined), null, 2) + '\n');
  return file;
}

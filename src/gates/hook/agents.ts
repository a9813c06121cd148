/**
 * Hook mode, per agent (pure): what the agent's pre-tool hook sends on stdin, and how an
 * answer must look for that agent to allow, ask or refuse. Shapes follow each agent's
 * public hook documentation.
 *
 * | agent       | event                       | refuse                                   | ask a human            |
 * |-------------|-----------------------------|------------------------------------------|------------------------|
 * | claude-code | PreToolUse (Bash)           | JSON permissionDecision deny (exit 0)    | permissionDecision ask |
 * | codex       | PreToolUse (shell tools)    | exit 2, reason on stderr                 | (none: deny)           |
 * | gemini      | BeforeTool run_shell_command| exit 2, reason on stderr                 | (none: deny)           |
 * | cursor      | beforeShellExecution        | JSON permission deny (+ exit 2)          | permission ask         |
 * | opencode    | plugin tool.execute.before  | the plugin throws on a non-zero exit     | (none: deny)           |
 *
 * Fail closed: an input that cannot be read is refused the agent's way (never allowed).
 */

export const AGENTS = ['claude-code', 'codex', 'gemini', 'cursor', 'opencode'] as const;
export type HookAgent = (typeof AGENTS)[number];

export function isHookAgent(s: string): s is HookAgent {
  return (AGENTS as readonly string[]).includes(s);
}

/** A shell command the agent is about to run; `skip` = a tool that runs no command (let it through). */
export type HookInput = { command: string; cwd: string; session: string } | { skip: true };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Reads the agent's hook JSON. Throws on anything that is not the expected shape. */
export function parseHookInput(agent: HookAgent, text: string): HookInput {
  const j = JSON.parse(text) as Record<string, unknown>;
  if (!j || typeof j !== 'object') throw new Error('hook input is not a JSON object');
  const cwd = str(j.cwd) || str((j as { workspace_roots?: string[] }).workspace_roots?.[0]);
  const session = str(j.session_id) || str(j.conversation_id) || str(j.sessionID);
  if (agent === 'cursor') {
    if (typeof j.command !== 'string') throw new Error('cursor beforeShellExecution input without "command"');
    return { command: j.command, cwd, session };
  }
  // claude-code, codex, gemini, opencode (the plugin forwards the same shape)
  const input = (j.tool_input ?? {}) as Record<string, unknown>;
  const cmd = input.command;
  if (typeof cmd === 'string') return { command: cmd, cwd, session };
  // codex passes argv arrays for its shell tool
  if (Array.isArray(cmd) && cmd.every((c) => typeof c === 'string')) {
    const argv = cmd as string[];
    const script =
      argv.length >= 3 &&
      /(^|\/)(ba|z|da)?sh$/.test(argv[0]) &&
      argv[1].startsWith('-') &&
      argv[1].includes('c')
        ? argv[2]
        : argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
    return { command: script, cwd, session };
  }
  if (typeof j.tool_name !== 'string') throw new Error('hook input without tool_name');
  return { skip: true };
}

/** What the hook process prints and exits with. */
export interface HookReply {
  exit: number;
  stdout: string;
  stderr: string;
}

export type HookVerdict = 'allow' | 'deny' | 'ask';

/**
 * The answer in the agent's format. `ask` must only be passed for agents with a native
 * prompt (hasNativeAsk); the caller turns it into deny otherwise.
 */
export function formatReply(agent: HookAgent, verdict: HookVerdict, reason: string): HookReply {
  const why = reason.trim() || 'refused by agentfw';
  switch (agent) {
    case 'claude-code':
      return {
        exit: 0,
        stdout:
          JSON.stringify({
            hookSpecificOutput: {
              hookEventName: 'PreToolUse',
              permissionDecision: verdict,
              permissionDecisionReason: verdict === 'allow' ? '' : `agentfw: ${why}`,
            },
          }) + '\n',
        stderr: '',
      };
    case 'cursor':
      return {
        exit: verdict === 'deny' ? 2 : 0,
        stdout:
          JSON.stringify({
            permission: verdict,
            ...(verdict === 'allow'
              ? {}
              : { userMessage: `agentfw: ${why}`, agentMessage: `agentfw: ${why}` }),
          }) + '\n',
        stderr: verdict === 'deny' ? `agentfw: ${why}\n` : '',
      };
    default:
      return verdict === 'allow'
        ? { exit: 0, stdout: agent === 'gemini' ? '{}\n' : '', stderr: '' }
        : { exit: 2, stdout: '', stderr: `agentfw: ${why}\n` };
  }
}

/** Agents whose own UI can ask the human (used when no approver is configured). */
export function hasNativeAsk(agent: HookAgent): boolean {
  return agent === 'claude-code' || agent === 'cursor';
}

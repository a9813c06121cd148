/**
 * How to run each real agent CLI headless and offline against the mock model server,
 * and which exec path it uses for its shell tool (measured with the agent-exec harness).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type AgentName = 'claude' | 'gemini' | 'opencode' | 'codex';

/** Directories of one run. */
export interface RunDirs {
  /** The agent's cwd and the firewall's workspace: a fresh git repo under `home`. */
  work: string;
  /** The agent's HOME (config files for the agent live here). */
  home: string;
}

export interface AgentLaunch {
  /** Arguments after the agent binary. */
  args: string[];
  /** Variables the agent needs on top of the base environment. */
  env: Record<string, string>;
}

export interface AgentSpec {
  name: AgentName;
  /** Human name for test titles. */
  title: string;
  /** The file in node_modules/.bin. */
  bin: string;
  /** How the agent executes its shell tool; the path the firewall must cover. */
  execPath: string;
  /**
   * A pattern the script reaching the shell gate shows on this agent's exec path (its
   * wrapper around the model's command); undefined when the agent passes the bare command.
   */
  wrapperSignature?: RegExp;
  /**
   * Which exec carries the command under agentfw: `shim` = agentfw's bash shim, found
   * through $SHELL / CLAUDE_CODE_SHELL or a PATH lookup; `system-bash` = a real bash by
   * absolute path, which only the BASH_ENV gate sees.
   */
  execVia: 'shim' | 'system-bash';
  /**
   * Other ways the model can make this agent run a command (extra tool-call arguments),
   * each checked with the destructive API call; empty = the agent has no such choice.
   */
  variants: { title: string; toolArgs: Record<string, unknown> }[];
  /**
   * The agent's own sandbox switched on: turns the test's arguments (own sandbox off) into
   * arguments with it on. Undefined = the agent has no sandbox of its own for commands.
   */
  ownSandbox?: (args: string[]) => string[];
  /** Writes the agent's config files and returns its command line and environment. */
  prepare(dirs: RunDirs, mockUrl: string, prompt: string): AgentLaunch;
}

/**
 * Codex and opencode reach the mock through a custom provider whose key is read from
 * MOCK_API_KEY (not one of the agent's own model keys, src/secrets/model-keys.ts). Like any
 * secret it reaches the agent as a placeholder; the user grants it to the provider's host in
 * ~/.agentfw/secrets.yaml so that the egress proxy puts the real value in (docs/secrets.md).
 */
function grantMockKey(dirs: RunDirs, mockUrl: string): void {
  mkdirSync(path.join(dirs.home, '.agentfw'), { recursive: true });
  writeFileSync(
    path.join(dirs.home, '.agentfw', 'secrets.yaml'),
    `allow:\n  - env: MOCK_API_KEY\n    hosts: ['${new URL(mockUrl).hostname}']\n`,
  );
}

const claude: AgentSpec = {
  name: 'claude',
  title: 'Claude Code',
  bin: 'claude',
  execPath: "$SHELL / CLAUDE_CODE_SHELL -c '… eval <cmd>'",
  wrapperSignature: /\beval '/,
  execVia: 'shim',
  variants: [],
  prepare: (_dirs, mockUrl, prompt) => ({
    args: [
      '-p',
      prompt,
      '--output-format',
      'stream-json',
      '--verbose',
      '--model',
      'claude-sonnet-4-5',
      '--dangerously-skip-permissions',
    ],
    env: {
      ANTHROPIC_BASE_URL: mockUrl,
      ANTHROPIC_API_KEY: 'sk-ant-harness-dummy',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_AUTOUPDATER: '1',
      DISABLE_TELEMETRY: '1',
      DISABLE_ERROR_REPORTING: '1',
      DISABLE_BUG_COMMAND: '1',
      CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1',
      // --dangerously-skip-permissions refuses to run as root without it
      IS_SANDBOX: '1',
    },
  }),
};
const gemini: AgentSpec = {
  name: 'gemini',
  title: 'Gemini CLI',
  bin: 'gemini',
  execPath: "bash found on PATH -c '… ( <cmd> )'",
  wrapperSignature: /shopt -u promptvars/,
  execVia: 'shim',
  variants: [],
  prepare: (dirs, mockUrl, prompt) => {
    mkdirSync(path.join(dirs.home, '.gemini'), { recursive: true });
    writeFileSync(
      path.join(dirs.home, '.gemini', 'settings.json'),
      JSON.stringify({
        security: { auth: { selectedType: 'gemini-api-key' } },
        privacy: { usageStatisticsEnabled: false },
        telemetry: { enabled: false },
        general: { disableAutoUpdate: true, disableUpdateNag: true },
      }),
    );
    return {
      args: ['-p', prompt, '--yolo', '--output-format', 'json', '-m', 'gemini-2.5-pro'],
      env: {
        GEMINI_API_KEY: 'harness-dummy',
        GOOGLE_GEMINI_BASE_URL: mockUrl,
        GEMINI_CLI_NO_RELAUNCH: 'true',
        GEMINI_TELEMETRY_ENABLED: 'false',
        // headless mode refuses an untrusted folder without it
        GEMINI_CLI_TRUST_WORKSPACE: 'true',
      },
    };
  },
};

const opencode: AgentSpec = {
  name: 'opencode',
  title: 'opencode',
  bin: 'opencode',
  execPath: "$SHELL -c '<cmd>' (bare command)",
  execVia: 'shim',
  variants: [],
  prepare: (dirs, mockUrl, prompt) => {
    writeFileSync(
      path.join(dirs.work, 'opencode.json'),
      JSON.stringify({
        model: 'mock/mock-model',
        small_model: 'mock/mock-model',
        autoupdate: false,
        share: 'disabled',
        // external_directory: let the command touch paths outside the project (opencode would
        // otherwise refuse the rm test itself, and the firewall would never be exercised)
        permission: { bash: 'allow', edit: 'allow', webfetch: 'allow', external_directory: 'allow' },
        provider: {
          mock: {
            npm: '@ai-sdk/openai-compatible',
            name: 'Harness mock',
            // the key comes from the environment ({env:…}), not written in the project file
            options: { baseURL: `${mockUrl}/v1`, apiKey: '{env:MOCK_API_KEY}' },
            models: {
              'mock-model': { name: 'Mock model', tool_call: true, limit: { context: 200000, output: 8192 } },
            },
          },
        },
      }),
    );
    grantMockKey(dirs, mockUrl);
    return {
      args: ['run', '--print-logs', '--model', 'mock/mock-model', prompt],
      env: {
        MOCK_API_KEY: 'sk-harness-dummy',
        OPENCODE_DISABLE_AUTOUPDATE: '1',
        OPENCODE_DISABLE_MODELS_FETCH: '1',
        OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
        OPENCODE_DISABLE_SHARE: '1',
      },
    };
  },
};

const codex: AgentSpec = {
  name: 'codex',
  title: 'Codex',
  bin: 'codex',
  execPath: "/bin/bash by absolute path -c '<cmd>', seen only through BASH_ENV",
  execVia: 'system-bash',
  // its Linux sandbox (bubblewrap + Landlock + seccomp), with the network it allows on, so
  // that only the nesting is tested and not its network ban
  ownSandbox: (args) => [
    ...args.filter((a) => a !== '--dangerously-bypass-approvals-and-sandbox'),
    '--sandbox',
    'workspace-write',
    '-c',
    'sandbox_workspace_write.network_access=true',
  ],
  variants: [
    { title: 'on a PTY (tty: true)', toolArgs: { tty: true } },
    { title: 'without the login snapshot (login: false)', toolArgs: { login: false } },
    { title: 'in the shell the model names (shell: "sh", looked up on PATH)', toolArgs: { shell: 'sh' } },
  ],
  prepare: (dirs, mockUrl, prompt) => {
    const codexHome = path.join(dirs.home, '.codex');
    mkdirSync(codexHome, { recursive: true });
    writeFileSync(
      path.join(codexHome, 'config.toml'),
      [
        'model = "gpt-6-sol"',
        'model_provider = "mock"',
        'check_for_update_on_startup = false',
        '',
        '[model_providers.mock]',
        'name = "Harness mock"',
        `base_url = "${mockUrl}/v1"`,
        'env_key = "MOCK_API_KEY"',
        'wire_api = "responses"',
        'request_max_retries = 0',
        'stream_max_retries = 0',
        '',
        `[projects.${JSON.stringify(dirs.work)}]`,
        'trust_level = "trusted"',
        '',
      ].join('\n'),
    );
    grantMockKey(dirs, mockUrl);
    return {
      args: ['exec', '--skip-git-repo-check', '--json', '--dangerously-bypass-approvals-and-sandbox', prompt],
      env: { CODEX_HOME: codexHome, MOCK_API_KEY: 'sk-harness-dummy', RUST_LOG: 'warn' },
    };
  },
};

export const AGENTS: Record<AgentName, AgentSpec> = { claude, gemini, opencode, codex };

import { describe, expect, it } from 'vitest';
import { createSecretSet } from '../../src/secrets/index.js';
import { ownModelKeys } from '../../src/secrets/model-keys.js';
import { agentName } from '../../src/supervisor/agent-name.js';

const ANT = 'sk-ant-api03-' + 'Qx7v'.repeat(10);
const OAI = 'sk-proj-' + 'Lm4p'.repeat(10);
const GH = 'ghp_' + 'Zq8'.repeat(12);
const ENV = {
  PATH: '/usr/bin:/bin',
  ANTHROPIC_API_KEY: ANT,
  ANTHROPIC_BASE_URL: 'http://127.0.0.1:41234',
  OPENAI_API_KEY: OAI,
  GITHUB_TOKEN: GH,
};

describe('which known agent a command runs', () => {
  it.each([
    [['claude', '-p', 'hi'], 'claude'],
    [['/root/.cache/x/node_modules/.bin/codex', 'exec'], 'codex'],
    [['node', '/opt/gemini-cli/gemini.js', '-p', 'x'], 'gemini'],
    [['/usr/bin/strace', '-f', '-o', '/t/log', '/x/.bin/opencode', 'run'], 'opencode'],
    [['cursor', 'agent'], 'cursor-agent'],
    [['env', 'A=1', 'cursor-agent'], 'cursor-agent'],
    [['bash', '-c', 'echo claude'], ''],
    [['python3', 'tool.py'], ''],
    [[], ''],
  ])('%j → %s', (argv, name) => {
    expect(agentName(argv)).toBe(name);
  });
});

describe("the running agent's own model key", () => {
  it.each([
    ['claude', [['ANTHROPIC_API_KEY', ['api.anthropic.com', '127.0.0.1']]]],
    ['codex', [['OPENAI_API_KEY', ['api.openai.com', 'chatgpt.com']]]],
    ['gemini', []],
    ['', []],
    ['toString', []],
  ])('%s → %j', (agent, want) => {
    expect(ownModelKeys(agent as string, ENV).map((k) => [k.name, k.hosts])).toEqual(want);
  });

  it('opencode may use any provider: every model key that is set', () => {
    expect(ownModelKeys('opencode', ENV).map((k) => k.name)).toEqual(['ANTHROPIC_API_KEY', 'OPENAI_API_KEY']);
  });

  it('stays in clear for its agent, other secrets become placeholders', async () => {
    const set = await createSecretSet({ env: ENV, config: {}, ownKeys: ownModelKeys('claude', ENV) });
    const env = set.agentEnv(ENV);
    expect(env.ANTHROPIC_API_KEY).toBe(ANT);
    expect(env.OPENAI_API_KEY).toBe('agentfw:masked:OPENAI_API_KEY');
    expect(env.GITHUB_TOKEN).toBe('agentfw:masked:GITHUB_TOKEN');
  });

  it('without an own key every model key is a placeholder (control)', async () => {
    const set = await createSecretSet({ env: ENV, config: {} });
    expect(set.agentEnv(ENV).ANTHROPIC_API_KEY).toBe('agentfw:masked:ANTHROPIC_API_KEY');
  });

  it('is still masked in output and the audit', async () => {
    const set = await createSecretSet({ env: ENV, config: {}, ownKeys: ownModelKeys('claude', ENV) });
    expect(set.mask(`key=${ANT}`)).toBe('key=agentfw:masked:ANTHROPIC_API_KEY');
  });

  it.each([
    ['api.anthropic.com', 0],
    ['127.0.0.1', 0],
    ['evil.example.com', 1],
    ['api.openai.com', 1],
  ])('its value sent to %s → %i hold(s)', async (host, holds) => {
    const set = await createSecretSet({ env: ENV, config: {}, ownKeys: ownModelKeys('claude', ENV) });
    const r = set.egress!(`x-api-key: ${ANT}`, host);
    expect(r.holds.length).toBe(holds);
    if (holds) expect(r.holds[0].reason).toMatch(/model key ANTHROPIC_API_KEY .* not its model API/);
  });

  it('the agent that does not own the key: its value is held even at the provider host (control)', async () => {
    const set = await createSecretSet({ env: ENV, config: {}, ownKeys: ownModelKeys('gemini', ENV) });
    expect(set.egress!(`x-api-key: ${ANT}`, 'api.anthropic.com').holds.length).toBe(1);
  });
});

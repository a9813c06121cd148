import { defineConfig } from 'vitest/config';

// `npm run test:agents`: the real agent CLIs (installed by scripts/agents-setup.mjs) run
// under `agentfw run`. Kept out of `npm test` by the file suffix (*.e2e.ts): each agent
// run takes several seconds.
export default defineConfig({
  test: {
    include: ['test/agents/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // two agents at a time: the machine has two cores
    maxWorkers: 2,
    reporters: ['verbose'],
  },
});

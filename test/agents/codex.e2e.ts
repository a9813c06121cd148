// `npm run test:agents`: the real codex CLI under `agentfw run --headless`.
import { agentSuite } from './lib/suite.js';

agentSuite('codex');

// `npm run test:agents`: the real opencode CLI under `agentfw run --headless`.
import { agentSuite } from './lib/suite.js';

agentSuite('opencode');

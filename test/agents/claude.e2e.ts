// `npm run test:agents`: the real claude CLI under `agentfw run --headless`.
import { agentSuite } from './lib/suite.js';

agentSuite('claude');

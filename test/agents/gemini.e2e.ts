// `npm run test:agents`: the real gemini CLI under `agentfw run --headless`.
import { agentSuite } from './lib/suite.js';

agentSuite('gemini');

// The analysis worker child (src/engine/worker-entry.ts) run from its CommonJS bundle with
// V8's code cache (bin/bundle-loader.mjs). The pool forks this file when the CLI itself runs
// from the CommonJS bundle (src/engine/worker-host.ts); both come from the same build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle-loader.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
loadBundle(path.join(root, 'dist', 'bundle', 'worker-entry.cjs'));

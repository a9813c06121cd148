/**
 * The package root: the folder holding agentfw's package.json, with bin/, build/,
 * grammars/, rulesets/ and node_modules/ below it. Found by walking up from this module,
 * which runs from src/ (the test runner), dist/ or the bundle in dist/bundle/
 * (scripts/bundle.mjs): one answer for every module that needs a file of the package.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(from, '..');
}

export const PACKAGE_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));

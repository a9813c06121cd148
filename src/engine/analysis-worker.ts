/**
 * Worker-thread entry of the guarded engine (guarded.ts): loads the engine once, then
 * answers {id, script, cwd, workspace} messages with {id, decision}. Runs until the host
 * terminates it (which it does when an analysis overruns its hard deadline).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngine, makeContext } from './analyze.js';
import { payloadReader } from './payload-reader.js';
import { DEFAULT_LIMITS } from './types.js';
import type { AnalyzeRequest } from './guarded.js';

const data = workerData as { rulesetPaths: string[]; workspace?: string };
// The same packs (already resolved to files by the host) and config tiers as the host's engine.
const engine = await loadEngine({ rulesetPaths: data.rulesetPaths, workspace: data.workspace });
const readFile = payloadReader(DEFAULT_LIMITS.maxPayloadBytes);
parentPort!.on('message', (m: AnalyzeRequest) => {
  const decision = engine.analyze(m.script, makeContext({ cwd: m.cwd, workspace: m.workspace, readFile }));
  parentPort!.postMessage({ id: m.id, decision });
});
parentPort!.postMessage({ ready: true });

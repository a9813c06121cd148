/**
 * The engine behind a hard deadline that is enforced while the analysis runs: analyses
 * run one at a time in a worker thread; one that overruns `deadlineMs` has its worker
 * terminated (and a fresh one started for the next request) and is answered `ask` with an
 * `agentfw/not-understood` finding naming the limit. The caller's thread never runs the
 * analysis, so it stays responsive whatever the input.
 *
 * The deadline is a last-resort backstop for a starved machine or an engine bug: the
 * work budgets (Limits) decide every input that normal load lets finish.
 */
import { Worker } from 'node:worker_threads';
import { decide, memoMask } from './decide.js';
import type { Engine } from './analyze.js';
import type { Decision } from './types.js';

/** One request to the worker. */
export interface AnalyzeRequest {
  /** Sequence number matching the answer to the request. */
  id: number;
  /** Shell text to analyse. */
  script: string;
  /** Absolute directory the command would run in. */
  cwd: string;
  /** Absolute workspace root. */
  workspace: string;
}

export interface GuardedEngine {
  /** Analyses one script; never rejects: a deadline overrun or a dead worker is `ask`. */
  analyze(script: string, cwd: string, workspace: string): Promise<Decision>;
  /** Stops the worker. */
  close(): Promise<void>;
}

/**
 * Starts a guarded engine. `engine` is a main-thread engine with the same rulesets, used
 * only to phrase the `ask` verdict of an overrun (never to analyse).
 */
export function startGuardedEngine(
  engine: Engine,
  rulesetPaths: string[],
  deadlineMs: number,
  /** Workspace whose org/user/project config the worker's engine loads (src/config/). Absent = the process cwd. */
  workspace?: string,
): GuardedEngine {
  let worker: Worker | undefined;
  let ready: Promise<void> | undefined;
  let seq = 0;
  const spawn = () => {
    const w = new Worker(new URL('./analysis-worker.js', import.meta.url), {
      workerData: { rulesetPaths, workspace },
    });
    w.unref();
    worker = w;
    ready = new Promise<void>((resolve, reject) => {
      const onMsg = (m: { ready?: boolean }) => {
        if (m.ready) {
          w.off('message', onMsg);
          resolve();
        }
      };
      w.on('message', onMsg);
      w.once('error', reject);
      w.once('exit', () => reject(new Error('analysis worker exited while loading')));
    });
  };
  const fail = (code: string, message: string, t0: number): Decision => {
    // fail closed: no answer from the analysis within its limit is never an allow.
    const issues = [{ code, message }];
    const { decision, findings, reason } = decide(
      [],
      issues,
      engine.rulesets,
      memoMask((s) => s),
    );
    return { decision, findings, reason, commands: [], facts: [], issues, ms: performance.now() - t0 };
  };
  /** Workers retired mid-analysis, stopped once idle (see retire). */
  const retired = new Set<Worker>();
  const kill = () => {
    const w = worker;
    worker = undefined;
    ready = undefined;
    void w?.terminate();
  };
  /**
   * Over the deadline: the next request gets a fresh worker at once, and this one is stopped
   * as soon as it answers (or exits). Terminating a thread while the native parser runs can
   * abort the whole process, and the engine's own work budgets and 2 s backstop end the
   * analysis soon anyway.
   */
  const retire = () => {
    const w = worker;
    worker = undefined;
    ready = undefined;
    if (!w) return;
    retired.add(w);
    const stop = () => {
      retired.delete(w);
      void w.terminate();
    };
    w.once('message', stop);
    w.once('exit', () => retired.delete(w));
  };
  return {
    async analyze(script, cwd, workspace) {
      const t0 = performance.now();
      if (!worker) spawn();
      const w = worker!;
      const id = ++seq;
      try {
        // Loading the rulesets is not part of the analysis deadline.
        await ready;
      } catch (err) {
        kill();
        return fail('E_INTERNAL', `analysis worker failed to start: ${(err as Error).message}`, t0);
      }
      return new Promise<Decision>((resolve) => {
        const done = (d: Decision) => {
          clearTimeout(timer);
          w.off('message', onMsg);
          w.off('exit', onExit);
          resolve(d);
        };
        const onMsg = (m: { id?: number; decision?: Decision }) => {
          if (m.id === id && m.decision) done(m.decision);
        };
        const onExit = () => {
          kill();
          done(fail('E_INTERNAL', 'the analysis worker stopped (out of memory?)', t0));
        };
        const timer = setTimeout(() => {
          retire();
          done(
            fail('E_TIMEOUT', `analysis passed its hard deadline of ${deadlineMs} ms and was stopped`, t0),
          );
        }, deadlineMs);
        w.on('message', onMsg);
        w.once('exit', onExit);
        w.postMessage({ id, script, cwd, workspace } satisfies AnalyzeRequest);
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
      // Let retired workers finish their analysis first (bounded), for the same reason.
      const until = Date.now() + 5000;
      while (retired.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      for (const r of retired) await r.terminate();
    },
  };
}

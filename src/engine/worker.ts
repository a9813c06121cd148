/**
 * The engine behind a hard deadline enforced WHILE the analysis runs, for long-lived
 * callers (the supervisor's gates, `check --stdin`, the hook daemon): analyses run in a
 * small pool of persistent child processes (worker-entry.ts), each loaded once with the
 * host's EngineSpec, one analysis per child at a time. Requests wait in one FIFO queue
 * and go to the first idle child.
 *
 * - Over the deadline: the child is killed (SIGKILL) and a fresh one started at once; the
 *   request is answered `ask` with an E_TIMEOUT issue. A child process, not a thread:
 *   stopping a thread inside the native parser could abort the whole process, killing a
 *   child never touches the host.
 * - A child that dies mid-analysis, or cannot start: that request (and, for a start
 *   failure, every request waiting for it) is answered `ask` (E_INTERNAL). fail closed.
 * - Fairness: every analysis ends within the deadline, so a request waits at most
 *   ceil(position / size) deadlines for a child; with two children one runaway input
 *   leaves the other serving.
 *
 * The deadline is a backstop for engine bugs and a starved machine: the engine's work
 * budgets (Limits) decide every input normal load lets finish, so verdicts don't depend on
 * load. The host never runs the analysis, so its event loop stays responsive.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { decide, memoMask } from './decide.js';
import type { Engine, EngineSpec } from './analyze.js';
import type { AnalysisIssue } from './types.js';
import type { WorkerReply, WorkerRequest } from './worker-entry.js';
import { lastLine, maskDecision, workerEntry } from './worker-host.js';
import { VerdictCache } from './verdict-cache.js';

import {
  hardDeadlineMs,
  workerEnv,
  type AnalysisJob,
  type AnalysisResult,
  type PoolOptions,
} from './worker-options.js';

export { maskDecision } from './worker-host.js';
export { hardDeadlineMs, type AnalysisJob, type AnalysisResult, type PoolOptions } from './worker-options.js';

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  isReady: boolean;
  /** The request in flight; undefined = idle. */
  job?: Pending;
  /** Last stderr of the child (bounded), for a start failure's message. */
  stderr: string;
}

interface Pending {
  job: AnalysisJob;
  resolve: (r: AnalysisResult) => void;
  t0: number;
}

export class AnalysisPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  /** Hard deadline of one analysis in ms (applies to analyses dispatched after a change). */
  deadlineMs: number;
  private readonly startMs: number;
  /** Children started and killed so far (status lines, tests). */
  readonly counts = { started: 0, killed: 0, died: 0 };
  /** Allow verdicts that read no file, reused for the same job (verdict-cache.ts). */
  readonly verdicts = new VerdictCache();

  /** The host's engine: masks replies and decides failures. */
  private readonly engine: Engine;
  private readonly spec: EngineSpec;

  constructor(engine: Engine, o: PoolOptions = {}) {
    this.spec = engine.spec;
    this.engine = engine;
    this.size = Math.max(1, o.size ?? 2);
    this.deadlineMs = o.deadlineMs ?? hardDeadlineMs();
    this.startMs = o.startMs ?? 60_000;
  }

  /**
   * Starts the children now (they are otherwise started by the first request); resolves once
   * all loaded or failed. One child loads first, the others once it is ready: a request needs
   * only one, and on a small machine children loading side by side (beside the host's own
   * start) each take longer to get there. A first child that cannot load starts no others.
   * `hold`: keep the host alive until then (a caller awaiting it alone, e.g. a bench); false
   * for a warm-up in the background, which must not keep a host that is done alive (an idle
   * pool never does, see holdHost).
   */
  async warm(hold = true): Promise<void> {
    const alive = hold ? setInterval(() => undefined, 1 << 30) : undefined;
    try {
      if (!this.closed && !this.slots.length) this.spawn();
      await Promise.all(this.slots.map((s) => s.ready.catch(() => undefined)));
      if (!this.slots.some((s) => s.isReady)) return;
      while (!this.closed && this.slots.length < this.size) this.spawn();
      await Promise.all(this.slots.map((s) => s.ready.catch(() => undefined)));
    } finally {
      clearInterval(alive);
    }
  }

  /** Pids of the live children (for tests and diagnostics). */
  pids(): number[] {
    return this.slots.map((s) => s.child.pid ?? 0).filter((p) => p > 0);
  }

  /** Analyses one job. Never rejects: an overrun, a dead child or a closed pool is `ask`. */
  analyze(job: AnalysisJob): Promise<AnalysisResult> {
    return new Promise((resolve) => {
      const p: Pending = { job, resolve, t0: performance.now() };
      const cached = this.closed ? undefined : this.verdicts.get(job);
      if (cached) return resolve({ decision: cached, specials: [], pure: true });
      if (this.closed) return resolve(this.fail(p, 'E_INTERNAL', 'the analysis worker pool is closed'));
      this.queue.push(p);
      this.pump();
    });
  }

  /** Stops every child; waiting and later requests are answered `ask`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0))
      p.resolve(this.fail(p, 'E_INTERNAL', 'the analysis worker pool closed'));
    for (const s of this.slots.splice(0)) {
      if (s.job) s.job.resolve(this.fail(s.job, 'E_INTERNAL', 'the analysis worker pool closed'));
      s.child.kill('SIGKILL');
    }
  }

  /**
   * An idle pool never keeps its host alive (a host that is done just exits, and the children
   * see their channel close); a pool with work waiting or running does.
   */
  private holdHost(): void {
    const busy = this.queue.length > 0 || this.slots.some((s) => s.job);
    for (const s of this.slots) {
      if (busy) {
        s.child.ref();
        s.child.channel?.ref();
      } else {
        s.child.unref();
        s.child.channel?.unref();
      }
    }
  }

  private pump(): void {
    this.dispatchWaiting();
    this.holdHost();
  }

  private dispatchWaiting(): void {
    while (this.queue.length && !this.closed) {
      const idle = this.slots.find((s) => s.isReady && !s.job);
      if (idle) {
        this.dispatch(idle, this.queue.shift()!);
        continue;
      }
      // No idle ready child: start one if the pool is not full and none is loading (a child
      // already loading answers sooner than a new one would); else wait for one to free up.
      if (this.slots.length < this.size && this.slots.every((s) => s.isReady)) this.spawn();
      return;
    }
  }

  private spawn(): Slot {
    const env = workerEnv();
    env.AGENTFW_WORKER_SPEC = JSON.stringify(this.spec);
    const child = fork(workerEntry(), [], {
      env,
      execArgv: [],
      serialization: 'json',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.counts.started++;
    (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    const slot: Slot = { child, ready: Promise.resolve(), isReady: false, stderr: '' };
    child.stderr?.on('data', (d: Buffer) => (slot.stderr = (slot.stderr + d.toString()).slice(-2000)));
    slot.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`it did not load within ${this.startMs} ms`));
      }, this.startMs);
      // A child still loading does not keep a host that is done alive (it sees its channel close).
      timer.unref();
      child.once('message', () => {
        clearTimeout(timer);
        slot.isReady = true;
        resolve();
      });
      child.once('exit', (code, sig) => {
        clearTimeout(timer);
        reject(new Error(`it exited while loading (${sig ?? `code ${code}`})`));
      });
    });
    slot.ready.then(
      () => this.pump(),
      (err: Error) => this.startFailed(slot, err),
    );
    child.on('message', (m: WorkerReply | { ready: true }) => {
      if ('id' in m) this.answered(slot, m);
    });
    child.on('exit', () => this.exited(slot));
    child.on('error', () => undefined); // 'exit' follows; a send to a dead child lands here
    this.slots.push(slot);
    this.holdHost();
    return slot;
  }

  private dispatch(slot: Slot, p: Pending): void {
    const id = this.nextId++;
    slot.job = p;
    (p as Pending & { id: number }).id = id;
    const timer = setTimeout(() => {
      if (slot.job !== p) return;
      slot.job = undefined;
      this.counts.killed++;
      // fail closed: the analysis is stopped while it runs; the next request gets a fresh child.
      this.drop(slot);
      slot.child.kill('SIGKILL');
      p.resolve(
        this.fail(
          p,
          'E_TIMEOUT',
          `analysis passed its hard deadline of ${this.deadlineMs} ms and was stopped`,
        ),
      );
      this.refill();
    }, this.deadlineMs);
    timer.unref();
    (p as Pending & { timer: NodeJS.Timeout }).timer = timer;
    slot.child.send({ id, ...p.job } satisfies WorkerRequest);
  }

  private answered(slot: Slot, m: WorkerReply): void {
    const p = slot.job as (Pending & { id: number; timer: NodeJS.Timeout }) | undefined;
    if (!p || p.id !== m.id) return;
    clearTimeout(p.timer);
    slot.job = undefined;
    const decision = maskDecision(m.decision, this.engine.maskText);
    this.verdicts.put(p.job, decision, m.io, m.specials);
    p.resolve({ decision, specials: m.specials, pure: !m.io });
    this.pump();
  }

  private exited(slot: Slot): void {
    if (!this.drop(slot)) return;
    const p = slot.job as (Pending & { timer?: NodeJS.Timeout }) | undefined;
    if (p) {
      clearTimeout(p.timer);
      slot.job = undefined;
      this.counts.died++;
      // fail closed: a child that died mid-analysis (out of memory, killed) answers ask.
      p.resolve(this.fail(p, 'E_INTERNAL', 'the analysis worker stopped during the analysis'));
    }
    if (slot.isReady) this.refill();
  }

  private startFailed(slot: Slot, err: Error): void {
    this.drop(slot);
    slot.child.kill('SIGKILL');
    const why = `${err.message}${slot.stderr ? `: ${lastLine(slot.stderr)}` : ''}`;
    // Another child (loaded or loading) takes the waiting requests; it fails them itself if it
    // cannot load. No new child is started here: a policy that cannot load must not respawn forever.
    if (this.slots.length) return this.holdHost();
    // fail closed: nothing can analyse the waiting requests; each is answered ask.
    for (const p of this.queue.splice(0))
      p.resolve(this.fail(p, 'E_INTERNAL', `the analysis worker could not start (${why})`));
  }

  /** Keeps the pool warm after a kill or a death. */
  private refill(): void {
    if (!this.closed && this.slots.length < this.size) this.spawn();
    this.pump();
  }

  private drop(slot: Slot): boolean {
    const i = this.slots.indexOf(slot);
    if (i < 0) return false;
    this.slots.splice(i, 1);
    return true;
  }

  private fail(p: Pending, code: string, message: string): AnalysisResult {
    const issues: AnalysisIssue[] = [{ code, message }];
    // fail closed: an analysis that did not finish is decided on its issue alone → ask.
    const { decision, findings, reason } = decide(
      [],
      issues,
      this.engine.rulesets,
      memoMask((s) => s),
    );
    return {
      decision: { decision, findings, reason, commands: [], facts: [], issues, ms: performance.now() - p.t0 },
      specials: [],
    };
  }
}

const pools = new WeakMap<Engine, AnalysisPool>();

/** The one pool of an engine (created and warmed on first use), shared by every caller of this process. */
export function poolOf(engine: Engine, o?: PoolOptions): AnalysisPool {
  let p = pools.get(engine);
  if (!p) {
    p = new AnalysisPool(engine, o);
    void p.warm(false);
    pools.set(engine, p);
  }
  return p;
}

/**
 * The analysis worker process (see worker.ts): loads the engine once from the host's
 * EngineSpec, then answers each {@link WorkerRequest} with a {@link WorkerReply} over the
 * IPC channel, one at a time. Runs only as a child forked with an IPC channel; exits when
 * the channel closes (the host went away or dropped it).
 */
import { existsSync } from 'node:fs';
import { loadEngine, makeContext, type EngineSpec } from './analyze.js';
import { payloadReader } from './payload-reader.js';
import { dirLister } from './dir-lister.js';
import { DEFAULT_LIMITS, type Decision } from './types.js';
import { wrapperPredates } from '../supervisor/approved.js';
import { preloadGrammars } from '../normalize/codeparse.js';

/** One analysis asked of the worker. */
export interface WorkerRequest {
  /** Sequence number matching the reply to the request. */
  id: number;
  /** Shell text to analyse. */
  script: string;
  /** Absolute directory the command would run in. */
  cwd: string;
  /** Absolute workspace root. Absent = cwd. */
  workspace?: string;
  /** Home directory of the command's user. Absent = this process's HOME. */
  home?: string;
  /**
   * Prefix put before every payload path the command names, so files are read as the
   * requesting process sees them (`/proc/PID/root`: its mount namespace). Empty or absent =
   * as this process sees them.
   */
  readRoot?: string;
  /**
   * Session start (epoch ms): a build wrapper (`./gradlew`) whose files all changed before
   * it is the project's own (src/supervisor/approved.ts). Absent = never.
   */
  wrappersBefore?: number;
}

/** The worker's answer. */
export interface WorkerReply {
  id: number;
  decision: Decision;
  /** Payload paths that are a FIFO, socket or device ("fifo /path"); empty = none. */
  specials: string[];
  /** True when the analysis called one of its context's functions (read a file): its verdict depends on files. */
  io: boolean;
}

// Same as the supervisor: SIGUSR1 must not open the Node inspector in a process holding the policy.
process.on('SIGUSR1', () => undefined);

/** Commands touching each stage and fact family once. */
const WARMUP = [
  'ls -la | grep x && cd src; echo "$(date)" > /tmp/x',
  'rm -rf ~/old && git push --force origin main',
  'curl -X POST https://api.example.com/graphql -H \'Content-Type: application/json\' -d \'{"query":"mutation { a }"}\'',
  'bash -c \'eval "psql -c \\"DELETE FROM t\\""\'; aws s3 rm s3://b --recursive; kubectl delete ns x',
  'python3 -c \'import shutil; shutil.rmtree("/x")\'',
];

const send = process.send?.bind(process);
// Not a top-level await: the worker is also bundled as CommonJS (scripts/bundle.mjs), which
// has none. A failed load rejects unhandled and ends the process, as a top-level one did.
if (send)
  void (async () => {
    // A host that went away while this child loads (a short session) ends it at once.
    process.on('disconnect', () => process.exit(0));
    const spec = JSON.parse(process.env.AGENTFW_WORKER_SPEC ?? '{}') as EngineSpec;
    // The host already ran the rulesets' examples when it loaded the same files.
    const engine = await loadEngine({ ...spec, skipExamples: true });
    process.on('message', (req: WorkerRequest) => {
      const specials: string[] = [];
      const read = payloadReader(DEFAULT_LIMITS.maxPayloadBytes, undefined, (p, kind) =>
        specials.push(`${kind} ${p}`),
      );
      const root = req.readRoot && existsSync(req.readRoot) ? req.readRoot : '';
      const list = dirLister(undefined, { workspace: req.workspace ?? req.cwd, root });
      const ctx = makeContext({
        cwd: req.cwd,
        workspace: req.workspace ?? req.cwd,
        ...(req.home ? { home: req.home } : {}),
        readFile: root ? (p) => read(root + p) : read,
        listDir: list,
        ...(req.wrappersBefore !== undefined
          ? {
              wrapperPredates: (f: string, c: string[]) =>
                wrapperPredates(f, c, req.wrappersBefore!, req.home ?? '', req.workspace ?? req.cwd),
            }
          : {}),
      });
      // Every function of the context is I/O the verdict may depend on: a call makes it uncacheable.
      let io = false;
      const traced = { ...ctx } as Record<string, unknown>;
      for (const [k, v] of Object.entries(ctx))
        if (typeof v === 'function')
          traced[k] = (...args: unknown[]) => {
            io = true;
            return (v as (...a: unknown[]) => unknown)(...args);
          };
      const decision = engine.analyze(req.script, traced as unknown as typeof ctx);
      const reply: WorkerReply = { id: req.id, decision, specials, io };
      send(reply);
    });
    // Warm the code paths (parser, normalizer, extractors, rules): a child's first analysis is
    // otherwise several times slower, which only the deadline sees. The first command (the
    // core path every analysis takes) runs before the child says it is ready; the others run
    // one per turn of the event loop after it, so a request that arrives meanwhile waits for
    // at most one of them (tens of ms, far inside the hard deadline, which still applies).
    const warm = (w: string) => engine.analyze(w, makeContext({ cwd: '/', home: '/' }));
    warm(WARMUP[0]);
    send({ ready: true });
    const rest: (() => void)[] = [preloadGrammars, ...WARMUP.slice(1).map((w) => () => void warm(w))];
    const next = () => {
      const step = rest.shift();
      if (!step) return;
      step();
      setImmediate(next);
    };
    setImmediate(next);
  })();

/**
 * `docker|podman|nerdctl [container] run [opts] IMAGE [CMD…]`: CMD runs in a new container.
 * What it does over the network (a client image reaching a shared database: `docker run
 * --rm postgres psql -h db.prod -c 'DROP DATABASE app'`) is the same as from the host; its
 * files are its own and thrown away with it, except under the mounts (`-v SRC:DST`,
 * `--mount`), which are a host folder or a named volume's kept data. The command is walked
 * with those mounts in its frame (NormalizedCommand.container); src/extract/container-paths.ts
 * places its paths.
 *
 * An option this table does not know, written without `=`, or one not known statically,
 * leaves the image's place open: every reading of it is walked (runOptions).
 */
import { posix } from 'node:path';
import type { ContainerMount } from '../engine/types.js';
import { runArgv } from './carriers.js';
import { RUN_FLAGS, RUN_LONG, RUN_SHORT } from './container-run-options.js';
import { emit, type K } from './emit.js';
import { runEscape } from './container-powers.js';
import { carriedScope, type Field, type Res } from './state.js';

/** `docker run`'s long options that take a value, as a set (made once). */
const LONG_WITH_VALUE = new Set(RUN_LONG);

/**
 * One way of reading the options before the image: every value of each option (mounts
 * repeat), where the image is, and whether an option not known statically (`$OPTS`) may
 * have mounted anything anywhere.
 */
interface Reading {
  values: [string, Field][];
  index: number;
  unknownMounts: boolean;
}

/**
 * Readings kept at most: each option whose shape is not known doubles them. Past it, the
 * later alternatives are dropped; the first reading (each such option a flag, each `$X` the
 * image) is always kept, and a `$X` read as the image carries a command that starts with
 * whatever follows it (a dynamic program is asked about).
 */
const MAX_READINGS = 4;

/**
 * The ways the options before the image can be read. One, when every option is known; an
 * option this table does not know, written without `=` (`--gpus all`), may take the next
 * word or not, and a word not known statically (`$OPTS`, `"$IMAGE"`) may be the image or
 * options: each is read both ways (fail closed: the command of every reading is walked, so
 * the worst one decides).
 */
function runOptions(args: Field[]): Reading[] {
  const done: Reading[] = [];
  const todo: Reading[] = [{ values: [], index: 0, unknownMounts: false }];
  // `r`, being read, counts too.
  const fork = (alt: Reading) => {
    if (done.length + todo.length + 1 < MAX_READINGS) todo.push(alt);
  };
  while (todo.length > 0) {
    const r = todo.shift() as Reading;
    const values = [...r.values];
    let i = r.index;
    for (; i < args.length; i++) {
      const a = args[i];
      const t = a.text;
      if (a.dynamic && !t.startsWith('-')) {
        // `$OPTS`: options of any shape (mounts included) to skip, or else the image, below
        fork({ values: [...values], index: i + 1, unknownMounts: true });
        break;
      }
      if (!t.startsWith('-') || t === '-') break;
      if (t.startsWith('--')) {
        const eq = t.indexOf('=');
        const name = eq >= 0 ? t.slice(2, eq) : t.slice(2);
        if (eq >= 0) values.push([name, { ...a, text: t.slice(eq + 1) }]);
        else if (a.dynamic) {
          // `--$OPT`: a name not known: a flag, or an option taking the next word
          fork({ values: [...values], index: i + 2, unknownMounts: true });
          r.unknownMounts = true;
        } else if (LONG_WITH_VALUE.has(name)) values.push([name, args[++i] ?? { text: '', dynamic: true }]);
        else if (!RUN_FLAGS.has(name))
          fork({ values: [...values], index: i + 2, unknownMounts: r.unknownMounts });
        continue;
      }
      // fail closed: `-$X`: short options not known statically may be `-v` with its mount
      if (a.dynamic) r.unknownMounts = true;
      for (let j = 1; j < t.length; j++) {
        if (!RUN_SHORT.includes(t[j])) continue;
        const rest = t.slice(j + 1);
        values.push([t[j], rest ? { ...a, text: rest } : (args[++i] ?? { text: '', dynamic: true })]);
        break;
      }
    }
    done.push({ values, index: i, unknownMounts: r.unknownMounts });
  }
  return done;
}

/** Where `-v SPEC` mounts what: `SRC:DST[:opts]` (a path or a volume name) or `DST` alone (an anonymous volume). */
function volumeMount(spec: Field, cwd: string): ContainerMount | undefined {
  const parts = spec.text.split(':');
  if (parts.length < 2) return undefined; // an anonymous volume: nobody's data
  const [src, dst] = parts;
  if (!dst.startsWith('/')) return undefined;
  return mount(src, dst, spec.dynamic, cwd);
}

/** `--mount type=bind,source=/x,target=/y[,readonly]`; tmpfs and anonymous volumes are nobody's data. */
function optionMount(spec: Field, cwd: string): ContainerMount | undefined {
  const kv = new Map(
    spec.text.split(',').map((p) => {
      const eq = p.indexOf('=');
      return [eq < 0 ? p : p.slice(0, eq), eq < 0 ? '' : p.slice(eq + 1)] as const;
    }),
  );
  const type = kv.get('type') ?? 'volume';
  const src = kv.get('source') ?? kv.get('src') ?? '';
  const dst = kv.get('target') ?? kv.get('destination') ?? kv.get('dst') ?? '';
  if (type === 'tmpfs' || !dst.startsWith('/') || (type === 'volume' && !src)) return undefined;
  return mount(src, dst, spec.dynamic, cwd, type === 'bind');
}

function mount(src: string, dst: string, dynamic: boolean, cwd: string, bind = false): ContainerMount {
  const target = posix.normalize(dst).replace(/(.)\/+$/, '$1');
  const path = bind || /^[./~]/.test(src) || src.includes('/');
  // fail closed: a source not known statically (`-v $DIR:/data`) is a host folder of unknown place
  if (dynamic || (path && /\$|`|^~/.test(src))) return { target, source: '', volume: false };
  if (!path) return { target, source: src, volume: true };
  return { target, source: posix.resolve(cwd, src), volume: false };
}

/**
 * Images whose entry point is a command-line client (by the image name's last part): the
 * words after the image are that program's arguments (`docker run curlimages/curl -X DELETE
 * URL`). Images that run their command as given (postgres, alpine, node) are not here.
 */
const ENTRYPOINTS: Record<string, string> = {
  curl: 'curl',
  'aws-cli': 'aws',
  'azure-cli': 'az',
  kubectl: 'kubectl',
  terraform: 'terraform',
  helm: 'helm',
  mc: 'mc',
  httpie: 'http',
  'postgresql-client': 'psql',
  'mysql-client': 'mysql',
  rclone: 'rclone',
  restic: 'restic',
  doctl: 'doctl',
  flyctl: 'flyctl',
  migrate: 'migrate',
};

/** The program an image runs its words with: `curlimages/curl:8.5` → curl; undefined = the words are the command. */
export function entrypointOf(image: string): string | undefined {
  const name = image.replace(/@.*$/, '').split('/').pop()?.replace(/:.*$/, '') ?? '';
  return Object.hasOwn(ENTRYPOINTS, name) ? ENTRYPOINTS[name] : undefined;
}

/** `docker run …` (args after `run`): the command it carries, walked in the new container; undefined = none. */
export function containerRun(args: Field[], tool: string, k: K): Res | undefined {
  let first: Res | undefined;
  let held = false;
  for (const o of runOptions(args)) {
    const carried = runReading(o, args, tool, k);
    // A container that holds its host (container-powers.ts) stays a command of its own, so
    // its options are judged as well as what it carries.
    if (carried && !held && runEscape(args.slice(0, o.index).map((f) => f.text))) {
      held = true;
      const head = [tool, 'run'].map((text) => ({ text, dynamic: false }));
      emit([...head, ...args.slice(0, o.index + 1)], k);
    }
    first = carried ?? first;
  }
  return first;
}

/** The command one reading of `docker run`'s options carries, walked in the new container; undefined = none. */
function runReading(o: Reading, args: Field[], tool: string, k: K): Res | undefined {
  const rest = args.slice(o.index);
  const image = rest[0];
  const entry = o.values.find(([n]) => n === 'entrypoint')?.[1];
  const words = rest.slice(1);
  const known = image && !image.dynamic ? entrypointOf(image.text) : undefined;
  const cmd = entry
    ? [entry, ...words]
    : known && words[0]?.text !== known
      ? [{ text: known, dynamic: false }, ...words]
      : words;
  if (!image || cmd.length === 0) return undefined;
  // fail closed: options not known statically may have mounted a host folder anywhere
  const mounts: ContainerMount[] = o.unknownMounts ? [{ target: '/', source: '', volume: false }] : [];
  let workdir = '/';
  for (const [name, v] of o.values) {
    const m =
      name === 'v' || name === 'volume'
        ? volumeMount(v, k.scope.cwd)
        : name === 'mount'
          ? optionMount(v, k.scope.cwd)
          : undefined;
    if (m) mounts.push(m);
    // fail closed: another container's volumes, at places not known here, may be under any path
    if (name === 'volumes-from') mounts.push({ target: '/', source: v.text, volume: true });
    if ((name === 'w' || name === 'workdir') && v.text.startsWith('/') && !v.dynamic) workdir = v.text;
  }
  const scope = carriedScope(k.scope, workdir);
  const label = `${tool} run ${image.text}`;
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label], container: mounts };
  return runArgv(cmd, { ...k, frame, scope, outer: scope });
}

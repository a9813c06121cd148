/**
 * `docker|podman|nerdctl [container] run [opts] IMAGE [CMD…]`: CMD runs in a new container.
 * What it does over the network (a client image reaching a shared database: `docker run
 * --rm postgres psql -h db.prod -c 'DROP DATABASE app'`) is the same as from the host; its
 * files are its own and thrown away with it, except under the mounts (`-v SRC:DST`,
 * `--mount`), which are a host folder or a named volume's kept data. The command is walked
 * with those mounts in its frame (NormalizedCommand.container); src/extract/container-paths.ts
 * places its paths.
 *
 * An option this table does not know, written without `=`, leaves the image unknown:
 * nothing is carried then (the command is read as `docker run` alone).
 */
import { posix } from 'node:path';
import type { ContainerMount } from '../engine/types.js';
import { runArgv } from './carriers.js';
import { RUN_FLAGS, RUN_LONG, RUN_SHORT } from './container-run-options.js';
import type { K } from './emit.js';
import { carriedScope, type Field, type Res } from './state.js';

/** `docker run`'s long options that take a value, as a set (made once). */
const LONG_WITH_VALUE = new Set(RUN_LONG);

/** The options before the image: every value of each option (mounts repeat), and where the image is. */
function runOptions(args: Field[]): { values: [string, Field][]; index: number } | undefined {
  const values: [string, Field][] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    const t = a.text;
    // An option not known statically hides where the image is. (A word that is not an option
    // is taken as the image, `"$IMAGE"`: the words after it are read either way.)
    if (a.dynamic && t.startsWith('-')) return undefined;
    if (!t.startsWith('-') || t === '-') break;
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = eq >= 0 ? t.slice(2, eq) : t.slice(2);
      if (eq >= 0) values.push([name, { ...a, text: t.slice(eq + 1) }]);
      else if (LONG_WITH_VALUE.has(name)) values.push([name, args[++i] ?? { text: '', dynamic: true }]);
      else if (!RUN_FLAGS.has(name)) return undefined;
      continue;
    }
    for (let j = 1; j < t.length; j++) {
      if (!RUN_SHORT.includes(t[j])) continue;
      const rest = t.slice(j + 1);
      values.push([t[j], rest ? { ...a, text: rest } : (args[++i] ?? { text: '', dynamic: true })]);
      break;
    }
  }
  return { values, index: i };
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
};

/** The program an image runs its words with: `curlimages/curl:8.5` → curl; undefined = the words are the command. */
function entrypointOf(image: string): string | undefined {
  const name = image.replace(/@.*$/, '').split('/').pop()?.replace(/:.*$/, '') ?? '';
  return Object.hasOwn(ENTRYPOINTS, name) ? ENTRYPOINTS[name] : undefined;
}

/** `docker run …` (args after `run`): the command it carries, walked in the new container; undefined = none. */
export function containerRun(args: Field[], tool: string, k: K): Res | undefined {
  const o = runOptions(args);
  if (!o) return undefined;
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
  const mounts: ContainerMount[] = [];
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

/**
 * `apptainer|singularity exec|run [opts] IMAGE CMD…`: CMD runs in a container of IMAGE. Its
 * files are the image's (thrown away), except under the host folders it binds: each `--bind
 * SRC[:DST[:ro]]` (`-B`, comma-separated, DST defaulting to SRC), `--mount type=bind,…`, and by
 * default the cwd, /tmp and the home folders, at the same paths (not with `--contain`/`-c`/`-C`;
 * `--no-home` drops the homes). The command is walked with those mounts in its frame
 * (NormalizedCommand.container), like `docker run -v`. `shell` (no command) and other verbs: not
 * carried here. A bind whose source is not known statically is a host folder of unknown place.
 */
import { posix } from 'node:path';
import type { ContainerMount } from '../engine/types.js';
import { runArgv } from './carriers.js';
import type { K } from './emit.js';
import { carriedScope, type Field, type Res } from './state.js';

/** Options that take a value (as the next word when written without `=`). */
const VALUED = new Set([
  ...['-B', '--bind', '--mount', '-e', '--env', '--env-file', '-H', '--home', '--pwd', '-o', '--overlay'],
  ...['-W', '--workdir', '-S', '--scratch', '--security', '--network', '--network-args', '--hostname'],
  ...['--app', '--fusemount', '--apply-cgroups', '--dns', '--drop-caps', '--add-caps', '--uts'],
]);

/** A host folder mounted at `dst`; `src` relative to `cwd`. */
function bind(src: Field | string, dst: string, cwd: string): ContainerMount {
  const f = typeof src === 'string' ? { text: src, dynamic: false } : src;
  const target = posix.normalize(dst || f.text).replace(/(.)\/+$/, '$1');
  if (f.dynamic || /\$|`|^~/.test(f.text)) return { target, source: '', volume: false };
  return { target, source: posix.resolve(cwd, f.text), volume: false };
}

/** The mounts of one `--bind` value (`A:B,C`) or `--mount type=bind,src=…,dst=…`. */
function binds(name: string, v: Field, cwd: string): ContainerMount[] {
  if (name === '--mount') {
    const kv = new Map(v.text.split(',').map((p) => [p.split('=')[0], p.slice(p.indexOf('=') + 1)]));
    const src = kv.get('source') ?? kv.get('src') ?? '';
    const dst = kv.get('destination') ?? kv.get('dst') ?? kv.get('target') ?? src;
    return src ? [bind({ ...v, text: src }, dst, cwd)] : [];
  }
  return v.text
    .split(',')
    .filter(Boolean)
    .map((spec) => {
      const [src, dst] = spec.split(':');
      return bind({ ...v, text: src }, dst ?? '', cwd);
    });
}

export function apptainerRun(argv: Field[], k: K): Res | undefined {
  const tool = argv[0].text.replace(/.*\//, '');
  const verb = argv[1]?.text;
  if (verb !== 'exec' && verb !== 'run') return undefined;
  const cwd = k.scope.cwd;
  const mounts: ContainerMount[] = [];
  let contain = false;
  let home = true;
  let i = 2;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a.dynamic && !a.text.startsWith('-')) {
      // fail closed: options not known statically may bind anything anywhere
      mounts.push({ target: '/', source: '', volume: false });
      break;
    }
    if (!a.text.startsWith('-')) break;
    const eq = a.text.indexOf('=');
    // a short option with its value attached (`-B/data:/data`, `-B=/data`)
    const short = !a.text.startsWith('--') && a.text.length > 2 && VALUED.has(a.text.slice(0, 2));
    const name = short
      ? a.text.slice(0, 2)
      : a.text.startsWith('--') && eq > 0
        ? a.text.slice(0, eq)
        : a.text;
    if (a.dynamic) mounts.push({ target: '/', source: '', volume: false });
    if (/^(-c|--contain|-C|--containall)$/.test(name)) contain = true;
    if (name === '--no-home') home = false;
    if (!VALUED.has(name)) continue;
    const attached = short
      ? a.text.slice(2).replace(/^=/, '')
      : eq > 0 && name.startsWith('--')
        ? a.text.slice(eq + 1)
        : undefined;
    const v: Field | undefined = attached !== undefined ? { ...a, text: attached } : argv[++i];
    if (!v) break;
    if (/^(-B|--bind|--mount)$/.test(name)) mounts.push(...binds(name, v, cwd));
  }
  const image = argv[i];
  const cmd = argv.slice(i + 1);
  if (!image || cmd.length === 0) return undefined;
  if (!contain) {
    mounts.push(bind(cwd, cwd, cwd), bind('/tmp', '/tmp', cwd));
    if (home) mounts.push(bind('/home', '/home', cwd), bind('/root', '/root', cwd));
  }
  const scope = carriedScope(k.scope, cwd);
  const frame = {
    ...k.frame,
    wrappers: [...k.frame.wrappers, `${tool} ${verb} ${image.text}`],
    container: mounts,
  };
  return runArgv(cmd, { ...k, frame, scope, outer: scope });
}

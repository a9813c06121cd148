/**
 * Where a path of a command run in a new container (`docker|podman run`,
 * NormalizedCommand.container) is: the container's own files are thrown away with it; under
 * a bind mount they are the host folder's, under a named volume the volume's kept data.
 */
import { posix } from 'node:path';
import type { ContainerMount, NormalizedCommand } from '../engine/types.js';
import { isUnder } from './path-under.js';

export type ContainerPlace =
  /** The container's own file, thrown away with it. */
  | { kind: 'own'; path: string }
  /** A host path, through a bind mount; `whole`: the mount's whole folder (it lies below the path). */
  | { kind: 'host'; path: string; whole: boolean }
  /** Data of a named volume (kept between containers). */
  | { kind: 'volume'; path: string }
  /** Not placeable: a word not known statically, or a mount whose host folder is not. */
  | { kind: 'unknown' };

/** The container path of word `raw` (absolute, normalized); '' when it still holds an expansion. */
export function containerAbs(raw: string, cmd: NormalizedCommand): string {
  // The container's HOME is its own (root's, for most images), not the host user's.
  const w = raw.replace(/^~(?=\/|$)/, '/root');
  if (/\$|`|^~|^<\(|^>\(/.test(w)) return '';
  return posix.resolve(cmd.cwd || '/', w).replace(/(.)\/+$/, '$1');
}

/**
 * Where container path `p` is. `reach`: `p` is the root of something removed or changed
 * whole, so a mount below it counts too (`rm -rf /` empties every mount); then the mount
 * whose host folder is nearest the root wins.
 */
export function placeInContainer(p: string, mounts: ContainerMount[], reach = false): ContainerPlace {
  const holding = mounts
    .filter((m) => isUnder(p, m.target))
    .sort((a, b) => b.target.length - a.target.length);
  const m = holding[0] ?? (reach ? below(p, mounts) : undefined);
  if (!m) return { kind: 'own', path: p };
  if (m.volume) return { kind: 'volume', path: p };
  if (!m.source) return { kind: 'unknown' };
  const whole = !isUnder(p, m.target);
  const rest = whole ? '' : posix.relative(m.target, p);
  return { kind: 'host', path: rest ? posix.join(m.source, rest) : m.source, whole };
}

/** The mount below `p` that matters most: a host folder nearest the root, else a volume. */
function below(p: string, mounts: ContainerMount[]): ContainerMount | undefined {
  const inside = mounts.filter((m) => isUnder(m.target, p));
  const unknown = inside.find((m) => !m.volume && !m.source);
  if (unknown) return unknown;
  const hosts = inside.filter((m) => !m.volume).sort((a, b) => a.source.length - b.source.length);
  return hosts[0] ?? inside[0];
}

/**
 * The host file a container command's path argument reads or writes: '' when it is the
 * container's own, a volume's or not known (nothing on the host to read). For commands not
 * in a new container, undefined (the caller resolves as usual).
 */
export function hostFileOf(raw: string, cmd: NormalizedCommand): string | undefined {
  if (!cmd.container) return undefined;
  const abs = containerAbs(raw, cmd);
  if (!abs) return '';
  const place = placeInContainer(abs, cmd.container);
  return place.kind === 'host' ? place.path : '';
}

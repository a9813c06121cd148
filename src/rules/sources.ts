/**
 * Where packs come from: a path, an npm package, or an https URL pinned by sha256.
 *
 *   ./team/packs/ or pack.yaml         a file or a folder of *.yaml (as before)
 *   npm:@acme/agentfw-packs            resolved from node_modules (from `cwd` upwards); the
 *                                      package.json `agentfw.packs` array lists its files,
 *                                      else every *.yaml in its `rulesets/` folder
 *   https://h/p.yaml#sha256=HEX        fetched once into the cache (content-addressed); an
 *                                      unpinned URL is refused
 *
 * With a signature requirement (signing.ts) every pack from these sources must carry a
 * valid `.sig`. A failed fetch or verification of a URL pack falls back to the last good
 * copy of that URL in the cache, and says so; with no good copy the load fails (fail
 * closed: no pack is worse than an old one only if nothing was ever verified).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import { expandRulesetPaths } from './load.js';
import { verifyPack, type SignatureRequirement } from './signing.js';

export interface PackSourceOptions {
  /** Set by the org tier: every non-built-in pack must be signed by an allowed signer. Absent = unsigned packs load. */
  requireSignatures?: SignatureRequirement;
  /** Cache of fetched packs. Default `${XDG_CACHE_HOME:-~/.cache}/agentfw/packs`. */
  cacheDir?: string;
  /** Where npm packages are resolved from. Default process.cwd(). */
  cwd?: string;
  /** Extra trusted CA (PEM) for https packs (an internal CA). Absent = the system store. */
  ca?: string;
  /** Notes for the human (stale copies used). Absent = dropped. */
  onNote?: (message: string) => void;
  /** Per-fetch timeout, ms. Default 15 000. */
  fetchTimeoutMs?: number;
}

/** One loaded pack file and where it came from. */
export interface ResolvedPack {
  /** The reference as given. */
  ref: string;
  /** Local file the pack loads from. */
  file: string;
  source: 'path' | 'npm' | 'https';
  /** Principal that signed it; empty = not checked (no requirement). */
  signer: string;
  /** Why an older copy is in use; empty = the current one. */
  stale: string;
}

const MAX_PACK_BYTES = 2 * 1024 * 1024;
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export function defaultPackCache(env = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'agentfw', 'packs');
}

/** Does any ref need this module (not a plain path), or is a requirement set? */
export function needsSources(refs: string[], o: PackSourceOptions): boolean {
  return Boolean(o.requireSignatures) || refs.some((r) => r.startsWith('npm:') || /^https?:\/\//.test(r));
}

export async function resolvePackRefs(refs: string[], o: PackSourceOptions = {}): Promise<ResolvedPack[]> {
  const out: ResolvedPack[] = [];
  for (const ref of refs) {
    if (ref.startsWith('npm:'))
      out.push(...checked(ref, 'npm', npmFiles(ref.slice(4), o.cwd ?? process.cwd()), o));
    else if (/^https?:\/\//.test(ref)) out.push(await fromUrl(ref, o));
    else out.push(...checked(ref, 'path', expandRulesetPaths([ref]), o));
  }
  return out;
}

function refuse(ref: string, file: string, problem: string): AgentfwError {
  return new AgentfwError(
    'E_PACK_UNSIGNED',
    `pack ${ref} (${file}) refused: signatures are required and ${problem}`,
    'get the pack signed (`agentfw rules sign FILE --key KEY`) by a signer in the allowed-signers file, and ship FILE.sig beside it',
    2,
  );
}

function checked(
  ref: string,
  source: ResolvedPack['source'],
  files: string[],
  o: PackSourceOptions,
): ResolvedPack[] {
  return files.map((file) => {
    let signer = '';
    if (o.requireSignatures) {
      const v = verifyPack(file, o.requireSignatures);
      // fail closed: a required signature that is missing or bad refuses the pack
      if (!v.ok) throw refuse(ref, file, v.problem);
      signer = v.signer;
    }
    return { ref, file, source, signer, stale: '' };
  });
}

function npmFiles(name: string, cwd: string): string[] {
  let manifest: string;
  try {
    manifest = createRequire(path.join(path.resolve(cwd), 'noop.js')).resolve(`${name}/package.json`);
  } catch {
    throw new AgentfwError(
      'E_PACK_NOT_FOUND',
      `npm package ${name} is not installed (looked in node_modules from ${cwd} upwards)`,
      `install it from your registry: npm install --save-dev ${name}`,
      2,
    );
  }
  const dir = path.dirname(manifest);
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { agentfw?: { packs?: unknown } };
  const listed = pkg.agentfw?.packs;
  if (Array.isArray(listed)) return expandRulesetPaths(listed.map((p) => path.resolve(dir, String(p))));
  const rs = path.join(dir, 'rulesets');
  if (existsSync(rs) && readdirSync(rs).some((f) => /\.ya?ml$/.test(f))) return expandRulesetPaths([rs]);
  throw new AgentfwError(
    'E_PACK_NOT_FOUND',
    `npm package ${name} has no packs (no "agentfw": {"packs": [...]} in package.json, no rulesets/*.yaml)`,
    'list the pack files in package.json under "agentfw": {"packs": ["packs/x.yaml"]}',
    2,
  );
}

async function get(url: string, o: PackSourceOptions): Promise<Buffer> {
  // Loaded only when a URL pack is fetched: the HTTP client is large and most starts need none.
  const { Agent, fetch } = await import('undici');
  const dispatcher = new Agent({ connect: o.ca ? { ca: o.ca } : {} });
  try {
    const res = await fetch(url, {
      dispatcher,
      signal: AbortSignal.timeout(o.fetchTimeoutMs ?? 15_000),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const buf = Buffer.from(await res.arrayBuffer());
    if (buf.length > MAX_PACK_BYTES) throw new Error('larger than 2 MB');
    return buf;
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

async function fromUrl(ref: string, o: PackSourceOptions): Promise<ResolvedPack> {
  const m = /^(https:\/\/[^#]+)#sha256=([0-9a-f]{64})$/.exec(ref);
  if (!m)
    throw new AgentfwError(
      'E_PACK_UNPINNED',
      `pack URL ${ref} is not https with a #sha256= pin`,
      'pin the content: https://host/pack.yaml#sha256=HEX (sha256sum pack.yaml)',
      2,
    );
  const [, url, pin] = m;
  const dir = o.cacheDir ?? defaultPackCache();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const cached = path.join(dir, `${pin}.yaml`);
  const pointer = path.join(dir, `last-${sha256(url)}.json`);
  const good = (file: string): { ok: boolean; signer: string; problem: string } => {
    if (!existsSync(file)) return { ok: false, signer: '', problem: 'not cached' };
    if (!o.requireSignatures) return { ok: true, signer: '', problem: '' };
    const v = verifyPack(file, o.requireSignatures);
    return v.ok ? { ok: true, signer: v.signer, problem: '' } : { ok: false, signer: '', problem: v.problem };
  };
  // Content-addressed: a cached copy with the pinned hash is that pack.
  if (existsSync(cached) && sha256(readFileSync(cached)) === pin) {
    const g = good(cached);
    if (g.ok) return { ref, file: cached, source: 'https', signer: g.signer, stale: '' };
  }
  let problem: string;
  try {
    const body = await get(url, o);
    if (sha256(body) !== pin)
      throw new Error(`content sha256 ${sha256(body).slice(0, 12)}… is not the pinned ${pin.slice(0, 12)}…`);
    const sig = await get(url + '.sig', o).catch(() => undefined);
    writeFileSync(cached + '.tmp', body, { mode: 0o600 });
    if (sig) writeFileSync(cached + '.sig', sig, { mode: 0o600 });
    const tmpCheck = o.requireSignatures
      ? verifyPack(cached + '.tmp', o.requireSignatures, cached + '.sig')
      : undefined;
    if (tmpCheck && !tmpCheck.ok) throw new Error(tmpCheck.problem);
    renameSync(cached + '.tmp', cached);
    writeFileSync(pointer, JSON.stringify({ sha256: pin, url, fetchedAt: new Date().toISOString() }), {
      mode: 0o600,
    });
    return { ref, file: cached, source: 'https', signer: tmpCheck?.ok ? tmpCheck.signer : '', stale: '' };
  } catch (err) {
    problem = (err as Error).message;
  }
  // The last good copy of this URL, if any, still hashing and verifying as when it was fetched.
  try {
    const last = JSON.parse(readFileSync(pointer, 'utf8')) as { sha256: string; fetchedAt: string };
    const file = path.join(dir, `${last.sha256}.yaml`);
    const g = good(file);
    if (g.ok && sha256(readFileSync(file)) === last.sha256) {
      const stale = `fetch or verification of ${url} failed (${problem}); using the last good copy sha256:${last.sha256.slice(0, 12)}… fetched ${last.fetchedAt}`;
      o.onNote?.(`agentfw: ${stale}`);
      return { ref, file, source: 'https', signer: g.signer, stale };
    }
  } catch {
    /* no last good copy */
  }
  // fail closed: nothing verified to fall back on
  throw new AgentfwError(
    'E_PACK_FETCH',
    `pack ${url} could not be loaded (${problem}) and no good copy is cached`,
    'check the URL, the pin and the signature, or load the pack from a path',
    2,
  );
}

/**
 * Defaults until the org config tier sets them: `AGENTFW_PACK_ALLOWED_SIGNERS=FILE` turns
 * the signature requirement on, `AGENTFW_PACK_CA=FILE` trusts an internal CA for URLs.
 */
export function packSourceDefaults(env: NodeJS.ProcessEnv = process.env): PackSourceOptions {
  const o: PackSourceOptions = {};
  if (env.AGENTFW_PACK_ALLOWED_SIGNERS)
    o.requireSignatures = { allowedSigners: path.resolve(env.AGENTFW_PACK_ALLOWED_SIGNERS) };
  if (env.AGENTFW_PACK_CA) o.ca = readFileSync(env.AGENTFW_PACK_CA, 'utf8');
  return o;
}

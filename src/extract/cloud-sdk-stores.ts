/**
 * SDK calls that empty a store for good, read as the command they stand for (cloud-sdk.ts
 * applies them to inline code and to programs the script wrote):
 * - Docker Engine SDKs (docker-py and podman-py, dockerode, the Go clients, Docker.DotNet, Ruby's
 *   docker-api): prunes (`client.volumes.prune()`, `api.prune_images(filters=…)`,
 *   `docker.pruneVolumes()`, `cli.VolumesPrune(ctx, f)`, `Volumes.PruneAsync()`) and removals
 *   (`volumes.get('x').remove()`, `getVolume('x').remove()`, `cli.VolumeRemove(ctx, "x", true)`),
 *   each the fact of `docker volume prune`, `docker image prune -a` (a `dangling: false`
 *   filter), `docker volume rm x`, so the docker rules judge them. A removal of a name not known
 *   statically (an item of a listing: `for v in client.volumes.list(): v.remove()`) removes many,
 *   as `docker rm $(docker ps -aq)` does.
 * - Delta tables' vacuum: delta-rs's `DeltaTable(uri).vacuum(retention_hours=0, dry_run=False)`,
 *   delta-spark's `DeltaTable.forPath(spark, p).vacuum(0)`, Rust's `.with_retention_period(…)`
 *   and SQL's `VACUUM t RETAIN 0 HOURS`: the files of the versions under the retention window are
 *   deleted, and time travel and readers still using them lose them. A dry run (delta-rs's
 *   default) and the default retention (7 days) are not read.
 * Reads the code's text only. Pure.
 */
import type { CloudDraft } from './cloud-argv.js';

/** The container engine whose SDK the code loads; undefined = none. */
function engineOf(code: string): 'docker' | 'podman' | undefined {
  if (/\b(?:import|from)\s+podman\b|['"]github\.com\/containers\/podman\//.test(code)) return 'podman';
  if (
    /\bimport\s+docker\b|\bfrom\s+docker(?:\.[\w.]+)?\s+import\b|['"](?:dockerode|docker-modem)['"]|['"]github\.com\/(?:docker\/docker|moby\/moby|fsouza\/go-dockerclient)\/|\bDocker\.DotNet\b|\brequire\s*\(?\s*['"]docker(?:-api)?['"]|\bDocker::(?:Volume|Container|Image|Network)\b/.test(
      code,
    )
  )
    return 'docker';
  return undefined;
}

/** An SDK's collection name → the CLI's service (`volumes`, `Volume`, `builds`, `BuildCache` → `volume`, `builder`). */
function serviceOf(name: string): string {
  const n = name.toLowerCase().replace(/s$/, '');
  return n === 'build' || n === 'buildcache' ? 'builder' : n;
}

const COLL = '(?:containers?|images?|volumes?|networks?|Containers?|Images?|Volumes?|Networks?)';

/** Prune calls, the collection in one of the groups. */
const PRUNE = new RegExp(
  `(?:${[
    `\\.\\s*(${COLL})\\s*\\.\\s*[pP]rune\\w*`, // client.volumes.prune(…), .Volumes.PruneAsync(…)
    `\\bprune_(containers|images|volumes|networks|builds)`, // api.prune_images(…)
    `\\b[pP]rune(Containers|Images|Volumes|Networks|Builder)`, // docker.pruneVolumes(…), PruneVolumes(…)
    `\\b(Containers|Images|Volumes|Networks|BuildCache)Prune`, // cli.VolumesPrune(ctx, …)
    `\\bDocker::(Container|Image|Volume|Network)\\s*\\.\\s*prune`, // Docker::Volume.prune
  ]
    .map((s) => `(?:${s})`)
    .join('|')})\\s*\\(?`,
  'g',
);

/** Removal calls: the collection and, when the call names it, the target expression's start. */
const REMOVE = new RegExp(
  [
    `\\.\\s*(${COLL})\\s*\\.\\s*get\\s*\\(([^()]*)\\)\\s*\\.\\s*(?:remove|delete)\\b`, // client.volumes.get('x').remove()
    `\\.\\s*(images)\\s*\\.\\s*remove\\s*\\(([^(),]*)`, // client.images.remove('x')
    `\\bremove_(container|image|volume|network)\\s*\\(([^(),]*)`, // api.remove_volume('x')
    `\\.\\s*get(Container|Image|Volume|Network)\\s*\\(([^()]*)\\)\\s*\\.\\s*remove\\b`, // docker.getVolume('x').remove()
    `\\b(Container|Image|Volume|Network)Remove\\s*\\(\\s*\\w+\\s*,([^(),]*)`, // cli.VolumeRemove(ctx, "x", true)
    `\\bRemove(Container|Image|Volume|Network)\\s*\\(([^(),]*)`, // go-dockerclient RemoveVolume(…)
    `\\.\\s*(Volumes|Containers|Images|Networks)\\s*\\.\\s*(?:Remove|Delete)\\w*Async\\s*\\(([^(),]*)`, // Docker.DotNet
    `\\bDocker::(Container|Image|Volume|Network)\\s*\\.\\s*get\\s*\\(([^()]*)\\)\\s*\\.\\s*(?:remove|delete)\\b`,
  ]
    .map((s) => `(?:${s})`)
    .join('|'),
  'g',
);

/**
 * A name bound to each item of a Python listing (`for v in client.volumes.list(…)`, also in a
 * comprehension); the other languages' removals name the item (`getVolume(v.Name)`): not a literal.
 */
const LISTED_ITEM = new RegExp(
  `\\bfor\\s+(\\w+)\\s+in\\s+[\\w.()]*?\\.\\s*(${COLL})\\s*\\.\\s*list\\s*\\(`,
  'g',
);

/** The text inside the parentheses that open at `open` (or before the line's end without them). */
function callText(code: string, open: number): string {
  if (code[open - 1] !== '(') return '';
  let depth = 1;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return code.slice(open, i);
  }
  return code.slice(open);
}

/** A string literal's value (`'x'`, `"x"`), or undefined when the expression is no literal. */
function literal(expr: string): string | undefined {
  return /^\s*(['"`])([^'"`]*)\1\s*$/.exec(expr)?.[2];
}

/**
 * Whether a prune's filters select beyond the dangling and stopped ones: `dangling: false`
 * (every unused image), `all: true` (named volumes too), or filters held in a name whose value
 * is not known here.
 */
function prunesAll(args: string): boolean {
  if (/dangling\\?['"]?\s*[:=,]\s*(?:\{\s*)?\[?\s*\\?['"]?(?:false|0)\b/i.test(args)) return true;
  if (/['"]?all['"]?\s*[:=,]\s*\[?\s*['"]?(?:true|1)\b/i.test(args)) return true;
  // fail closed: filters given by a name (`filters=f`, `cli.ImagesPrune(ctx, f)`) may be anything
  const bare = args
    .replace(/(['"`])(?:(?!\1)[^\\]|\\.)*\1/g, '')
    .replace(
      /\b(?:ctx|context\.\w+\(\)|filters\.NewArgs|filters\.Arg|filters|True|False|None|true|false|null|nil|new)\b/g,
      '',
    )
    .replace(/\b\w+\.\w*Options\b|\b\w*Parameters\b/g, '');
  return /[A-Za-z_]\w*/.test(bare);
}

function engineCalls(code: string, tool: string): CloudDraft[] {
  const out: CloudDraft[] = [];
  const draft = (service: string, verb: string, resource: string, all: boolean): CloudDraft => ({
    tool,
    service,
    verb,
    resource,
    all,
    force: /\bforce\s*[=:]\s*true\b/i.test(code),
  });
  for (const m of code.matchAll(PRUNE)) {
    const service = serviceOf(m.slice(1).find(Boolean) ?? '');
    const args = callText(code, (m.index ?? 0) + m[0].length);
    out.push(
      draft(service, 'prune', '', service !== 'container' && service !== 'network' && prunesAll(args)),
    );
  }
  for (const m of code.matchAll(REMOVE)) {
    const groups = m.slice(1);
    const at = groups.findIndex((g) => g !== undefined);
    const name = literal(groups[at + 1] ?? '');
    // fail closed: a name not known statically (an item of a listing) may be any or all of them
    out.push(draft(serviceOf(groups[at]), 'rm', name ?? '', name === undefined));
  }
  for (const m of code.matchAll(LISTED_ITEM))
    if (new RegExp(`\\b${m[1]}\\s*\\.\\s*(?:remove|delete)\\s*\\(`).test(code))
      out.push(draft(serviceOf(m[2]), 'rm', '', true));
  return out;
}

/** Hours below which a vacuum deletes versions a reader may still use (delta's default retention: 7 days). */
const RETENTION_HOURS = 168;

/** `retention_hours=0`, `vacuum(0)`, `retentionHours = 1.5`: the hours given; undefined = none given; NaN = not known. */
function retentionOf(args: string): number | undefined {
  const named = /\bretention_?[hH]ours\s*[=:]\s*([^,)]+)/.exec(args)?.[1];
  const first = args.split(',')[0]?.trim();
  const v = named ?? (first && !/[=:]/.test(first) ? first : undefined);
  if (v === undefined || v.trim() === '' || /^None$/.test(v.trim())) return undefined;
  return /^\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : NaN;
}

function vacuums(code: string): CloudDraft[] {
  if (!/\bDeltaTable\b|\bdeltalake\b|\bDeltaOps\b|\bpyspark\b|\bdatabricks\b/.test(code)) return [];
  const out: CloudDraft[] = [];
  const uri =
    /\b(?:DeltaTable(?:\.forPath|\.forName|\.for_path)?|open_table)\s*\(\s*(?:\w+\s*,\s*)?(['"])([^'"]+)\1/.exec(
      code,
    )?.[2] ?? '';
  const draft = (force: boolean): CloudDraft => ({
    tool: 'delta-lake',
    service: 'table',
    verb: 'vacuum',
    resource: uri,
    all: false,
    force,
    generic: true,
  });
  const deltaRs =
    /\bDeltaTable\s*\(|\bdeltalake\b/.test(code) && !/\bDeltaTable\s*\.\s*for(?:Path|Name)\b/.test(code);
  for (const m of code.matchAll(/\.\s*vacuum\s*\(/g)) {
    const args = callText(code, (m.index ?? 0) + m[0].length);
    // Rust's builder: `.vacuum().with_retention_period(…)`
    const rust = /^\s*\)\s*\.\s*with_/.test(code.slice((m.index ?? 0) + m[0].length + args.length));
    const chain = rust ? code.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 400) : '';
    // delta-rs's Python vacuum lists only, unless told dry_run=False; Spark's and Rust's delete
    const dry = /\bdry_run\s*=\s*(\w+)/.exec(args)?.[1];
    if (!rust && deltaRs && (dry === undefined || dry === 'True')) continue;
    if (/\.with_dry_run\s*\(\s*true\s*\)/.test(chain)) continue;
    const hours = rust
      ? retentionOf(
          /(?:Duration|TimeDelta)::(?:hours|try_hours)\s*\(\s*([^)]*)\)/.exec(chain)?.[1] ??
            (/(?:Duration|TimeDelta)::zero\s*\(/.test(chain) ? '0' : ''),
        )
      : retentionOf(args);
    // fail closed: hours not known statically may be none
    if (hours !== undefined && !(hours >= RETENTION_HOURS))
      out.push(
        draft(
          /enforce_retention_duration\s*=\s*False|with_enforce_retention_duration\s*\(\s*false/.test(code),
        ),
      );
  }
  for (const m of code.matchAll(
    /\bVACUUM\s+[\w.`'"/:-]+\s+RETAIN\s+(\d+(?:\.\d+)?)\s+HOURS\b(?!\s+DRY\s+RUN)/gi,
  ))
    if (Number(m[1]) < RETENTION_HOURS) out.push(draft(false));
  return out;
}

/** The store-emptying calls of `code`: the container engine's (when its SDK is loaded) and vacuums. */
export function storeCalls(code: string): CloudDraft[] {
  const tool = engineOf(code);
  return [...(tool ? engineCalls(code, tool) : []), ...vacuums(code)];
}

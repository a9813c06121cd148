/**
 * A credential file copied into a package's tree earlier in the script, then the package
 * published (`cp .env dist/ && npm publish`, `cp ~/.pypirc src/app/ && twine upload
 * dist/*`): the file ships to the registry, where anyone can download it. Reads the copies
 * (`cp`, `mv`, `ln`, `install`, a local `rsync`: their sources and destination) and the
 * publishing command (its registry and the directory it packs: a directory argument, or
 * the working directory).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { resolvePath } from './http-body.js';
import { isCredentialPath } from './exfil-sources.js';

/** Publishing commands: the program, the words that publish, and the registry they upload to. */
const PUBLISHERS: { program: RegExp; words: RegExp; host: string }[] = [
  { program: /^(npm|pnpm|bun)$/, words: /^publish$/, host: 'registry.npmjs.org' },
  { program: /^yarn$/, words: /^(publish|npm publish)$/, host: 'registry.npmjs.org' },
  { program: /^(deno|jsr)$/, words: /^publish$/, host: 'jsr.io' },
  { program: /^cargo$/, words: /^publish$/, host: 'crates.io' },
  { program: /^(twine)$/, words: /^upload$/, host: 'pypi.org' },
  { program: /^(poetry|uv|flit|hatch|pdm)$/, words: /^publish$/, host: 'pypi.org' },
  { program: /^gem$/, words: /^push$/, host: 'rubygems.org' },
  { program: /^(vsce|ovsx)$/, words: /^publish$/, host: 'marketplace.visualstudio.com' },
];

/** Options of the copy programs that take a value (`-t DIR` names the destination). */
const COPY_WITH_ARG = new Set(['-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group']);

/** A copy's sources and destination (as written); undefined when `cmd` copies nothing here. */
function copyOf(cmd: NormalizedCommand): { sources: string[]; dest: string } | undefined {
  if (!/^(cp|mv|ln|install|rsync)$/.test(cmd.program)) return undefined;
  const pos: string[] = [];
  let target = '';
  for (let i = 1; i < cmd.argv.length; i++) {
    const [opt, inline] = cmd.argv[i].split(/=(.*)/s, 2);
    if (opt === '-t' || opt === '--target-directory') target = inline ?? cmd.argv[++i] ?? '';
    else if (COPY_WITH_ARG.has(opt) && cmd.program !== 'rsync') i += inline === undefined ? 1 : 0;
    else if (!cmd.argv[i].startsWith('-')) pos.push(cmd.argv[i]);
  }
  const dest = target || pos.pop() || '';
  // rsync to another host is a remote copy (exfil-sinks.ts), not into this tree.
  if (!dest || (cmd.program === 'rsync' && /^[^/]*:/.test(dest))) return undefined;
  return { sources: pos, dest };
}

/**
 * The registry `cmd` publishes to and the directories it may pack: the working directory and
 * a directory argument (`npm publish dist`; which options take a value is not known, so a
 * word such as `--access public`'s is tried too); undefined = not a publish.
 */
function publishOf(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): { host: string; dirs: string[] } | undefined {
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  for (const p of PUBLISHERS) {
    if (!p.program.test(cmd.program)) continue;
    const n = p.words.source.includes(' ') && pos[0] === 'npm' ? 2 : 1;
    if (!p.words.test(pos.slice(0, n).join(' '))) continue;
    const args = pos.slice(n).filter((a) => !/[*?]|\.(tgz|tar\.gz|whl|gem|crate|vsix)$/.test(a));
    return { host: p.host, dirs: ['.', ...args].map((d) => resolvePath(d, cmd, ctx)) };
  }
  return undefined;
}

const inside = (file: string, dir: string) =>
  file === dir || file.startsWith(dir.endsWith('/') ? dir : dir + '/');

/** The credential file (as written) copied into the tree `cmd` publishes, and the registry; undefined = none. */
export function publishedCredential(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[],
): { host: string; file: string } | undefined {
  const pub = publishOf(cmd, ctx);
  if (!pub) return undefined;
  for (const c of all) {
    if (c === cmd) break;
    const copy = copyOf(c);
    if (!copy) continue;
    const file = copy.sources.find((s) => isCredentialPath(s, c, ctx));
    const dest = resolvePath(copy.dest, c, ctx);
    // Dependencies are not packed with the package.
    if (file && pub.dirs.some((d) => inside(dest, d)) && !/\/node_modules(\/|$)/.test(dest))
      return { host: pub.host, file };
  }
  return undefined;
}

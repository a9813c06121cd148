/**
 * Files a command writes other than through its redirects: the destination of a copy
 * (cp/mv/install/ln/rsync) and the output of a download (`curl -o F`, `wget -O F`). Their
 * content is not known here, except when it is secret material: a copy of a credential file
 * (also out of a container: `kubectl cp POD:/var/run/secrets/… F`, `docker cp C:/run/secrets/x F`)
 * or a download of a metadata service's credentials. Those carry SECRET_MARK, so a later
 * upload of the file is read as the credential leaving (the file's provenance).
 */
import { absPath, basename, type Field } from './state.js';
import type { K } from './emit.js';
import { carriesSecret, isCredentialAbs, SECRET_MARK } from './credentials.js';
import { fetchesMetadataCredential } from './metadata-credentials.js';

/** Options naming the file a download writes (`curl -o F`), also last in a bundle of short options (`curl -sSLo F`, `wget -qO F`). */
const OUTPUT_OPTS: Record<string, RegExp> = {
  curl: /^(-[a-zA-Z]*o|--output)$/,
  wget: /^(-[a-zA-Z]*O|--output-document)$/,
  wget2: /^(-[a-zA-Z]*O|--output-document)$/,
  xh: /^(-[a-zA-Z]*o|--output)$/,
  xhs: /^(-[a-zA-Z]*o|--output)$/,
  http: /^(-[a-zA-Z]*o|--output)$/,
  https: /^(-[a-zA-Z]*o|--output)$/,
  curlie: /^(-[a-zA-Z]*o|--output)$/,
};

/** Programs that copy their first operands to the last one. */
const COPIERS = ['cp', 'mv', 'install', 'ln', 'rsync'];

/** The output files a download names with an option (`-o F`, `--output=F`, `-OF`); `-` (stdout) included as written. */
function downloadOutputs(program: string, argv: Field[]): Field[] {
  const opt = Object.hasOwn(OUTPUT_OPTS, program) ? OUTPUT_OPTS[program] : undefined;
  if (!opt) return [];
  const out: Field[] = [];
  const words = argv.slice(1);
  words.forEach((w, i) => {
    const next = words[i + 1];
    if (opt.test(w.text) && next) out.push(next);
    const eq = /^--output(?:-document)?=(.+)$/s.exec(w.text);
    if (eq) out.push({ text: eq[1], dynamic: w.dynamic });
  });
  return out;
}

/**
 * Files a command writes other than through redirects, content not known here. Used so that
 * running such a file later is never taken for an unknown program on disk.
 */
export function outputFiles(program: string, argv: Field[]): string[] {
  const out = downloadOutputs(program, argv)
    .filter((f) => !f.dynamic)
    .map((f) => f.text);
  if (COPIERS.includes(program)) {
    const words = argv.slice(1).filter((w) => !w.text.startsWith('-'));
    const last = words.at(-1);
    if (last && !last.dynamic && words.length >= 2) out.push(last.text);
  }
  return out;
}

/** True when a fetcher prints the body it fetched (no output file; `-o -`, `-O-`, `-qO-` are stdout; wget without `-O` saves a file). */
export function fetchPrints(program: string, argv: Field[]): boolean {
  const outputs = downloadOutputs(program, argv);
  if (argv.some((f) => /^-[a-zA-Z]*O-$/.test(f.text))) return true;
  if (outputs.length) return outputs.every((f) => f.text === '-');
  if (program === 'wget' || program === 'wget2') return false;
  // curl -O / --remote-name: saved under the URL's own name
  return !argv.some((f) => /^(-[a-zA-Z]*O|--remote-name(-all)?)$/.test(f.text));
}

/** The URL's last path segment (what `wget URL` and `curl -O URL` save as); '' when unknown. */
function remoteName(argv: Field[]): string {
  const url = argv.slice(1).find((f) => /^[a-z]+:\/\/|^\d+\.\d+\.\d+\.\d+\//i.test(f.text));
  if (!url || url.dynamic) return '';
  return basename(url.text.replace(/[?#].*$/s, '')) || 'index.html';
}

/**
 * Files `argv` fills with secret material other than through a redirect, as absolute path
 * and folded text: the file a download of metadata credentials writes (the mark), or the
 * destination of a copy of a credential file (its text as `cat` folds it) or of a file this
 * script filled with secret material. `readFileText` reads a source as folding does
 * (producers.ts). Empty = none.
 */
export function secretOutputs(
  program: string,
  argv: Field[],
  k: K,
  readFileText: (abs: string, k: K) => string | undefined,
): [string, string][] {
  const cwd = k.scope.cwd;
  if (fetchesMetadataCredential(argv.map((f) => f.text))) {
    const named = downloadOutputs(program, argv).filter((f) => !f.dynamic && f.text !== '-');
    const files = named.length
      ? named.map((f) => f.text)
      : fetchPrints(program, argv)
        ? []
        : [remoteName(argv)];
    return files.filter(Boolean).map((f) => [absPath(cwd, f), SECRET_MARK + '\n']);
  }
  // `kubectl cp POD:/path DEST`, `docker cp CONTAINER:/path DEST`: the source is the container's
  const fromContainer = /^(kubectl|oc|docker|podman|nerdctl)$/.test(program) && argv[1]?.text === 'cp';
  if (!COPIERS.includes(program) && !fromContainer) return [];
  const words = argv.slice(fromContainer ? 2 : 1).filter((w) => !w.text.startsWith('-'));
  const dest = words.at(-1);
  if (!dest || dest.dynamic || words.length < 2) return [];
  const out: [string, string][] = [];
  for (const w of words.slice(0, -1)) {
    if (w.dynamic) continue;
    const inContainer = fromContainer ? /^[^:]+:(\/.*)$/s.exec(w.text) : null;
    if (fromContainer && !inContainer) continue;
    const abs = inContainer ? inContainer[1] : absPath(cwd, w.text);
    const known = inContainer ? undefined : k.scope.files.get(abs);
    const credential = isCredentialAbs(abs, k.run.ctx.home);
    if (!credential && !carriesSecret(known)) continue;
    // only a credential file is read (as `cat` would fold it): other sources may be devices or large
    const text = inContainer ? SECRET_MARK + '\n' : (known ?? readFileText(abs, k));
    // the destination is the copy, or a folder the copy lands in under the source's name
    for (const to of [dest.text, `${dest.text}/${basename(abs)}`])
      out.push([absPath(cwd, to), text ?? SECRET_MARK + '\n']);
  }
  return out;
}

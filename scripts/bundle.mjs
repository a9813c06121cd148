#!/usr/bin/env node
// Bundles the two long-running entry points (the CLI, which runs the supervisor, and the
// analysis worker child) from dist/ into dist/bundle/: one file per entry plus shared
// chunks, instead of the ~250 small ES modules tsc writes. Loading that many modules is
// most of a session's start-up (resolve, read, compile each); one file loads several
// times faster. Packages from node_modules stay external (native ones must; the rest
// load as they do from dist/). Every path a module computes from import.meta.url keeps
// working because dist/bundle/ sits at the same depth as dist/<stage>/ (tests check it).
//
// bin/agentfw runs dist/bundle/main.js when present, else dist/cli/main.js: a build
// without the bundler installed (esbuild is a devDependency) still works, only slower.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import(process.env.AGENTFW_ESBUILD || 'esbuild');
} catch {
  process.stderr.write(
    'agentfw: note: esbuild is not installed, so dist/bundle/ was not built; bin/agentfw runs dist/cli/main.js (slower start).\n',
  );
  process.exit(0);
}
const entries = {
  main: path.join(root, 'dist', 'cli', 'main.js'),
  'worker-entry': path.join(root, 'dist', 'engine', 'worker-entry.js'),
};
for (const f of Object.values(entries))
  if (!existsSync(f)) {
    process.stderr.write(`agentfw: bundle: ${f} is missing; run tsc first\n`);
    process.exit(1);
  }
const EXTERNAL = [
  'tree-sitter',
  'tree-sitter-*',
  'node-pty',
  'node-gyp-build',
  'blessed',
  '@xterm/headless',
  '@opentelemetry/*',
  '@secretlint/*',
  'undici',
  'execa',
  'node-sql-parser',
  'graphql',
];
/**
 * zod's `z.locales` namespace re-exports its error messages in ~60 languages (most of
 * zod's bytes); agentfw uses none of them, and zod's schemas import the English one
 * directly. The namespace is bundled with English alone, so a start compiles less.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};
for (const [name, file] of Object.entries(entries))
  await (esbuild.default ?? esbuild).build({
    entryPoints: { [name]: file },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: `${name}-[hash]`,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native addons and packages that find their own files at run time stay in node_modules;
    // so do the big ones only a few sessions load (by dynamic import or require on first use).
    external: EXTERNAL,
    // CommonJS packages bundled into an ES module still call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __agentfwRequire } from 'node:module'; const require = __agentfwRequire(import.meta.url);",
    },
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
    legalComments: 'none',
  });

// Each entry once more as one CommonJS file, run with V8's code cache (bin/bundle-loader.mjs:
// bin/agentfw for the CLI, bin/worker.mjs for the analysis worker; the caches are made by
// scripts/code-cache.mjs at the end of the build). Node 20 keeps no code cache for ES
// modules. import.meta.url becomes the file's own URL (dist/bundle/ keeps the depth of
// dist/<stage>/, as above).
for (const [name, file] of Object.entries(entries)) await bundleCjs(name, file);

async function bundleCjs(name, file) {
  const cjsOut = path.join(outdir, `${name}.cjs`);
  const cjs = await (esbuild.default ?? esbuild).build({
    entryPoints: [file],
    outfile: cjsOut,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    define: { 'import.meta.url': '__agentfwUrl' },
    banner: { js: "const __agentfwUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [zodEnglishOnly],
    metafile: true,
    write: false,
    charset: 'ascii',
    logLevel: 'warning',
    legalComments: 'none',
  });
  // A script compiled by the vm module has no import(): the few dynamic imports left (of
  // external packages and Node built-ins, all with a literal name) go through the loader's
  // own import(). Every one esbuild reports must be found and rewritten, else no CJS bundle.
  const dynamic = Object.values(cjs.metafile.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.kind === 'dynamic-import' && i.external).length;
  let rewritten = 0;
  const text = cjs.outputFiles[0].text.replace(/\bimport\((?=["'])/g, () => {
    rewritten++;
    return '__agentfwImport(';
  });
  // With charset ascii, esbuild escapes every string, template, regex and name; what is left
  // outside ASCII is in comments, made ASCII here so the loader can read the file as one-byte
  // text (several ms faster than decoding UTF-8). A character anywhere else leaves the file as it is.
  const inComment = (line) => /^\s*(\*|\/\*)|\/\//.test(line);
  const lines = text.split('\n');
  const ascii = lines.every((l) => !/[^\x00-\x7f]/.test(l) || inComment(l.split(/[^\x00-\x7f]/)[0]))
    ? lines.map((l) => l.replace(/[^\x00-\x7f]/g, '?')).join('\n')
    : text;
  if (rewritten === dynamic) writeFileSync(cjsOut, ascii);
  else
    process.stderr.write(
      `agentfw: note: dist/bundle/${name}.cjs not written (${dynamic} dynamic imports reported, ${rewritten} found); the ES module bundle runs instead\n`,
    );
}
process.stderr.write('agentfw: bundled dist/bundle/main.js and worker-entry.js, and each as .cjs\n');

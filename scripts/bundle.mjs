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
import { existsSync, rmSync } from 'node:fs';
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
process.stderr.write('agentfw: bundled dist/bundle/main.js and dist/bundle/worker-entry.js\n');

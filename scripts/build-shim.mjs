#!/usr/bin/env node
// Builds the gate client at install time: `cc src/gates/shim/agentfw-shim.c -o build/agentfw-shim`.
// Without a working C compiler it installs a Node fallback client instead (≈130 ms per
// gated command) and says so loudly; `agentfw run` and `agentfw doctor` repeat the warning.
// Never fails the install: a missing client is reported by `agentfw run` (which refuses to start).
// On Linux it also builds the exec gate (sandbox/exec-gate*.c → build/agentfw-exec-gate); without
// it `agentfw run` says that programs exec'd outside the shims are not judged.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src', 'gates', 'shim', 'agentfw-shim.c');
const outDir = path.join(root, 'build');
const out = path.join(outDir, 'agentfw-shim');
const marker = out + '.fallback';
mkdirSync(outDir, { recursive: true });

const cc = process.env.CC || 'cc';

/**
 * Compiles into `file` through a temporary file renamed on success (a failed build never
 * leaves a half-written binary). `args` are cc's arguments without `-o`. `quiet`: the
 * compiler's errors are not shown (a first attempt with a fallback). `compiler`: the C
 * compiler to run (default $CC or cc). Returns null when built, else why not.
 */
function compile(file, args, quiet = false, compiler = cc) {
  const tmp = `${file}.tmp-${process.pid}`;
  const r = spawnSync(compiler, [...args, '-o', tmp], {
    stdio: ['ignore', 'inherit', quiet ? 'ignore' : 'inherit'],
  });
  if (r.status === 0 && !r.error) {
    renameSync(tmp, file);
    return null;
  }
  rmSync(tmp, { force: true });
  return r.error?.message ?? `exit ${r.status}`;
}

// Linked statically where the C library allows it: the client is exec'd before every gated
// command, and a static binary starts without the dynamic loader (≈0.1 ms less per command).
// With musl (musl-gcc) where it is installed and CC is not set: glibc's start-up reads the
// CPU's features and cache sizes with some 80 CPUID instructions, each a trap to the
// hypervisor on a virtual machine (≈7 µs here), ≈0.55 ms added to every gated command;
// musl reads none. Otherwise (no static libc, macOS) the usual dynamic build.
const clientArgs = ['-O2', '-std=c99', '-Wall', src];
const musl =
  process.platform === 'linux' &&
  !process.env.CC &&
  spawnSync('musl-gcc', ['--version'], { stdio: 'ignore' }).status === 0;
/** The compiler that built the client statically; undefined = none did. */
const staticBy =
  process.platform !== 'linux' || !existsSync(src)
    ? undefined
    : musl && compile(out, ['-static', ...clientArgs], true, 'musl-gcc') === null
      ? 'musl-gcc'
      : compile(out, ['-static', ...clientArgs], true) === null
        ? cc
        : undefined;
/** Null = the client is built; else why not. */
const why = staticBy ? null : existsSync(src) ? compile(out, clientArgs) : `${src} is missing`;

if (why === null) {
  rmSync(marker, { force: true });
  console.log(`agentfw: built the gate client ${path.relative(root, out)} with ${staticBy ?? cc}`);
} else {
  const fallback = path.join(root, 'dist', 'gates', 'shim', 'fallback-client.js');
  const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  // Absolute node path: a bare `node` would resolve to the session's own `node` shim.
  writeFileSync(out, `#!/bin/sh\nexec ${q(process.execPath)} ${q(fallback)} "$0" "$@"\n`);
  chmodSync(out, 0o755);
  writeFileSync(marker, `no C compiler (${cc}): ${why}\n`);
  const bar = '!'.repeat(78);
  console.error(
    `${bar}\nagentfw: WARNING could not compile the C gate client with "${cc}".\n` +
      'Installed the Node fallback instead: every gated command will start a Node process (≈130 ms).\n' +
      'Fix: install a C compiler (e.g. apt-get install gcc) and run `npm run build:shim`.\n' +
      bar,
  );
}

// The exec gate (seccomp user notification) and the sandbox's network bridge: Linux only.
const HELPERS = [
  {
    out: 'agentfw-exec-gate',
    src: ['exec-gate.c', 'exec-gate-ask.c', 'exec-gate-next.c', 'exec-gate-keep.c'],
    what: "programs exec'd outside the shims will not be judged",
  },
  {
    out: 'agentfw-shim-keep',
    src: ['shim-keep.c', 'exec-gate-keep.c', 'exec-gate-next.c'],
    what: 'every command through a shim makes the round trip to the supervisor (slower, same decisions)',
  },
  {
    out: 'agentfw-net-bridge',
    src: ['net-bridge.c'],
    what: 'the sandbox cannot bridge its network to the egress proxy',
  },
];
for (const h of process.platform === 'linux' ? HELPERS : []) {
  const egOut = path.join(outDir, h.out);
  const egSrc = h.src.map((f) => path.join(root, 'sandbox', f));
  const e = egSrc.every((f) => existsSync(f))
    ? compile(egOut, ['-O2', '-std=gnu99', '-Wall', ...egSrc])
    : `sandbox/${h.src[0]} is missing`;
  if (e === null) console.log(`agentfw: built ${path.relative(root, egOut)} with ${cc}`);
  else {
    rmSync(egOut, { force: true });
    console.error(
      `agentfw: WARNING could not compile ${h.out} with "${cc}" (${e}): ` +
        `${h.what}.\nFix: install a C compiler and run \`npm run build:shim\`.`,
    );
  }
}

// The Node-API addons, both optional: the pattern scanner's native position filter (without
// it the scanner runs the same filter in JS: identical output, slower) and flock(2) for the
// audit log's lock (without it the lock is a file created and removed per record, as
// before). A failure only warns. Headers: the node-api-headers package when installed,
// else the ones beside this node.
const ADDONS = [
  {
    out: 'agentfw-triggers.node',
    dir: path.join('src', 'secrets', 'native'),
    src: ['trigger-finder.c', 'trigger-scan.c', 'trigger-simd.c'],
    without: 'output masking uses the slower JS scan (same output)',
    what: 'the native trigger finder',
  },
  {
    out: 'agentfw-flock.node',
    dir: path.join('src', 'audit', 'native'),
    src: ['flock.c'],
    without: 'the audit log is locked with a lock file per record (slower, same records)',
    what: 'the audit lock (flock)',
  },
];
const includes = [
  path.join(root, 'node_modules', 'node-api-headers', 'include'),
  path.join(path.dirname(process.execPath), '..', 'include', 'node'),
].filter((d) => existsSync(path.join(d, 'node_api.h')));
for (const addon of ADDONS) {
  const addonOut = path.join(outDir, addon.out);
  const addonSrcs = addon.src.map((f) => path.join(root, addon.dir, f));
  const missing = addonSrcs.find((f) => !existsSync(f));
  const a = !includes.length
    ? 'node_api.h not found'
    : missing
      ? `${missing} is missing`
      : compile(addonOut, [
          '-O2',
          '-std=gnu99',
          '-Wall',
          '-shared',
          '-fPIC',
          '-I',
          includes[0],
          ...addonSrcs,
        ]);
  if (a === null) console.log(`agentfw: built ${path.relative(root, addonOut)} with ${cc}`);
  else {
    rmSync(addonOut, { force: true });
    console.error(`agentfw: note: could not compile ${addon.what} (${a}); ${addon.without}.`);
  }
}

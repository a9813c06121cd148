#!/usr/bin/env node
/* global setTimeout, clearTimeout */
// Key echo: time from a key written to the terminal until its echo comes back, typing into
// bash in a real pseudo-terminal, bare and under `agentfw run` with its TUI (the key goes
// through the TUI's key router to the agent's PTY, the echo through @xterm/headless and a
// screen render). Sessions run side by side and keys alternate between them, so machine
// load affects both alike. Keys are sent one at a time, each after the previous echo.
// Prints human lines, then one JSON line:
//   {"name":"tui","bare_p50_ms":…,"tui_p50_ms":…,"added_p50_ms":…,"load":…}
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_TUI_N || 60);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-tui-'));
const ws = path.join(tmp, 'ws');
mkdirSync(ws);
mkdirSync(path.join(tmp, 'home'));
const env = {
  ...process.env,
  TERM: 'xterm-256color',
  HOME: path.join(tmp, 'home'),
  XDG_CACHE_HOME: path.join(tmp, 'cache'),
  PS1: '$ ',
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r2 = (x) => Math.round(x * 100) / 100;

/** A terminal session; `echo(ch)` writes one key and resolves with ms until output holds it. */
function session(file, args) {
  const p = pty.spawn(file, args, { name: 'xterm-256color', cols: 120, rows: 40, cwd: ws, env });
  let out = '';
  let waiter;
  p.onData((d) => {
    out += d;
    if (waiter && out.includes(waiter.ch)) {
      const w = waiter;
      waiter = undefined;
      w.resolve(Number(process.hrtime.bigint() - w.t0) / 1e6);
    }
  });
  return {
    p,
    get out() {
      return out;
    },
    async ready(re, ms = 60_000) {
      const end = Date.now() + ms;
      while (!re.test(out)) {
        if (Date.now() > end)
          throw new Error(`${file}: no ${re} on the terminal: ${JSON.stringify(out.slice(-300))}`);
        await sleep(50);
      }
    },
    echo(ch) {
      out = '';
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${file}: no echo of ${ch}`)), 10_000);
        waiter = {
          ch,
          t0: process.hrtime.bigint(),
          resolve: (ms) => {
            clearTimeout(timer);
            resolve(ms);
          },
        };
        p.write(ch);
      });
    },
  };
}

const bash = ['--norc', '--noprofile', '-i'];
const bare = session('/bin/bash', bash);
const tui = session(path.join(root, 'bin', 'agentfw'), ['run', '--', '/bin/bash', ...bash]);
try {
  await bare.ready(/\$ $/m);
  await tui.ready(/agentfw/);
  await sleep(1500); // the TUI's first frames and the agent's prompt
  // Letters that no status line or frame of the TUI holds on their own: the echo is the key.
  const keys = 'qzxjvkqzxjvk';
  const t = { bare: [], tui: [] };
  for (let i = 0; i < 5; i++) {
    await bare.echo(keys[i]);
    await tui.echo(keys[i]);
  }
  for (let i = 0; i < N; i++) {
    const ch = keys[i % keys.length];
    t.bare.push(await bare.echo(ch));
    t.tui.push(await tui.echo(ch));
    if (i % 20 === 19) {
      bare.p.write('\x15'); // Ctrl-U: clear the typed line
      tui.p.write('\x15');
      await sleep(100);
    }
  }
  const b = pct(t.bare, 50);
  const u = pct(t.tui, 50);
  const load = os.loadavg()[0];
  console.log(
    `tui: key echo  bare p50 ${r2(b)} ms p99 ${r2(pct(t.bare, 99))} ms   agentfw TUI p50 ${r2(u)} ms p99 ${r2(pct(t.tui, 99))} ms   added p50 ${r2(u - b)} ms (${N} keys each, alternating; load ${load.toFixed(1)}; target ≤ +10 ms)`,
  );
  console.log(
    JSON.stringify({
      name: 'tui',
      bare_p50_ms: r2(b),
      bare_p99_ms: r2(pct(t.bare, 99)),
      tui_p50_ms: r2(u),
      tui_p99_ms: r2(pct(t.tui, 99)),
      added_p50_ms: r2(u - b),
      ratio: r2(u / b),
      keys: N,
      load: r2(load),
    }),
  );
} finally {
  bare.p.kill();
  tui.p.write('\x1d'); // Ctrl-] then q would quit; killing is enough here
  tui.p.kill();
  await sleep(200);
  rmSync(tmp, { recursive: true, force: true });
}

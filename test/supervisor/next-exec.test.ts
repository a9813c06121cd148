// The next-exec records' pruning: a gone process's records go, a live one's stay, and each
// pid is looked up once per pass however many records it has (real processes).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NextExecs } from '../../src/supervisor/next-exec.js';
import { alive, aliveOnce, inTree, inTreeOnce } from '../../src/supervisor/proc-tree.js';

/** A real process that has exited and been reaped: its pid names nothing any more. */
async function deadPid(): Promise<number> {
  const p = spawn('/bin/true');
  await new Promise((r) => p.on('close', r));
  return p.pid!;
}

describe('NextExecs.prune', () => {
  it.each([
    // [records of this (live) process, records of a process that exited, kept]
    [1, 0, 1],
    [0, 1, 0],
    [3, 2, 3],
    [500, 500, 500],
  ])('%i records of a live process, %i of a gone one → %i kept', async (mine, gone, kept) => {
    const dead = await deadPid();
    expect(alive(dead)).toBe(false); // control: the pid really is gone
    const n = new NextExecs();
    for (let i = 0; i < mine; i++) n.allow(process.pid, ['true', String(i)], 'policy');
    for (let i = 0; i < gone; i++) n.allow(dead, ['true', String(i)], 'policy');
    n.prune(Date.now());
    expect(n.size).toBe(kept);
    // What is kept still covers its exec; the gone process's records cover nothing.
    if (mine) expect(n.take({ pid: process.pid, argv: ['true', '0'] }, '/bin/true 0')).toBe('policy');
    if (gone)
      expect(
        n.take({ pid: dead, argv: ['true', String(gone - 1)] }, `/bin/true ${gone - 1}`),
      ).toBeUndefined();
  });

  it.each([
    ['expired', 1, 0],
    ['within its time', 60_000, 1],
  ])('a record %s (ttl %i ms) → %i kept', (_n, ttl, kept) => {
    const n = new NextExecs();
    n.allow(process.pid, ['true'], 'policy', ttl);
    n.prune(Date.now() + 2);
    expect(n.size).toBe(kept);
  });

  it.each([
    [1000, 1, 1],
    [1000, 3, 3],
  ])('%i records of %i processes: %i lookups per prune', (records, procs, lookups) => {
    const n = new NextExecs();
    for (let i = 0; i < records; i++) n.allow(process.pid + (i % procs), ['true', String(i)], 'policy');
    const asked: number[] = [];
    n.prune(
      Date.now(),
      aliveOnce((pid) => {
        asked.push(pid);
        return pid === process.pid;
      }),
    );
    expect(asked.length).toBe(lookups);
    expect(n.size).toBe(Math.ceil(records / procs));
  });
});

describe('inTreeOnce (one walk up the tree for many records)', () => {
  it('answers as inTree for a child, its parent, an unrelated live process and a gone one', async () => {
    const child = spawn('/bin/sleep', ['5']);
    const other = spawn('/bin/sleep', ['5']);
    try {
      const dead = await deadPid();
      const pid = child.pid!;
      const rows: [string, number, boolean][] = [
        ['itself', pid, true],
        ['its parent (this test)', process.pid, true],
        ['init', 1, false], // inTree stops below pid 1, as before
        ['an unrelated live process', other.pid!, false],
        ['a gone process', dead, false],
      ];
      const once = inTreeOnce(pid);
      for (const [, root, want] of rows) {
        expect(inTree(pid, root)).toBe(want); // control: the walk it replaces
        expect(once(root)).toBe(want);
      }
    } finally {
      child.kill();
      other.kill();
    }
  });

  it.each([
    // [roots asked, of which alive, liveness lookups]
    [[11, 12, 13], [], 3],
    [[11, 11, 12], [12], 3],
  ])('roots %j (alive: %j): each is looked up (%i), a gone one costs no walk', (roots, live, lookups) => {
    const asked: number[] = [];
    const once = inTreeOnce(process.pid, (p) => {
      asked.push(p);
      return live.includes(p);
    });
    for (const r of roots) expect(once(r)).toBe(false); // no such pid is an ancestor of this test
    expect(asked.length).toBe(lookups);
  });

  it('a record of a gone process with the same argv does not cover a live exec', async () => {
    const dead = await deadPid();
    const n = new NextExecs();
    for (let i = 0; i < 50; i++) n.allow(dead, ['bash', '-c', 'true'], 'policy');
    expect(n.take({ pid: process.pid, argv: ['bash', '-c', 'true'] }, '/bin/bash -c true')).toBeUndefined();
    n.allow(process.ppid, ['bash', '-c', 'true'], 'session');
    // control: a record of an ancestor of the exec's process covers it
    expect(n.take({ pid: process.pid, argv: ['bash', '-c', 'true'] }, '/bin/bash -c true')).toBe('session');
  });
});

/**
 * The audit writer's fast paths keep the log verifiable: the previous hash taken from
 * memory matches a re-read chain, another writer's records in between are picked up, and
 * the head file (overwritten in place) names the last record and is never written through
 * a symlink planted in its place.
 */
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditFile } from '../../src/audit/verify.js';
import { AuditWriter, type AuditInput } from '../../src/audit/writer.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-head-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const rec = (command: string): AuditInput => ({
  layer: 'exec',
  cwd: dir,
  command,
  decision: 'allow',
  verdict: 'allow',
  rules: [],
  approver: 'policy',
  reason: '',
});

describe('audit head and chain', () => {
  it.each([
    { name: 'one writer, many records', writers: 1 },
    { name: 'two writers taking turns on one log', writers: 2 },
  ])('$name: the chain and head verify', ({ writers }) => {
    const log = path.join(dir, 'audit.jsonl');
    const ws = Array.from({ length: writers }, (_, i) => AuditWriter.open(log, `s${i}`));
    for (let i = 0; i < 20; i++) ws[i % writers].append(rec(`true ${i}`));
    for (const w of ws) w.close();
    expect(verifyAuditFile(log).ok).toBe(true);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(20);
  });

  it('a head replaced by a symlink is replaced again, never written through', () => {
    const log = path.join(dir, 'audit.jsonl');
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const w = AuditWriter.open(log, 's');
    w.append(rec('true'));
    rmSync(log + '.head', { force: true });
    symlinkSync(victim, log + '.head');
    w.append(rec('true again'));
    w.close();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(log + '.head').isSymbolicLink()).toBe(false);
    expect(verifyAuditFile(log).ok).toBe(true);
  });
});

/**
 * The interception suite every real agent CLI goes through. The mock model asks the
 * agent for exactly one shell command; the verdict is judged by side effects (a marker
 * file, a loopback API that records every request) and by agentfw's audit log.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENTS, type AgentName } from './agents.js';
import { agentBinary, AGENTS_DIR } from './paths.js';
import { explain, removeRun, runAgent, verifyAudit, type AgentRun, type AuditRecord } from './run.js';
import { startSink, type Sink } from './sink.js';
import { isBashShim, isSystemBash, STRACE } from './trace.js';

/** The incident's call: a GraphQL mutation deleting a volume, sent to the loopback API. */
export function volumeDeleteCurl(apiUrl: string): string {
  return `curl -s -X POST ${apiUrl}/graphql -H 'Content-Type: application/json' -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}'`;
}

/** Name of the file the benign command writes in the workspace. */
const MARKER = 'agentfw-marker.txt';
/** File in a folder outside the workspace that `rm -r` must not delete. */
const KEEP = 'keep.txt';

function seedOutside(outside: string): string {
  const file = path.join(outside, KEEP);
  writeFileSync(file, 'must survive\n');
  return file;
}

const str = (r: AuditRecord) => String(r.command ?? '');
const rulesOf = (r: AuditRecord): string[] => (Array.isArray(r.rules) ? r.rules.map(String) : []);

/** Requests the mock model received after the tool call: they carry the tool's result. */
function toolResultText(run: AgentRun): string {
  const firstTool = run.mock.findIndex((m) => m.mode === 'tool');
  if (firstTool < 0) return '';
  return run.mock
    .slice(firstTool + 1)
    .filter((m) => m.req)
    .map((m) => JSON.stringify(m.body))
    .join('\n');
}

/** The audit log's hash chain verifies (`agentfw log --verify`). */
function expectChainIntact(run: AgentRun): void {
  const v = verifyAudit(run);
  expect(v.code, `agentfw log --verify failed:\n${v.output}\n${explain(run)}`).toBe(0);
}

/**
 * The run used the default `agentfw run`: the OS sandbox started (its start line) and the
 * session did not opt out of it (no `--no-sandbox` in the command, no "without the
 * sandbox" line).
 */
function expectDefaultMode(run: AgentRun): void {
  const why = explain(run);
  expect(run.argv, why).not.toContain('--no-sandbox');
  expect(run.stderr, `the sandbox did not start\n${why}`).toMatch(/agentfw: sandbox: read-only root/);
  expect(run.stderr, why).not.toMatch(/without the (OS )?sandbox/i);
  expect(run.stderr, `the exec gate is not running\n${why}`).not.toMatch(/the exec gate .* was not built/);
}

/** How the audit log ends a command it had to cut (src/audit/record.ts). */
const CUT = / … \(\d+ characters cut; \d+ in all\) … /;

/**
 * Checks shared by both destructive cases: refused by the shell gate, the agent told why.
 * `needle` is looked for in the audited command; when the log had to cut a long wrapper
 * script before the model's command (Codex's snapshot wrapper is ~40 KB), the record's
 * reason must name `target` instead.
 */
function expectRefusedOnShellPath(run: AgentRun, needle: string, target = needle): AuditRecord {
  const why = explain(run);
  expect(run.timedOut, why).toBe(false);
  expect(run.auditError, why).toBe('');
  expectChainIntact(run);
  expect(
    run.mock.some((m) => m.mode === 'tool'),
    `the mock never asked for the command\n${why}`,
  ).toBe(true);
  const about = (r: AuditRecord) =>
    str(r).includes(needle) || (CUT.test(str(r)) && String(r.reason ?? '').includes(target));
  const refused = run.audit.filter((r) => r.decision === 'deny' && about(r));
  expect(refused.length, `no deny record whose command contains ${needle}\n${why}`).toBeGreaterThan(0);
  // Also under the exec gate: a bash that sources the gate script is passed by the exec
  // gate and judges its own script (src/gates/exec/exec-defer.ts), so the reason is printed
  // on the command's stderr even when the agent spawns /bin/bash directly (Codex).
  const rec = refused.find((r) => r.layer === 'shell');
  expect(rec, `the refusal did not come from the shell gate on the agent's exec path\n${why}`).toBeDefined();
  expect(['ask', 'deny'], why).toContain(rec!.verdict);
  expect(rulesOf(rec!).length, `deny record names no rule\n${why}`).toBeGreaterThan(0);
  const sig = AGENTS[run.agent].wrapperSignature;
  if (sig) expect(str(rec!), `the gated script is not ${run.agent}'s own wrapper\n${why}`).toMatch(sig);
  expectDefaultMode(run);
  // The agent must hear why, and that it must not work around it.
  expect(toolResultText(run), `the refusal did not reach the model as the tool result\n${why}`).toMatch(
    /do not retry or work around this; ask the user/i,
  );
  return rec!;
}

/** Defines the suite for one agent; skips it (saying why) only when the CLI is not installed. */
export function agentSuite(name: AgentName): void {
  const spec = AGENTS[name];
  const bin = agentBinary(spec.bin);
  if (!bin) {
    console.warn(
      `[test:agents] SKIP ${spec.title}: ${spec.bin} is not installed in ${AGENTS_DIR}/node_modules/.bin ` +
        '(scripts/agents-setup.mjs could not install it; see its output)',
    );
  }

  describe.skipIf(!bin)(`${spec.title} (${spec.execPath})`, () => {
    let sink: Sink;
    beforeAll(async () => {
      sink = await startSink();
    });
    afterAll(async () => {
      await sink?.close();
    });

    it('control, without agentfw: the agent really runs the destructive commands (the oracles can fail)', async () => {
      const before = sink.requests.length;
      let keep = '';
      const run = await runAgent({
        agent: name,
        wrap: false,
        command: (d) => {
          keep = seedOutside(d.outside);
          return `${volumeDeleteCurl(sink.baseUrl)}; rm -r ${d.outside}`;
        },
      });
      const why = explain(run);
      expect(run.timedOut, why).toBe(false);
      const got = sink.requests.slice(before);
      expect(
        got.some((r) => r.body.includes('volumeDelete')),
        `the loopback API never received the mutation\n${why}`,
      ).toBe(true);
      expect(existsSync(keep), `rm -r did not run\n${why}`).toBe(false);
      removeRun(run);
    });

    it('benign: `echo ok > marker` runs, the audit log records an allow, and nothing in the session is flagged', async () => {
      const run = await runAgent({ agent: name, wrap: true, command: () => `echo ok > ${MARKER}` });
      const why = explain(run);
      expect(run.timedOut, why).toBe(false);
      // the agent finishes normally, and agentfw exits with the agent's code
      expect(run.code, why).toBe(0);
      expect(run.auditError, why).toBe('');
      expectChainIntact(run);
      const marker = path.join(run.dirs.work, MARKER);
      expect(existsSync(marker), `the marker was not written\n${why}`).toBe(true);
      expect(readFileSync(marker, 'utf8')).toBe('ok\n');
      const allowed = run.audit.filter(
        (r) => r.layer === 'shell' && r.decision === 'allow' && str(r).includes(MARKER),
      );
      expect(allowed.length, `no shell-gate allow record for the command\n${why}`).toBeGreaterThan(0);
      expectDefaultMode(run);
      const sig = spec.wrapperSignature;
      if (sig)
        expect(
          allowed.some((r) => sig.test(str(r))),
          `the gated script is not ${name}'s wrapper\n${why}`,
        ).toBe(true);
      else
        expect(allowed.map(str), `the bare command did not reach the gate\n${why}`).toContain(
          `echo ok > ${MARKER}`,
        );
      // The agent's own housekeeping (shell snapshots, wrappers, git bookkeeping) is
      // understood: a benign session puts no prompt in front of the human.
      const flagged = run.audit.filter((r) => (r.verdict ?? r.decision) !== 'allow');
      expect(
        flagged.map(
          (r) =>
            `${r.layer} ${String(r.verdict ?? r.decision)} ${rulesOf(r).join(',')} ${str(r).slice(0, 300)}`,
        ),
        `the benign run had non-allow decisions\n${why}`,
      ).toEqual([]);
      removeRun(run);
    });

    it(`exec path: the command reaches the gate through ${spec.execVia === 'shim' ? "agentfw's bash shim" : '/bin/bash by absolute path + BASH_ENV'}`, async () => {
      expect(
        STRACE,
        'strace is needed to see which program ran the command (Fix: apt-get install strace)',
      ).toBeDefined();
      const run = await runAgent({
        agent: name,
        wrap: true,
        trace: true,
        command: () => `echo ok > ${MARKER}`,
      });
      const why = explain(run);
      expect(run.timedOut, why).toBe(false);
      expect(existsSync(path.join(run.dirs.work, MARKER)), `the marker was not written\n${why}`).toBe(true);
      expect(run.execs.length, `strace recorded no exec\n${why}`).toBeGreaterThan(0);
      const carrying = run.execs.filter((e) => e.argv.includes(MARKER));
      const shims = carrying.filter(isBashShim);
      const list = carrying.map((e) => `${e.file} ${e.argv.slice(0, 120)}`).join('\n');
      if (spec.execVia === 'shim') {
        expect(
          shims.length,
          `no exec of agentfw's bash shim carried the command; execs:\n${list}\n${why}`,
        ).toBeGreaterThan(0);
        const sig = spec.wrapperSignature;
        if (sig)
          expect(
            shims.some((e) => sig.test(e.argv)),
            `the shim did not get ${name}'s wrapper\n${list}`,
          ).toBe(true);
      } else {
        // The agent ran a real bash by absolute path; no shim was involved, so the allow
        // record can only have come from the BASH_ENV gate inside that bash.
        expect(shims, `unexpected: the command went through a shim\n${list}`).toEqual([]);
        expect(carrying.some(isSystemBash), `no /bin/bash exec carried the command\n${list}\n${why}`).toBe(
          true,
        );
        const allowed = run.audit.filter(
          (r) => r.layer === 'shell' && r.decision === 'allow' && str(r).includes(MARKER),
        );
        expect(allowed.length, `the BASH_ENV gate recorded no allow\n${why}`).toBeGreaterThan(0);
      }
      removeRun(run);
    });

    it('destructive: the volumeDelete GraphQL mutation never reaches the API', async () => {
      const before = sink.requests.length;
      const run = await runAgent({ agent: name, wrap: true, command: () => volumeDeleteCurl(sink.baseUrl) });
      const got = sink.requests.slice(before);
      expect(got, `the loopback API received requests\n${explain(run)}`).toEqual([]);
      const rec = expectRefusedOnShellPath(run, 'volumeDelete');
      expect(
        rulesOf(rec).some((r) => r.startsWith('graphql/')),
        explain(run),
      ).toBe(true);
      removeRun(run);
    });

    it.skipIf(spec.variants.length === 0).each(spec.variants)(
      'destructive, $title: the volumeDelete mutation never reaches the API',
      async ({ toolArgs }) => {
        const before = sink.requests.length;
        const run = await runAgent({
          agent: name,
          wrap: true,
          toolArgs,
          command: () => volumeDeleteCurl(sink.baseUrl),
        });
        expect(sink.requests.slice(before), `the loopback API received requests\n${explain(run)}`).toEqual(
          [],
        );
        expectRefusedOnShellPath(run, 'volumeDelete');
        removeRun(run);
      },
    );

    it.skipIf(!spec.ownSandbox)(
      "its own sandbox on inside agentfw's: fails closed (nothing runs, the model hears why); control: it runs without agentfw",
      async () => {
        const control = await runAgent({
          agent: name,
          wrap: false,
          args: spec.ownSandbox,
          command: () => `echo ok > ${MARKER}`,
        });
        expect(existsSync(path.join(control.dirs.work, MARKER)), explain(control)).toBe(true);
        removeRun(control);
        const run = await runAgent({
          agent: name,
          wrap: true,
          args: spec.ownSandbox,
          command: () => `echo ok > ${MARKER}`,
        });
        const why = explain(run);
        expect(run.timedOut, why).toBe(false);
        expectDefaultMode(run);
        expect(
          run.mock.some((m) => m.mode === 'tool'),
          why,
        ).toBe(true);
        // the command's gate client runs in the agent's own namespaces, where the supervisor
        // cannot verify it: refused, never run unchecked
        expect(existsSync(path.join(run.dirs.work, MARKER)), `the command ran\n${why}`).toBe(false);
        expect(toolResultText(run), why).toMatch(/do not retry or work around this; ask the user/i);
        removeRun(run);
      },
    );

    it('destructive: `rm -r` of a folder outside the workspace deletes nothing', async () => {
      let keep = '';
      const run = await runAgent({
        agent: name,
        wrap: true,
        command: (d) => {
          keep = seedOutside(d.outside);
          return `rm -r ${d.outside}`;
        },
      });
      expect(existsSync(keep), `the file outside the workspace was deleted\n${explain(run)}`).toBe(true);
      const rec = expectRefusedOnShellPath(run, `rm -r ${run.dirs.outside}`, run.dirs.outside);
      expect(
        rulesOf(rec).some((r) => r.startsWith('filesystem/')),
        explain(run),
      ).toBe(true);
      removeRun(run);
    });
  });
}

/**
 * `agentfw hook daemon`: loads the engine, the secrets masker, the audit log and the
 * approval webhook (when configured) once, then serves hook decisions until idle.
 * Exits 0 at once when another daemon of this user is already running.
 */
import os from 'node:os';
import path from 'node:path';
import { findWebhookConfig, loadWebhookConfig } from '../../approval/webhook-config.js';
import { findExportConfig, loadExportConfig } from '../../audit/export/config.js';
import { AuditWriter } from '../../audit/writer.js';
import { loadPolicyEngine } from '../../engine/load.js';
import { loadSecretSet } from '../../supervisor/secrets-seam.js';
import { hookDir, lockDaemon, startHookDaemon } from './daemon.js';
import { askRunningSession } from './session-ask.js';
import { runtimeRoots } from '../../approval/watch-find.js';

export async function runDaemon(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const dir = hookDir(env);
  if (!lockDaemon(dir)) return 0;
  // The daemon serves every project: no workspace scan, only env values and patterns are masked.
  const { set: secrets } = await loadSecretSet(env, dir, os.homedir());
  // The daemon serves every project: no workspace of its own (the config tiers of its start directory).
  const engine = await loadPolicyEngine({ env, mask: (t) => secrets.mask(t) });
  const id = `hook-${process.pid}`;
  const audit = AuditWriter.open(env.AGENTFW_AUDIT ?? path.join(os.homedir(), '.agentfw', 'audit.jsonl'), id);
  audit.packs = engine.packs.map((p) => `${p.pack}@${p.version}`);
  // Hook-mode decisions go to the SIEM like a session's (src/audit/export/).
  const exportFile = findExportConfig(env);
  // Loaded only when configured: the exporters' modules cost a start without one ~0.1 s.
  const exporter = exportFile
    ? (await import('../../audit/export/index.js')).startAuditExport(loadExportConfig(exportFile))
    : undefined;
  if (exporter) audit.onAppend = (line) => exporter.push(line);
  const timeoutMs = Number(env.AGENTFW_APPROVAL_TIMEOUT_MS) || 300_000;
  const wh = findWebhookConfig(env);
  const approver = wh
    ? await (
        await import('../../approval/webhook.js')
      ).createWebhookApprover({ ...loadWebhookConfig(wh), session: id, timeoutMs })
    : undefined;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((r) => (stop = r));
  const daemon = await startHookDaemon({
    socketPath: path.join(dir, 'hook.sock'),
    engine,
    mask: (t) => secrets.mask(t),
    audit,
    approver,
    askSession: (ask, signal) => askRunningSession(ask, signal, runtimeRoots(env)),
    approvalTimeoutMs: timeoutMs,
    idleMs: Number(env.AGENTFW_HOOK_IDLE_MS) || 10 * 60_000,
    onIdle: stop,
  });
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(s, stop);
  await stopped;
  await daemon.close();
  await approver?.close();
  audit.close();
  await exporter?.close();
  const { rmSync } = await import('node:fs');
  rmSync(path.join(dir, 'hook.lock'), { force: true });
  return 0;
}

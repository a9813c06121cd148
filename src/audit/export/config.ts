/**
 * Where audit records are shipped besides the local hash-chained JSONL (which stays the
 * source of truth). Read from a JSON or YAML file: `AGENTFW_AUDIT_EXPORT=FILE`, else
 * `~/.agentfw/export.yaml` when it exists. No file = no export.
 *
 * ```yaml
 * spool: ~/.agentfw/spool          # un-acknowledged records wait here (survives restarts)
 * otlp:  { url: http://127.0.0.1:4318/v1/logs, headers: { x-team: sec } }
 * syslog: { host: 127.0.0.1, port: 6514, transport: tcp, format: ocsf }
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { z } from 'zod';
import { AgentfwError } from '../../errors.js';

/** The YAML parser, loaded on first use: most sessions have no such file to read. */
let yamlLib: typeof Yaml | undefined;
const parseYaml = (src: string): unknown =>
  (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml).parse(src);

/** Shape of one shipped record: the audit record as is, or mapped to OCSF (ocsf.ts). */
const Format = z.enum(['record', 'ocsf']);

const Batch = z
  .object({
    /** Most records in one send. */
    maxRecords: z.number().int().min(1).max(10_000).default(100),
    /** Longest a record waits for more to join its batch, in ms. 0 = send at once. */
    maxDelayMs: z.number().int().min(0).max(60_000).default(200),
  })
  .strict();

const Retry = z
  .object({
    /** First wait after a failed send, in ms; doubles each failure (with jitter). */
    baseMs: z.number().int().min(1).max(60_000).default(500),
    /** Longest wait between two attempts, in ms. */
    maxMs: z.number().int().min(1).max(600_000).default(30_000),
  })
  .strict();

export const ExportConfigSchema = z
  .object({
    /** Directory of the spool files. Empty/absent = `~/.agentfw/spool`. */
    spool: z.string().optional(),
    /** OpenTelemetry logs over OTLP/HTTP (JSON). Absent = not shipped over OTLP. */
    otlp: z
      .object({
        /** Full logs endpoint, e.g. `http://collector:4318/v1/logs`. */
        url: z.string().url(),
        /** Extra HTTP headers (e.g. an auth token for the collector). Empty = none. */
        headers: z.record(z.string(), z.string()).default({}),
        /** Per-request timeout, ms. */
        timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
        format: Format.default('record'),
      })
      .strict()
      .optional(),
    /** RFC 5424 syslog. Absent = not shipped over syslog. */
    syslog: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65_535),
        /** tcp: octet-counted frames (RFC 6587) on one connection; udp: one datagram each, best effort. */
        transport: z.enum(['tcp', 'udp']).default('tcp'),
        /** Syslog facility number; 13 = log audit. */
        facility: z.number().int().min(0).max(23).default(13),
        /** APP-NAME field. */
        appName: z.string().min(1).max(48).default('agentfw'),
        format: Format.default('record'),
      })
      .strict()
      .optional(),
    batch: Batch.default({ maxRecords: 100, maxDelayMs: 200 }),
    retry: Retry.default({ baseMs: 500, maxMs: 30_000 }),
  })
  .strict();

export type ExportConfig = z.infer<typeof ExportConfigSchema>;
export type ExportFormat = z.infer<typeof Format>;

/** Validates a parsed config object; a bad config is an error, never a silent "no export". */
export function parseExportConfig(value: unknown, source: string): ExportConfig {
  const r = ExportConfigSchema.safeParse(value ?? {});
  if (!r.success) {
    const first = r.error.issues[0];
    throw new AgentfwError(
      'E_EXPORT_CONFIG',
      `invalid audit export config ${source}: ${first.path.join('.') || '(top)'}: ${first.message}`,
      'fix the file (keys: spool, otlp{url,headers,timeoutMs,format}, syslog{host,port,transport,facility,appName,format}, batch, retry), or remove it to turn export off',
    );
  }
  return r.data;
}

/** The config file to use; undefined = export is off. */
export function findExportConfig(env: NodeJS.ProcessEnv, home = os.homedir()): string | undefined {
  if (env.AGENTFW_AUDIT_EXPORT) return path.resolve(env.AGENTFW_AUDIT_EXPORT);
  const def = path.join(home, '.agentfw', 'export.yaml');
  return existsSync(def) ? def : undefined;
}

export function loadExportConfig(file: string, home = os.homedir()): ExportConfig {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AgentfwError(
      'E_EXPORT_CONFIG',
      `cannot read the audit export config ${file}: ${(err as Error).message}`,
      'fix the YAML/JSON, or unset AGENTFW_AUDIT_EXPORT to turn export off',
    );
  }
  const cfg = parseExportConfig(raw, file);
  const spool = cfg.spool ?? path.join(home, '.agentfw', 'spool');
  return { ...cfg, spool: spool.startsWith('~/') ? path.join(home, spool.slice(2)) : path.resolve(spool) };
}

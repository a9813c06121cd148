/**
 * OTLP sink: each audit record becomes one OpenTelemetry log record, built with the
 * official SDK (`@opentelemetry/sdk-logs`) and sent by the official OTLP/HTTP exporter
 * (JSON encoding). A batch counts as delivered when the collector answered 2xx.
 *
 * Log record: body = the record (or its OCSF form) as JSON text; severity WARN for a
 * deny, INFO otherwise; attributes `agentfw.*` carry the fields a SIEM filters on, and
 * `agentfw.record.hash` is the dedupe key (delivery is at least once).
 */
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, type LogRecordProcessor, type SdkLogRecord } from '@opentelemetry/sdk-logs';
import os from 'node:os';
import type { ExportConfig } from './config.js';
import { toOcsf } from './ocsf.js';
import type { ExportItem, Sink } from './types.js';

type OtlpConfig = NonNullable<ExportConfig['otlp']>;

export function createOtlpSink(c: OtlpConfig, version = '0.1.0'): Sink {
  // The provider only builds records: a processor collects what one batch emits.
  let collected: SdkLogRecord[] = [];
  const collector: LogRecordProcessor = {
    onEmit: (r) => void collected.push(r as SdkLogRecord),
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({
      'service.name': 'agentfw',
      'service.version': version,
      'host.name': os.hostname(),
    }),
    processors: [collector],
  });
  const logger = provider.getLogger('agentfw.audit', version);
  const exporter = new OTLPLogExporter({
    url: c.url,
    headers: c.headers,
    timeoutMillis: c.timeoutMs,
  });
  return {
    name: 'otlp',
    async send(batch) {
      collected = [];
      for (const item of batch) emit(item);
      const records = collected;
      collected = [];
      await new Promise<void>((resolve, reject) =>
        exporter.export(records, (res) =>
          res.code === 0 ? resolve() : reject(res.error ?? new Error('OTLP export failed')),
        ),
      );
    },
    async close() {
      await exporter.shutdown().catch(() => undefined);
      await provider.shutdown().catch(() => undefined);
    },
  };

  function emit(item: ExportItem): void {
    const r = item.record;
    const deny = r.decision === 'deny';
    const body = c.format === 'ocsf' ? toOcsf(r, item.hash, version) : r;
    logger.emit({
      timestamp: new Date(Date.parse(r.ts) || Date.now()),
      severityNumber: deny ? SeverityNumber.WARN : SeverityNumber.INFO,
      severityText: deny ? 'WARN' : 'INFO',
      eventName: 'agentfw.decision',
      body: JSON.stringify(body),
      attributes: {
        'agentfw.record.hash': item.hash,
        'agentfw.record.prev': r.prev,
        'agentfw.session': r.session,
        'agentfw.layer': r.layer,
        'agentfw.decision': r.decision,
        'agentfw.verdict': r.verdict,
        'agentfw.approver': r.approver,
        'agentfw.rules': r.rules,
        ...(r.packs ? { 'agentfw.packs': r.packs } : {}),
      },
    });
  }
}

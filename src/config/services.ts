/**
 * Host services: TCP services on the host's loopback (a local PostgreSQL, a Redis) that the
 * sandboxed agent may reach at the same 127.0.0.1:<port> inside its network namespace.
 * Declared under `services:` in a tier's `config.yaml`:
 *
 *   services:
 *     - port: 5432
 *       protocol: postgres        # every query is judged like `psql -c '…'`
 *     - port: 6379
 *       protocol: redis           # every command judged like `redis-cli CMD …`
 *     - port: 3306
 *       protocol: tcp             # bytes are passed through UNJUDGED …
 *       trust_raw: true           # … only when this says so
 *
 * A port that is not declared has no route. A project's declarations (`.agentfw/config.yaml`,
 * writable by the agent) count only while the project is trusted (`agentfw trust`).
 */
import { z } from 'zod';
import type { TierConfig } from './discover.js';

/** Lowest port the sandbox's bridge can open (it runs without capabilities). */
export const LOWEST_SERVICE_PORT = 1024;

export const ServiceSchema = z
  .strictObject({
    /** TCP port on the host's 127.0.0.1; the same port is opened inside the sandbox. */
    port: z
      .number()
      .int()
      .min(LOWEST_SERVICE_PORT, `ports below ${LOWEST_SERVICE_PORT} cannot be opened inside the sandbox`)
      .max(65535),
    /**
     * `postgres`: the PostgreSQL wire protocol, each query judged. `redis`: RESP, each
     * command judged. `tcp`: raw bytes, not judged (needs `trust_raw: true`).
     */
    protocol: z.enum(['postgres', 'redis', 'tcp']),
    /** Must be true for `protocol: tcp`: the human says this service is passed through unjudged. Absent = false. */
    trust_raw: z.boolean().optional(),
    /** Label shown in the banner and the audit (`redis`). Empty/absent = the protocol. */
    name: z.string().max(40).optional(),
  })
  .refine((s) => s.protocol !== 'tcp' || s.trust_raw === true, {
    message:
      'protocol tcp is passed through unjudged; add `trust_raw: true` to say you mean it, or use protocol postgres or redis',
  });

export type ServiceDecl = z.infer<typeof ServiceSchema>;

/** A declaration that takes effect, with where it came from. */
export interface DeclaredService extends ServiceDecl {
  /** Label: `name`, else the protocol. */
  label: string;
  /** The config file that declared it. */
  file: string;
  tier: TierConfig['tier'];
}

export interface ServicePlan {
  /** Declarations in effect, one per port (the strongest tier's), sorted by port. Empty = none. */
  services: DeclaredService[];
  /** Why a declaration is ignored (an untrusted project, a port taken by a stronger tier). Empty = none. */
  ignored: string[];
}

/** The declared services of the tiers (strongest first: org, user, project). */
export function declaredServices(tiers: TierConfig[]): ServicePlan {
  const byPort = new Map<number, DeclaredService>();
  const ignored: string[] = [];
  for (const t of tiers) {
    for (const s of t.config.services ?? []) {
      const file = t.file || t.dir;
      if (!t.trusted) {
        // fail closed: a declaration the agent could have written opens no route
        ignored.push(
          `${file}: service port ${s.port} ignored: the project folder is not trusted (a human runs \`agentfw trust\` after reviewing it)`,
        );
        continue;
      }
      const had = byPort.get(s.port);
      if (had) {
        if (had.file !== file)
          ignored.push(`${file}: service port ${s.port} ignored: ${had.file} declares it`);
        continue;
      }
      byPort.set(s.port, { ...s, label: s.name || s.protocol, file, tier: t.tier });
    }
  }
  return { services: [...byPort.values()].sort((a, b) => a.port - b.port), ignored };
}

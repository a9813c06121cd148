/**
 * Declared host services in the policy config: the schema refuses unjudged raw TCP unless
 * `trust_raw: true` says so, and ports the sandbox cannot open; a project's declarations
 * count only while the project is trusted; the strongest tier's declaration of a port wins.
 */
import { describe, expect, it } from 'vitest';
import type { TierConfig } from '../../src/config/discover.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { declaredServices } from '../../src/config/services.js';

const tier = (t: TierConfig['tier'], services: unknown[], trusted = true): TierConfig => ({
  tier: t,
  dir: `/${t}`,
  file: `/${t}/config.yaml`,
  config: ConfigSchema.parse({ services }),
  rulesets: [],
  trusted,
});

describe('services schema', () => {
  it.each([
    [{ port: 5432, protocol: 'postgres' }, true],
    [{ port: 6379, protocol: 'tcp', trust_raw: true, name: 'redis' }, true],
    [{ port: 6379, protocol: 'tcp' }, false],
    [{ port: 6379, protocol: 'tcp', trust_raw: false }, false],
    [{ port: 80, protocol: 'postgres' }, false],
    [{ port: 5432, protocol: 'mysql' }, false],
    [{ port: 6379, protocol: 'redis' }, true],
    [{ port: 5432, protocol: 'postgres', extra: 1 }, false],
  ])('%j valid: %s', (svc, ok) => {
    expect(ConfigSchema.safeParse({ services: [svc] }).success).toBe(ok);
  });

  it('the refusal of raw tcp says how to mean it', () => {
    const r = ConfigSchema.safeParse({ services: [{ port: 6379, protocol: 'tcp' }] });
    expect(r.success ? '' : r.error.issues[0].message).toContain('trust_raw: true');
  });
});

describe('declaredServices', () => {
  it.each([
    ['a trusted project counts', [tier('project', [{ port: 5432, protocol: 'postgres' }])], [5432], 0],
    [
      'an untrusted project opens nothing',
      [tier('project', [{ port: 5432, protocol: 'postgres' }], false)],
      [],
      1,
    ],
    [
      'the strongest tier wins a port',
      [
        tier('org', [{ port: 5432, protocol: 'postgres' }]),
        tier('user', [
          { port: 5432, protocol: 'tcp', trust_raw: true },
          { port: 5433, protocol: 'postgres' },
        ]),
      ],
      [5432, 5433],
      1,
    ],
  ])('%s', (_n, tiers, ports, ignored) => {
    const p = declaredServices(tiers);
    expect(p.services.map((s) => s.port)).toEqual(ports);
    expect(p.ignored).toHaveLength(ignored);
    if (ports.includes(5432)) expect(p.services[0].protocol).toBe('postgres');
  });

  it('an untrusted project is named with the way to trust it', () => {
    const p = declaredServices([tier('project', [{ port: 5432, protocol: 'postgres' }], false)]);
    expect(p.ignored[0]).toContain('agentfw trust');
  });
});

/**
 * Mesh VPN policies opened to every device (src/extract/exposure-mesh.ts), through the real
 * pipeline with the exposure pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('exposure');
const TS = 'https://api.tailscale.com/api/v2/tailnet/-/acl';
const ALL = `'{"acls":[{"action":"accept","src":["*"],"dst":["*:*"]}]}'`;
/** A policy file the script writes: rules that name who reaches what / every device to every port. */
const NAMED = `cat > acl.json <<'EOF'\n{"acls":[{"action":"accept","src":["group:eng"],"dst":["tag:dev:*"]}]}\nEOF`;
const OPEN = `cat > acl.json <<'EOF'\n{"acls":[{"action":"accept","src":["*"],"dst":["*:*"]}]}\nEOF`;

describe('mesh VPN policy bodies', () => {
  it.each<[string, boolean]>([
    [`curl -X POST ${TS} -H "Authorization: Bearer $TS_API_KEY" -d ${ALL}`, true],
    [`curl -s -u "$TS_API_KEY:" -X POST ${TS} --data-binary ${ALL}`, true],
    [
      `curl -X POST https://hs.example.test/api/v1/policy -d '{"grants":[{"src":["*"],"dst":["*"],"ip":["*"]}]}'`,
      true,
    ],
    [
      `curl -X POST https://api.zerotier.com/api/v1/network/8056c2e21c000001 -d '{"config":{"private":false}}'`,
      true,
    ],
    // reads, and rules that name who reaches what
    [`curl -H "Authorization: Bearer $TS_API_KEY" ${TS}`, false],
    [`curl -X POST ${TS} -d '{"acls":[{"action":"accept","src":["group:eng"],"dst":["tag:dev:*"]}]}'`, false],
    [
      `curl -X POST https://api.zerotier.com/api/v1/network/8056c2e21c000001 -d '{"config":{"private":true}}'`,
      false,
    ],
    // a body that cannot be read replaces the whole policy: fail closed
    [`curl -X POST ${TS} --data-binary @policy-not-written.hujson`, true],
    [`headscale policy set -f /nonexistent/acl.hujson`, true],
    [`curl -X POST https://api.zerotier.com/api/v1/network/8056c2e21c000001 -d @missing.json`, true],
    // the same file read and naming its sources: allowed
    [`${NAMED}\ncurl -X POST ${TS} --data-binary @acl.json`, false],
    [`${NAMED}\nheadscale policy set -f acl.json`, false],
    [`${OPEN}\nheadscale policy set -f acl.json`, true],
  ])('%s → blocked %s', async (cmd, blocked) => {
    expect((await verdict(cmd)) !== 'allow').toBe(blocked);
  });
});

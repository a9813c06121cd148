/**
 * Network tools that read their commands from a file or stdin (src/normalize/batch-tools.ts):
 * nft -f, iptables-restore, ipset restore, tc|ip -batch. Their commands are judged as if typed:
 * through the real pipeline with the host pack loaded. Commands not known statically are asked
 * (fail closed); rules that only add or list pass as they would on the command line.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const host = await packVerdict('host');
const DOWN = 'ask host/firewall-down';

describe('commands a network tool reads from stdin or a file', () => {
  it.each([
    "sudo nft -f - <<'EOF'\nflush ruleset\nEOF",
    "echo 'flush ruleset' | nft -f -",
    "nft -f - <<< 'delete table inet filter'",
    "nft -i <<< 'flush ruleset'",
    "printf 'flush ruleset\\n' > /tmp/r.nft && nft -f /tmp/r.nft",
    "cat > /tmp/r.nft <<'EOF'\n# reset\nflush ruleset\ntable inet f {\n  chain input { type filter hook input priority 0; }\n}\nEOF\nsudo nft -f /tmp/r.nft",
    "sudo iptables-restore <<'EOF'\n*filter\n:INPUT ACCEPT [0:0]\n-F INPUT\nCOMMIT\nEOF",
    "ip6tables-legacy-restore <<< $'*filter\\n-F\\nCOMMIT'",
  ])('%s asks (firewall down)', async (cmd) => {
    expect(await host(cmd)).toBe(DOWN);
  });

  it.each(['some_cmd | nft -f -', 'sudo nft -f "$RULES"', 'iptables-restore < /srv/not-here/rules.v4'])(
    '%s: commands not known are asked',
    async (cmd) => {
      expect(await host(cmd)).toMatch(/^ask /);
    },
  );

  it.each([
    'nft list ruleset',
    "nft -f - <<< 'list tables'",
    "cat > /tmp/ok.nft <<'EOF'\ntable inet f {\n  chain input { type filter hook input priority 0; policy accept; }\n}\nEOF\nnft -c -f /tmp/ok.nft",
    "iptables-restore <<'EOF'\n*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -i lo -j ACCEPT\nCOMMIT\nEOF",
    "ipset restore <<< 'create allow hash:ip'",
    "tc -batch - <<< 'qdisc show dev eth0'",
    'ip -br addr',
    // checks that apply nothing, even of a file not readable here
    'sudo nft --check -f nftables.conf',
    'nft -cf /srv/not-here/rules.nft',
    'iptables-restore --test < /srv/not-here/rules.v4',
  ])('%s stays allowed', async (cmd) => {
    expect(await host(cmd)).toBe('allow');
  });
});

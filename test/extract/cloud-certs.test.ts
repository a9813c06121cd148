/**
 * Certificates revoked by CA tools and ACME clients (src/extract/cloud-certs.ts), read into
 * cloud facts: `tool|service|verb|resource`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const revocations = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).flatMap((f) =>
    f.kind === 'cloud' && f.service === 'certificate' ? [[f.tool, f.verb, f.resource].join('|')] : [],
  );
};

describe('certificates revoked', () => {
  it.each<[string, string[]]>([
    ['step ca revoke --serial 3088932863', ['step|revoke|3088932863']],
    ['step ca revoke --serial=3088932863 --reason superseded', ['step|revoke|3088932863']],
    ['step ca revoke 3088932863', ['step|revoke|3088932863']],
    ['step ca revoke --cert svc.crt --key svc.key', ['step|revoke|svc.crt']],
    ['step ssh revoke 77100243', ['step|revoke|77100243']],
    ['certbot revoke --cert-name www.example.com', ['certbot|revoke|www.example.com']],
    ['certbot -n revoke --cert-path /etc/le/cert.pem', ['certbot|revoke|/etc/le/cert.pem']],
    ['lego --email ops@example.com --domains example.com revoke', ['lego|revoke|example.com']],
    ['acme.sh --revoke -d example.com', ['acme.sh|revoke|example.com']],
    ['easyrsa revoke client-alice', ['easyrsa|revoke|client-alice']],
    ['easyrsa --batch revoke-issued vpn-server', ['easyrsa|revoke|vpn-server']],
    ['cfssl revoke -serial 1234 -aki 5678', ['cfssl|revoke|1234']],
    ['openssl ca -config ca.cnf -revoke certs/alice.pem', ['openssl|revoke|certs/alice.pem']],
    // not named on the command line: the tool prompts or reads its config
    ['certbot revoke', ['certbot|revoke|']],
  ])('%s → %o', (line, want) => expect(revocations(line)).toEqual(want));

  it.each([
    'step certificate inspect certs/server.crt',
    'step ca certificate svc.example.com svc.crt svc.key',
    'step ca renew svc.crt svc.key',
    'step ca provisioner remove old-jwk',
    'certbot certonly --standalone -d example.com',
    'certbot renew --dry-run',
    'lego --email ops@example.com --domains example.com run',
    'acme.sh --issue -d example.com -w /var/www/html',
    'easyrsa build-client-full client-bob nopass',
    'easyrsa show-cert revoke',
    'cfssl gencert -initca ca-csr.json',
    'openssl ca -config ca.cnf -gencrl -out crl.pem',
    'openssl x509 -in certs/alice.pem -revoke',
  ])('%s → no revocation', (line) => expect(revocations(line)).toEqual([]));
});

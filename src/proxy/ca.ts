/**
 * The per-session certificate authority that lets the proxy read HTTPS requests.
 *
 * The CA key pair is generated at session start and lives only in this process's memory:
 * it is never written to disk, so no process of the agent can mint certificates with it.
 * Only the CA certificate (public) is written, plus a bundle of the system CAs and this
 * one for clients that replace rather than extend their trust store.
 *
 * Leaf certificates are signed per host on first use and cached; all leaves share one
 * key pair (generated once) so a new host costs one signature, not a key generation.
 */
import { constants, createPrivateKey, generateKeyPairSync, privateEncrypt, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import forge from 'node-forge';

/** Where Debian-family systems keep the system trust bundle. */
export const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

export interface SessionCa {
  /** PEM of the CA certificate (public). */
  certPem: string;
  /** Absolute path of the CA certificate file. */
  certPath: string;
  /** Absolute path of the bundle: system CAs followed by the session CA. */
  bundlePath: string;
  /** A TLS context presenting a leaf certificate for `host` (cached per host). */
  contextFor(host: string): tls.SecureContext;
  /** A leaf key and certificate chain (PEM) for several names at once (a loopback test server). */
  issue(names: string[]): { key: string; cert: string };
  /** Number of leaf certificates signed so far (for tests and the bench). */
  readonly leaves: number;
}

function rsaPair(): {
  publicKey: forge.pki.rsa.PublicKey;
  privateKey: forge.pki.rsa.PrivateKey;
  pem: string;
} {
  // Node's native generator: forge's pure-JS RSA generation takes seconds.
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    pem: privateKey,
  };
}

/** DER prefix of a PKCS#1 v1.5 DigestInfo for SHA-256 (RFC 8017 §9.2). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A signer forge accepts (`key.sign(md)` returns the signature as a binary string) that
 * signs with Node's native RSA: forge's pure-JS RSA takes ~70 ms a signature, this ~1 ms.
 */
function nativeSigner(pem: string): forge.pki.rsa.PrivateKey {
  const key = createPrivateKey(pem);
  return {
    sign(md: forge.md.MessageDigest) {
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      const sig = privateEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      );
      return sig.toString('binary');
    },
  } as unknown as forge.pki.rsa.PrivateKey;
}

function serial(): string {
  // Positive 16-byte serial (high bit cleared).
  const b = randomBytes(16);
  b[0] &= 0x7f;
  return b.toString('hex');
}

/**
 * Generates the session CA and writes `agentfw-ca.pem` and `agentfw-ca-bundle.pem` into
 * `dir` (the session's private runtime dir). `systemBundle` = the trust store copied into
 * the bundle; a missing file gives a bundle with the session CA only.
 */
export function createSessionCa(dir: string, sessionId: string, systemBundle = SYSTEM_BUNDLE): SessionCa {
  const ca = rsaPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = ca.publicKey;
  cert.serialNumber = serial();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + 7 * 24 * 60 * 60 * 1000);
  const subject = [
    { name: 'commonName', value: `agentfw session CA ${sessionId.slice(0, 16)}` },
    { name: 'organizationName', value: 'agentfw' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true, pathLenConstraint: 0 },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const signer = nativeSigner(ca.pem);
  cert.sign(signer, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);

  const certPath = path.join(dir, 'agentfw-ca.pem');
  const bundlePath = path.join(dir, 'agentfw-ca-bundle.pem');
  writeFileSync(certPath, certPem, { mode: 0o644 });
  let system = '';
  try {
    system = readFileSync(systemBundle, 'utf8');
  } catch {
    // no system store: the bundle trusts the session CA only
  }
  writeFileSync(bundlePath, `${system}${system.endsWith('\n') || !system ? '' : '\n'}${certPem}`, {
    mode: 0o644,
  });

  const leafKey = rsaPair();
  const contexts = new Map<string, tls.SecureContext>();
  let leaves = 0;

  const leafFor = (host: string, more: string[] = []): string => {
    const c = forge.pki.createCertificate();
    c.publicKey = leafKey.publicKey;
    c.serialNumber = serial();
    c.validity.notBefore = new Date(Date.now() - 60 * 60 * 1000);
    c.validity.notAfter = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
    c.setSubject([{ name: 'commonName', value: host.slice(0, 64) }]);
    c.setIssuer(subject);
    const altNames = [host, ...more].map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n }));
    c.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ]);
    c.sign(signer, forge.md.sha256.create());
    return forge.pki.certificateToPem(c);
  };

  return {
    certPem,
    certPath,
    bundlePath,
    get leaves() {
      return leaves;
    },
    issue(names: string[]) {
      return { key: leafKey.pem, cert: `${leafFor(names[0], names.slice(1))}${certPem}` };
    },
    contextFor(host: string) {
      const key = host.toLowerCase();
      let ctx = contexts.get(key);
      if (!ctx) {
        // `ca: []`: a server context needs no trust store (loading the default one costs ~3 ms).
        ctx = tls.createSecureContext({ key: leafKey.pem, cert: `${leafFor(key)}${certPem}`, ca: [] });
        leaves++;
        // Bounded cache: a session talking to thousands of hosts re-signs the oldest.
        if (contexts.size >= 2000) contexts.delete(contexts.keys().next().value as string);
        contexts.set(key, ctx);
      }
      return ctx;
    },
  };
}

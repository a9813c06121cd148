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
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fchmodSync,
  fstatSync,
  openSync,
  readSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import type Forge from 'node-forge';
import forgeCore from 'node-forge/lib/forge.js';
// Only the X.509 part (with ASN.1, PEM, OIDs, RSA and big integers, which it loads): the
// package's index would also load its TLS, PKCS#12, SSH and cipher suites at every start.
import 'node-forge/lib/x509.js';

const forge = forgeCore as typeof Forge;

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

/** An ECDSA P-256 key pair: generated in well under a millisecond (RSA-2048 takes 50–500 ms). */
interface EcPair {
  key: KeyObject;
  /** PKCS#8 PEM of the private key (for TLS contexts; never written to disk). */
  pem: string;
  /** DER SubjectPublicKeyInfo. */
  spki: Buffer;
  /** Key identifier: SHA-1 of the public key bits (RFC 5280 §4.2.1.2, method 1). */
  keyId: Buffer;
}

function ecPair(): EcPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // P-256 uncompressed point: the last 65 bytes of the SubjectPublicKeyInfo's BIT STRING.
  const keyId = createHash('sha1')
    .update(spki.subarray(spki.length - 65))
    .digest();
  return { key: privateKey, pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, spki, keyId };
}

const { asn1 } = forge;
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
/** AlgorithmIdentifier ecdsa-with-SHA256 (no parameters, RFC 5758 §3.2). */
const ecdsaAlg = () =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(ECDSA_WITH_SHA256).getBytes()),
  ]);
const octets = (b: Buffer) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, b.toString('binary'));
/** forge only encodes RSA keys: a tiny RSA key holds the SubjectPublicKeyInfo's place until it is swapped. */
const STAND_IN = forge.pki.setRsaPublicKey(new forge.jsbn.BigInteger('3'), new forge.jsbn.BigInteger('3'));

/** The fields of one certificate; extensions as forge takes them. */
interface CertSpec {
  subject: Forge.pki.CertificateField[];
  issuer: Forge.pki.CertificateField[];
  extensions: object[];
  /** Public key of the subject. */
  spki: Buffer;
  /** Key that signs (the CA's). */
  signer: KeyObject;
}

/** DER-encodes and signs an X.509 v3 certificate with ECDSA-SHA256; returns its PEM. */
function certificate(o: CertSpec): string {
  const c = forge.pki.createCertificate();
  c.publicKey = STAND_IN;
  c.serialNumber = serial();
  const now = Date.now();
  c.validity.notBefore = new Date(now - 60 * 60 * 1000);
  c.validity.notAfter = new Date(now + 7 * 24 * 60 * 60 * 1000);
  c.setSubject(o.subject);
  c.setIssuer(o.issuer);
  c.setExtensions(o.extensions);
  c.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption; // replaced below
  const tbs = (
    forge.pki as unknown as { getTBSCertificate(c: Forge.pki.Certificate): Forge.asn1.Asn1 }
  ).getTBSCertificate(c);
  const fields = tbs.value as Forge.asn1.Asn1[];
  fields[2] = ecdsaAlg(); // signature algorithm
  fields[6] = asn1.fromDer(o.spki.toString('binary')); // SubjectPublicKeyInfo
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const sig = sign('sha256', tbsDer, o.signer); // DER ECDSA-Sig-Value
  const der = asn1
    .toDer(
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        tbs,
        ecdsaAlg(),
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, '\0' + sig.toString('binary')),
      ]),
    )
    .getBytes();
  return forge.pem.encode({ type: 'CERTIFICATE', body: der }, { maxline: 64 });
}

function serial(): string {
  // Positive 16-byte serial (high bit cleared).
  const b = randomBytes(16);
  b[0] &= 0x7f;
  return b.toString('hex');
}

/**
 * Writes the bundle: the system trust store copied as it is (no decoding), then the session
 * CA on a line of its own. A missing store gives a bundle with the session CA only.
 */
function writeBundle(bundlePath: string, systemBundle: string, certPem: string): void {
  let copied = false;
  try {
    copyFileSync(systemBundle, bundlePath);
    copied = true;
  } catch {
    // no system store: the bundle trusts the session CA only
  }
  const fd = openSync(bundlePath, copied ? 'r+' : 'w', 0o644);
  try {
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const newline = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a ? '\n' : '';
    writeSync(fd, `${newline}${certPem}`, size);
    fchmodSync(fd, 0o644);
  } finally {
    closeSync(fd);
  }
}

/**
 * Generates the session CA and writes `agentfw-ca.pem` and `agentfw-ca-bundle.pem` into
 * `dir` (the session's private runtime dir). `systemBundle` = the trust store copied into
 * the bundle; a missing file gives a bundle with the session CA only.
 */
export function createSessionCa(dir: string, sessionId: string, systemBundle = SYSTEM_BUNDLE): SessionCa {
  const ca = ecPair();
  const subject = [
    { name: 'commonName', value: `agentfw session CA ${sessionId.slice(0, 16)}` },
    { name: 'organizationName', value: 'agentfw' },
  ];
  const certPem = certificate({
    subject,
    issuer: subject,
    spki: ca.spki,
    signer: ca.key,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true, pathLenConstraint: 0 },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      { id: '2.5.29.14', value: octets(ca.keyId) }, // subjectKeyIdentifier
    ],
  });

  const certPath = path.join(dir, 'agentfw-ca.pem');
  const bundlePath = path.join(dir, 'agentfw-ca-bundle.pem');
  writeFileSync(certPath, certPem, { mode: 0o644 });
  writeBundle(bundlePath, systemBundle, certPem);

  // The leaves' key pair is made on the first leaf (many sessions sign none).
  let leafPair: EcPair | undefined;
  const leafKey = (): EcPair => (leafPair ??= ecPair());
  // authorityKeyIdentifier [0] keyIdentifier: the CA's, so strict verifiers find the issuer
  const aki = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, ca.keyId.toString('binary')),
  ]);
  const contexts = new Map<string, tls.SecureContext>();
  let leaves = 0;

  const leafFor = (host: string, more: string[] = []): string =>
    certificate({
      subject: [{ name: 'commonName', value: host.slice(0, 64) }],
      issuer: subject,
      spki: leafKey().spki,
      signer: ca.key,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [host, ...more].map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })),
        },
        { id: '2.5.29.35', value: aki },
      ],
    });

  return {
    certPem,
    certPath,
    bundlePath,
    get leaves() {
      return leaves;
    },
    issue(names: string[]) {
      return { key: leafKey().pem, cert: `${leafFor(names[0], names.slice(1))}${certPem}` };
    },
    contextFor(host: string) {
      const key = host.toLowerCase();
      let ctx = contexts.get(key);
      if (!ctx) {
        // `ca: []`: a server context needs no trust store (loading the default one costs ~3 ms).
        ctx = tls.createSecureContext({ key: leafKey().pem, cert: `${leafFor(key)}${certPem}`, ca: [] });
        leaves++;
        // Bounded cache: a session talking to thousands of hosts re-signs the oldest.
        if (contexts.size >= 2000) contexts.delete(contexts.keys().next().value as string);
        contexts.set(key, ctx);
      }
      return ctx;
    },
  };
}

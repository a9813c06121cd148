/**
 * node-forge's own files, imported one by one (src/gates/proxy/ca.ts): the package's index
 * loads every part of it (TLS, PKCS#12, SSH, …), the certificate code needs only its X.509
 * part. The object is the one the package exports (typed by @types/node-forge).
 */
declare module 'node-forge/lib/forge.js' {
  const forge: unknown;
  export default forge;
}
declare module 'node-forge/lib/x509.js';

/**
 * Kubernetes client certificates for a group that is the whole cluster: the API server takes
 * a client certificate's organization (O=) as the user's groups, and `system:masters` (or
 * kubeadm's `kubeadm:cluster-admins`, bound to cluster-admin) can do anything, with no RBAC
 * binding that could be removed. Read from
 * - a certificate or request subject given to any program (`openssl req -subj
 *   "/CN=x/O=system:masters"`, `-subject`, `CN=x,O=system:masters`);
 * - an organization option (`kubeadm kubeconfig user --org system:masters`, `certstrap
 *   request-cert --organization …`);
 * - a cfssl request (`cfssl gencert … csr.json`, `-` for stdin) whose `names` say `"O":
 *   "system:masters"`, as the script wrote it or the disk holds it;
 * - a CertificateSigningRequest manifest whose `spec.request` (base64 PEM) names the group.
 * A request for an ordinary group makes no finding; neither does approving a request whose
 * subject is not known here (`kubectl certificate approve NAME`).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import { readPayloadFile } from './http-body.js';
import type { Finding } from './word-facts.js';

/** Groups whose members are cluster administrators by the certificate alone. */
const ADMIN_GROUPS = /^(system:masters|kubeadm:cluster-admins)$/;
/** An O= (organization) component naming an admin group, in a `/`- or `,`-separated subject. */
const ADMIN_SUBJECT = /(^|[/,+]\s*)O\s*=\s*(system:masters|kubeadm:cluster-admins)\s*($|[/,+])/i;
/** Options naming the organization of the certificate to make. */
const ORG_OPTS = /^--?(org|organization)$/;
/** A cfssl request's organization. */
const CFSSL_ADMIN = /"O"\s*:\s*"(system:masters|kubeadm:cluster-admins)"/;

/** The admin group a command's words put in a certificate, as words; undefined = none. */
export function adminCertificate(cmd: NormalizedCommand, ctx: AnalyzeContext): string | undefined {
  const a = cmd.argv;
  const subject = a.slice(1).find((w) => ADMIN_SUBJECT.test(w));
  if (subject) return `a client certificate for ${subject}: cluster-admin without any binding`;
  const org = optionPairs(a).find(
    ([o, v]) => ORG_OPTS.test(o) && v.split(',').some((g) => ADMIN_GROUPS.test(g)),
  );
  if (org) return `${org[0]} ${org[1]}: a client certificate of cluster-admin without any binding`;
  if (/^cfssl$/.test(cmd.program) && /^(gencert|genkey|gencsr)$/.test(a[1] ?? '')) {
    const requests = a
      .slice(2)
      .filter((w, i, r) => (w === '-' || /\.json$/.test(w)) && !/^-/.test(r[i - 1] ?? ''));
    const text = requests.map((f) => readPayloadFile(f, cmd, ctx).text ?? '').join('\n');
    if (CFSSL_ADMIN.test(text)) return `cfssl ${a[1]} with "O": "${CFSSL_ADMIN.exec(text)?.[1] ?? ''}"`;
  }
  return undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The text of a base64 PEM request as it reaches the API server: the PEM decoded, then its
 * body (DER, where the subject's strings stand as they are written). '' = not base64 PEM.
 */
function requestText(request: string): string {
  const pem = Buffer.from(request.replace(/\s+/g, ''), 'base64').toString('latin1');
  const body = /-----BEGIN [A-Z ]*REQUEST-----([\s\S]*?)-----END/.exec(pem)?.[1];
  return body ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('latin1') : '';
}

/** A CertificateSigningRequest document whose request names an admin group, as a finding. */
export function csrDocument(doc: unknown): Finding[] {
  if (!isObj(doc) || doc.kind !== 'CertificateSigningRequest' || !isObj(doc.spec)) return [];
  const request = typeof doc.spec.request === 'string' ? doc.spec.request : '';
  const group = /system:masters|kubeadm:cluster-admins/.exec(requestText(request))?.[0];
  const name = isObj(doc.metadata) ? String(doc.metadata.name ?? '') : '';
  return group
    ? [['grant-admin', `CertificateSigningRequest ${name} for O=${group}: cluster-admin without any binding`]]
    : [];
}

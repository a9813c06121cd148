/**
 * Buckets of S3-compatible stores served to anyone by their own CLIs (the AWS, GCP, Azure,
 * MinIO `mc anonymous`, Swift and B2 forms are read in exposure.ts): Garage's website access
 * (`garage bucket website --allow BUCKET`: every object readable by anyone at the bucket's
 * web endpoint), Cloudflare R2's public URLs (`wrangler r2 bucket dev-url enable BUCKET`, a
 * custom domain `wrangler r2 bucket domain add BUCKET`), and a public canned ACL given as a
 * word or a single-dash option (`ossutil set-acl oss://b public-read`, `obsutil chattri
 * obs://b -acl=public-read`). Denying website access, disabling the URL and private ACLs make
 * no finding. Each finding is ['acl', the words].
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** Canned ACLs that let anyone read (or write). */
const PUBLIC = /^(public-read|public-read-write|public-read-delivered|public-read-write-delivered)$/i;

/** What bucket `cmd` serves to anyone; empty = none. */
export function publicBuckets(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const words = a.slice(1).filter((w) => !w.startsWith('-'));
  const path = words.slice(0, 3).join(' ');
  const bucket = (from: number) => words[from] ?? '';
  if (cmd.program === 'garage' && path.startsWith('bucket website') && a.includes('--allow'))
    return [['acl', `garage bucket website --allow ${bucket(2)}: served to anyone`]];
  if (cmd.program === 'wrangler' && (path === 'r2 bucket dev-url' || path === 'r2 bucket domain')) {
    const action = words[3] ?? '';
    if ((path.endsWith('dev-url') && action === 'enable') || (path.endsWith('domain') && action === 'add'))
      return [['acl', `wrangler ${path} ${action} ${bucket(4)}: public URL`]];
  }
  if (/^(ossutil(64)?|aliyun|obsutil|coscli)$/.test(cmd.program)) {
    const acl = a.slice(1).find((w) => PUBLIC.test(w.replace(/^-{1,2}acl=/i, '')));
    const setsAcl = a.some(
      (w) => /^(set-acl|set-bucket-acl|chattri|acl)$/i.test(w) || /^-{1,2}acl[=]?/i.test(w),
    );
    if (acl && setsAcl) return [['acl', `${cmd.program} ${acl}`]];
  }
  return [];
}

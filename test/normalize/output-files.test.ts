/**
 * Files a command fills other than through its redirects (src/normalize/output-files.ts):
 * a copy or a download of secret material carries the mark to the commands after it.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { carriesSecret } from '../../src/normalize/credentials.js';

const META = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role';

/** The text the script's last command sees in `path` (null = written, content unknown; undefined = not written). */
function fileSeen(
  script: string,
  path: string,
  files: Record<string, string> = {},
): string | null | undefined {
  const r = normalizeIn(filesContext(files), `${script}; ls`);
  expect(r.issues).toEqual([]);
  return r.commands.at(-1)?.files?.[path];
}

describe('secret material written to a file by a copy or a download', () => {
  it.each<[string, string]>([
    [`curl -s ${META} -o /tmp/c.json`, '/tmp/c.json'],
    [`curl -sSLo /tmp/c.json ${META}`, '/tmp/c.json'],
    [`curl --output=/tmp/c.json ${META}`, '/tmp/c.json'],
    [`wget -q -O /tmp/c.json ${META}`, '/tmp/c.json'],
    // saved under the URL's own name
    [`wget -q ${META}`, '/w/app-role'],
    [`curl -sO ${META}`, '/w/app-role'],
    [`xh ${META} -o creds.json`, '/w/creds.json'],
    // a credential file copied: to a file, or into a folder under its own name
    ['cp ~/.netrc /tmp/n.txt', '/tmp/n.txt'],
    ['cp ~/.aws/credentials /tmp/', '/tmp/credentials'],
    ['install -m 600 .env /tmp/e', '/tmp/e'],
    // out of a container's secret mount
    ['kubectl cp payments/api-0:/var/run/secrets/kubernetes.io/serviceaccount/token ./t', '/w/t'],
    ['docker cp api:/run/secrets/stripe_key ./k', '/w/k'],
    // a copy of a file this script filled with a secret
    [`curl -s ${META} -o a.json && cp a.json b.json`, '/w/b.json'],
  ])('%s fills %s with the secret', (script, path) =>
    expect(carriesSecret(fileSeen(script, path) ?? '')).toBe(true),
  );

  it.each<[string, string]>([
    ['curl -s http://169.254.169.254/latest/meta-data/instance-id -o /tmp/id', '/tmp/id'],
    ['curl -s http://169.254.169.254/latest/meta-data/placement/region > /tmp/region', '/tmp/region'],
    ['cp README.md /tmp/r.md', '/tmp/r.md'],
    ['kubectl cp api-0:/var/log/app.log ./app.log', '/w/app.log'],
    ['kubectl cp api-0:/var/run/secrets/kubernetes.io/serviceaccount/ca.crt ./ca.crt', '/w/ca.crt'],
    ['cp /dev/null npm-debug.log', '/w/npm-debug.log'],
  ])('%s leaves %s without secret material', (script, path) =>
    expect(carriesSecret(fileSeen(script, path) ?? '')).toBe(false),
  );

  it('a copy reads no source but a credential file (devices and other files stay unread)', () => {
    const read: string[] = [];
    const ctx = { ...filesContext({}), readFile: (p: string) => (read.push(p), undefined) };
    normalizeIn(ctx, 'cp /dev/null a.log; cp README.md b.md; cp .env c.env');
    expect(read).toEqual(['/w/.env']);
  });
});

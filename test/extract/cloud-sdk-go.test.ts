/**
 * Clients of Go modules no SDK table names (src/extract/cloud-sdk-go.ts): a destroying PascalCase
 * method on a client made by a third-party package, through the real pipeline with the saas pack
 * (a main.go written then `go run`, wrappers), and the reader itself for what a call amounts to.
 */
import { describe, expect, it } from 'vitest';
import { goSdkCalls } from '../../src/extract/cloud-sdk-go.js';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';
const main = (imports: string, body: string) =>
  `package main\n\nimport (\n\t"context"\n\t"os"\n${imports}\n)\n\nfunc main() {\n\tctx := context.Background()\n${body}\n}\n`;
const MINIO = '\t"github.com/minio/minio-go/v7"\n\t"github.com/minio/minio-go/v7/pkg/credentials"';
const MC =
  '\tc, err := minio.New("s3.prod.example.com", &minio.Options{Creds: credentials.NewEnvMinio(), Secure: true})\n\t_ = err';
const run = (code: string, cmd: string) =>
  `mkdir -p /tmp/p && cd /tmp/p && cat > main.go <<'EOF'\n${code}EOF\n${cmd}`;

describe('destroying calls through Go clients', () => {
  it.each<[string, string]>([
    [
      run(
        main(
          MINIO,
          `${MC}\n\tc.RemoveBucketWithOptions(ctx, "exports", minio.RemoveBucketOptions{ForceDelete: true})`,
        ),
        'go run .',
      ),
      ASK,
    ],
    [
      run(
        main(
          MINIO,
          `${MC}\n\tfor o := range c.ListObjects(ctx, "backups", minio.ListObjectsOptions{Recursive: true}) {\n\t\tc.RemoveObject(ctx, "backups", o.Key, minio.RemoveObjectOptions{})\n\t}`,
        ),
        'env MINIO_ACCESS_KEY=fake timeout 60 go run main.go',
      ),
      ASK,
    ],
    [
      run(
        main(
          '\tcf "github.com/cloudflare/cloudflare-go"',
          '\tapi, _ := cf.NewWithAPIToken(os.Getenv("CF_API_TOKEN"))\n\tapi.DeleteDNSRecord(ctx, cf.ZoneIdentifier("z1"), "r1")',
        ),
        'go mod tidy && go run .',
      ),
      ASK,
    ],
    [
      run(
        main(
          '\t"cloud.google.com/go/storage"',
          '\tclient, _ := storage.NewClient(ctx)\n\tb := client.Bucket("prod-assets")\n\tb.Delete(ctx)',
        ),
        'sudo go run .',
      ),
      ASK,
    ],
    // reads, the standard library, and a map's delete stay allowed
    [
      run(
        main(
          MINIO,
          `${MC}\n\tconst b = "it-scratch"\n\tc.MakeBucket(ctx, b, minio.MakeBucketOptions{})\n\tc.RemoveBucketWithOptions(ctx, b, minio.RemoveBucketOptions{ForceDelete: true})`,
        ),
        'go run .',
      ),
      'allow',
    ],
    [
      run(
        main(
          MINIO,
          `${MC}\n\tfor o := range c.ListObjects(ctx, "backups", minio.ListObjectsOptions{}) {\n\t\tprintln(o.Key)\n\t}\n\tc.FGetObject(ctx, "backups", "a.tgz", "/tmp/a.tgz", minio.GetObjectOptions{})`,
        ),
        'go run .',
      ),
      'allow',
    ],
    [
      run(
        main('', '\tos.RemoveAll("/tmp/build-cache")\n\tm := map[string]int{}\n\tdelete(m, "a")\n\t_ = ctx'),
        'go run .',
      ),
      'allow',
    ],
    [run(main(MINIO, `${MC}\n\tc.RemoveNotificationListener = nil\n\t_ = ctx`), 'go run .'), 'allow'],
  ])('%s', (script, want) => expect(saas(script)).toBe(want));
});

describe('what one call amounts to', () => {
  it('names the package, the verb, the resource and a bulk delete', () => {
    const code = main(
      MINIO,
      `${MC}\n\tfor o := range c.ListObjects(ctx, "b", minio.ListObjectsOptions{}) {\n\t\tc.RemoveObject(ctx, "b", o.Key, minio.RemoveObjectOptions{})\n\t}`,
    );
    expect(goSdkCalls(code).map((d) => [d.tool, d.verb, d.resource, d.all])).toEqual([
      ['minio', 'remove-object', 'b', true],
    ]);
  });
  it('reads nothing outside Go code', () => expect(goSdkCalls('c.RemoveBucket("x")')).toEqual([]));
});

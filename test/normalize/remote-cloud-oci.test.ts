/** Oracle Cloud's run command (src/normalize/remote-cloud-oci.ts): the content's script runs on the instance. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const content = (text: string) => JSON.stringify({ source: { sourceType: 'TEXT', text } });
const ctx = filesContext({ '/w/c.json': content('rm -rf /u02') });
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.remote ? 'remote:' : ''}${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

const create = `oci instance-agent command create --compartment-id ocid1.compartment.oc1..fake --target '{"instanceId": "ocid1.instance.oc1..db1"}'`;

describe('scripts OCI runs on an instance', () => {
  it.each<[string, string]>([
    [
      `${create} --content '${content('sudo rm -rf /u01/app/oracle/oradata')}'`,
      'remote:rm -rf /u01/app/oracle/oradata',
    ],
    [`${create} --content file://c.json`, 'remote:rm -rf /u02'],
    // fail closed: content not known here, a script in Object Storage, --from-json
    [`${create} --content "$C"`, 'remote:dynamic:sh -c $C'],
    [
      `${create} --content '{"source": {"sourceType": "OBJECT_STORAGE_URI", "sourceUri": "https://x"}}'`,
      'remote:dynamic:sh -c {"source": {"sourceType": "OBJECT_STORAGE_URI", "sourceUri": "https://x"}}',
    ],
    [
      `oci instance-agent command create --from-json file://all.json`,
      'remote:dynamic:sh -c the content of --from-json',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<string>([
    `oci instance-agent command list --compartment-id ocid1.compartment.oc1..fake`,
    `oci compute instance list --compartment-id ocid1.compartment.oc1..fake`,
  ])('%s runs nothing there', (script) =>
    expect(commands(script).some((c) => c.startsWith('remote:'))).toBe(false),
  );

  it('keeps the oci call and reads a harmless script', () => {
    const got = commands(`${create} --content '${content('df -h')}'`);
    expect(got).toContain('remote:df -h');
    expect(got.some((c) => c.startsWith('oci instance-agent command create'))).toBe(true);
  });
});

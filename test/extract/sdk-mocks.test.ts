/**
 * SDK sessions a program mocks (src/extract/sdk-mocks.ts): fog after `Fog.mock!`, moto's mocks,
 * Ruby's AWS SDK with stub_responses; through the real pipeline with the saas and databases
 * packs. A mock that does not cover every client, or is undone, still asks.
 */
import { describe, expect, it } from 'vitest';
import { mockedTools } from '../../src/extract/sdk-mocks.js';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const databases = await packVerdict('databases');
const verdict = (s: string) => [saas(s), databases(s)].filter((v) => v !== 'allow').join(' ') || 'allow';
const py = (code: string) => `python3 - <<'EOF'\n${code}\nEOF`;
const FOG = 'Fog::Storage.new(provider: "AWS", aws_access_key_id: "fake", aws_secret_access_key: "fake")';

describe('mocked SDK sessions', () => {
  it.each<[string, RegExp | 'allow']>([
    [
      `ruby -rfog/aws -e 'Fog.mock!; s = ${FOG}; d = s.directories.create(key: "t"); d.files.each(&:destroy); d.destroy'`,
      'allow',
    ],
    [
      `cat > /tmp/f.rb <<'EOF'\nrequire "fog/aws"\nrequire "json"\nFog.mock!\nc = Fog::Compute.new(provider: "AWS", aws_access_key_id: "fake", aws_secret_access_key: "fake")\nc.servers.each(&:destroy)\nEOF\nruby /tmp/f.rb`,
      'allow',
    ],
    [
      py(
        'import boto3\nfrom moto import mock_aws\nwith mock_aws():\n    s3 = boto3.client("s3", region_name="us-east-1")\n    s3.create_bucket(Bucket="t")\n    s3.delete_bucket(Bucket="t")',
      ),
      'allow',
    ],
    [
      py(
        'import boto3\nfrom moto import mock_s3\n@mock_s3\ndef run():\n    s3 = boto3.client("s3")\n    s3.delete_bucket(Bucket="t")\nrun()',
      ),
      'allow',
    ],
    [
      py(
        'import boto3, moto\nm = moto.mock_aws()\nm.start()\nboto3.client("ec2").terminate_instances(InstanceIds=["i-1"])',
      ),
      'allow',
    ],
    // a client made outside the mock, an undone mock, another store reached
    [
      py(
        'import boto3\nfrom moto import mock_aws\ns3 = boto3.client("s3")\nwith mock_aws():\n    pass\ns3.delete_bucket(Bucket="prod-data")',
      ),
      /^ask/,
    ],
    [
      py(
        'import boto3\nfrom moto import mock_aws\nm = mock_aws()\nm.start()\nm.stop()\nboto3.client("s3").delete_bucket(Bucket="p")',
      ),
      /^ask/,
    ],
    [
      `ruby -e 'require "fog/aws"; Fog.mock!; Fog.unmock!; s = ${FOG}; s.directories.get("prod").files.each(&:destroy)'`,
      /^ask/,
    ],
    [
      `ruby -e 'require "fog/aws"; s = ${FOG}; Fog.mock!; s.directories.get("prod").files.each(&:destroy)'`,
      /^ask/,
    ],
    [`ruby -e 'require "fog/aws"; require "active_record"; Fog.mock!; User.find(1).destroy'`, /^ask/],
  ])('%s', (script, want) =>
    want === 'allow' ? expect(verdict(script)).toBe('allow') : expect(verdict(script)).toMatch(want),
  );
});

describe('which SDK each mock covers', () => {
  it.each<[string, string[]]>([
    ['Fog.mock!\ns = Fog::Storage.new(provider: "AWS")', ['fog']],
    ['Aws.config[:stub_responses] = true\nc = Aws::S3::Client.new', ['aws-sdk']],
    ['c = Aws::S3::Client.new\nAws.config[:stub_responses] = true', []],
    ['from moto import mock_aws\nwith mock_aws():\n    c = boto3.client("s3")', ['boto3']],
    ['import boto3\nc = boto3.client("s3")', []],
  ])('%s', (code, want) => expect([...mockedTools(code)]).toEqual(want));
});

/**
 * Teardowns of what a tool provisioned (src/extract/cloud-teardown.ts): cluster launchers'
 * `down` and account nukers. Facts: `tool|service|verb|resource|all`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource, f.all ? 'all' : ''].join('|') : '',
  );
};

describe('cluster launchers tearing down what they made', () => {
  it.each<[string, string[]]>([
    ['ray down -y prod-cluster.yaml', ['ray|cluster|down|prod-cluster.yaml|']],
    ['ray down -n gpu cluster.yaml --workers-only', ['ray|cluster|down|cluster.yaml|']],
    ['sky down -a -y', ['sky|cluster|down||all']],
    ['sky down train-gpu dev-box', ['sky|cluster|down|train-gpu dev-box|']],
    ['sky down --all-users -y', ['sky|cluster|down||all']],
    ['sky serve down llm-api -y', ['sky|cluster serve|down|llm-api|']],
    ['azd down --force --purge', ['azd|cluster|down||']],
    ['ecs-cli down --force -c prod', ['ecs-cli|cluster|down||']],
    ['terraspace down network -y', ['terraspace|cluster|down|network|']],
    ['terraspace all down', ['terraspace|cluster all|down||all']],
    // Defang: the project's services in the cloud account, with or without the compose group
    ['defang compose down --project-name storefront-prod', ['defang|cluster compose|down||']],
    ['defang down -P aws -p billing', ['defang|cluster|down||']],
    // deployers tearing down a production environment, or one the shell names (fail closed)
    ['garden cleanup namespace --env production --yes', ['garden|cluster|cleanup|namespace|']],
    ['garden --env=prod cleanup deploy api worker', ['garden|cluster|cleanup|deploy api worker|']],
    ['garden cleanup namespace -e shop.production', ['garden|cluster|cleanup|namespace|']],
    ['garden cleanup namespace --env $ENV', ['garden|cluster|cleanup|namespace|']],
    ['werf dismiss --env production --with-namespace', ['werf|cluster|dismiss||']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));

  it.each<string>([
    'ray status',
    'ray up -y cluster.yaml',
    'ray stop',
    'sky stop train-gpu',
    'sky status',
    'sky serve status',
    'azd up',
    'ecs-cli ps',
    'terraspace plan network',
    'tilt down',
    'okteto down',
    'defang compose up --project-name storefront-prod',
    'defang compose ps',
    'garden cleanup namespace --env local',
    'garden cleanup namespace',
    'garden deploy --env production',
    'garden get status --env production',
    'werf dismiss --env dev',
    'werf converge --env production',
  ])('%s: no teardown', (line) =>
    expect(cloud(line).filter((f) => /\|(down|cleanup|dismiss)\|/.test(f))).toEqual([]),
  );

  it("keeps the generic reading of the tools' other destructive verbs", () =>
    expect(cloud('sky storage delete -a -y')).toEqual(['sky|storage|delete||all']));
});

describe('account nukers', () => {
  it.each<[string, string[]]>([
    ['cloud-nuke aws --region us-east-1 --force', ['cloud-nuke|account|nuke|aws|all']],
    ['cloud-nuke defaults-aws', ['cloud-nuke|account|nuke|defaults-aws|all']],
    ['aws-nuke run --config nuke.yml --no-dry-run', ['aws-nuke|account|nuke|run|all']],
    // fail closed: an unknown nuker is read as one
    ['oci-nuke --compartment prod', ['oci-nuke|account|nuke|prod|all']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));

  it.each<string>([
    'cloud-nuke inspect-aws --region us-east-1',
    'cloud-nuke aws --dry-run',
    'cloud-nuke --version',
    'aws-nuke run --config nuke.yml',
    'aws-nuke resource-types',
    'gcp-nuke list',
  ])('%s: nothing deleted', (line) => expect(cloud(line)).toEqual([]));
});

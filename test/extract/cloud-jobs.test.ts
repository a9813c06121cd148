/**
 * Automation jobs launched by a name that says they destroy (src/extract/cloud-jobs.ts).
 * Through the real pipeline with the teardown pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('teardown');
const LAUNCHED = 'ask teardown/destroying-job-launched';

describe('destroying jobs launched by name (teardown pack)', () => {
  it.each([
    ['awx job_templates launch "Decommission prod-eu cluster" --monitor', LAUNCHED],
    ['awx --conf.host https://awx.example.com workflow_job_templates launch teardown-prod-db', LAUNCHED],
    ['awx job_templates launch delete_old_vms --extra_vars "{}"', LAUNCHED],
    ["tower-cli job launch --job-template 'Destroy staging env' --monitor", LAUNCHED],
    ['tower-cli workflow_job launch --workflow-template=nuke-sandbox', LAUNCHED],
    ["rd run -p ops -j 'prod/Wipe cache nodes'", LAUNCHED],
    ['gh workflow run destroy.yml -f env=prod', LAUNCHED],
    ['gh workflow run "Tear down preview" --ref main', LAUNCHED],
    // `-h` as the value of -f, not a help request
    ['gh workflow run destroy.yml -f -h', LAUNCHED],
    ['awx job_templates list', 'allow'],
    ['awx job_templates get "Decommission prod-eu cluster"', 'allow'],
    ["awx job_templates launch 'Deploy web app' --monitor", 'allow'],
    ['awx job_templates launch 42 --monitor', 'allow'],
    ["tower-cli job launch --job-template 'Patch servers'", 'allow'],
    ['rd run -p ops -j nightly-backup', 'allow'],
    ['gh workflow run ci.yml --ref main', 'allow'],
    ['gh workflow view destroy.yml', 'allow'],
    ['awx job_templates launch --help', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

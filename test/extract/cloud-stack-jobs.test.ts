/**
 * IaC runs of managed stack services (src/extract/cloud-stack-jobs.ts): OCI Resource Manager
 * destroy jobs and IBM Schematics destroys ask (terraform/stack-service-destroy), applies
 * approved without a reviewed plan ask (terraform/unreviewed-apply); plans, listings and an
 * apply of a reviewed plan stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { command, packVerdict } from '../helpers/command.js';
import { readStackJob } from '../../src/extract/cloud-stack-jobs.js';

const verdict = await packVerdict('terraform');
const STACK = 'ocid1.ormstack.oc1.iad.aaaaaaaafakestack';

describe('managed stack runs', () => {
  it.each([
    [
      `oci resource-manager job create-destroy-job --stack-id ${STACK} --execution-plan-strategy AUTO_APPROVED`,
      'ask terraform/stack-service-destroy',
    ],
    [
      `oci --profile prod resource-manager job create-destroy-job --stack-id=${STACK} --execution-plan-strategy AUTO_APPROVED --wait-for-state SUCCEEDED`,
      'ask terraform/stack-service-destroy',
    ],
    [
      `oci resource-manager job create --stack-id ${STACK} --operation DESTROY`,
      'ask terraform/stack-service-destroy',
    ],
    [
      'ibmcloud schematics destroy --id us-south.workspace.prod-vpc.fake1234 --force',
      'ask terraform/stack-service-destroy',
    ],
    ['ibmcloud sch destroy --id us-south.workspace.prod-vpc.fake1234', 'ask terraform/stack-service-destroy'],
    [
      `oci resource-manager job create-apply-job --stack-id ${STACK} --execution-plan-strategy AUTO_APPROVED`,
      'ask terraform/unreviewed-apply',
    ],
    [
      `oci resource-manager job create --stack-id ${STACK} --operation APPLY --apply-job-plan-resolution '{"isAutoApproved": true}'`,
      'ask terraform/unreviewed-apply',
    ],
    [
      'ibmcloud schematics apply --id us-south.workspace.prod-vpc.fake1234 --force',
      'ask terraform/unreviewed-apply',
    ],
    [`oci resource-manager job create-plan-job --stack-id ${STACK}`, 'allow'],
    [
      `oci resource-manager job create-apply-job --stack-id ${STACK} --execution-plan-strategy FROM_PLAN_JOB_ID --execution-plan-job-id ocid1.ormjob.oc1.iad.fakejob`,
      'allow',
    ],
    // the operation in the job's details, or known only at run time or from a file (fail closed)
    [
      `oci resource-manager job create --stack-id ${STACK} --job-operation-details '{"operation":"DESTROY","executionPlanStrategy":"AUTO_APPROVED"}'`,
      'ask terraform/stack-service-destroy',
    ],
    [
      `oci resource-manager job create --stack-id ${STACK} --operation $OP`,
      'ask terraform/stack-service-destroy',
    ],
    [
      `oci resource-manager job create --stack-id ${STACK} --operation=destroy`,
      'ask terraform/stack-service-destroy',
    ],
    [
      `oci resource-manager job create --stack-id ${STACK} --job-operation-details file://job.json`,
      'ask terraform/stack-service-destroy',
    ],
    [`oci resource-manager job create --from-json file://job.json`, 'ask terraform/stack-service-destroy'],
    [
      `oci resource-manager job create --stack-id ${STACK} --job-operation-details '{"operation":"APPLY","executionPlanStrategy":"AUTO_APPROVED"}'`,
      'ask terraform/unreviewed-apply',
    ],
    [`oci resource-manager job create --stack-id ${STACK} --operation PLAN`, 'allow'],
    [
      `oci resource-manager job create --stack-id ${STACK} --job-operation-details '{"operation":"PLAN"}'`,
      'allow',
    ],
    [
      `oci resource-manager job create --stack-id ${STACK} --job-operation-details '{"operation":"APPLY","executionPlanStrategy":"FROM_PLAN_JOB_ID","executionPlanJobId":"ocid1.ormjob.oc1.iad.fakejob"}'`,
      'allow',
    ],
    [`oci resource-manager job list --stack-id ${STACK}`, 'allow'],
    ['oci resource-manager job get-job-logs --job-id ocid1.ormjob.oc1.iad.fakejob', 'allow'],
    ['ibmcloud schematics plan --id us-south.workspace.prod-vpc.fake1234', 'allow'],
    ['ibmcloud schematics apply --id us-south.workspace.prod-vpc.fake1234', 'allow'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
});

describe('the stack named', () => {
  it('a destroy job with no stack named reads as one not named (fail closed)', () => {
    const d = readStackJob(command(['oci', 'resource-manager', 'job', 'create-destroy-job']));
    expect([d?.verb, d?.resource, d?.all]).toEqual(['destroy', '(not named)', true]);
  });
});

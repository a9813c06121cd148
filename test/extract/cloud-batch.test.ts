/**
 * Batch schedulers cancelling by selection (src/extract/cloud-batch.ts), read into cloud
 * facts: `tool|service|verb|resource|all`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact, NormalizedCommand } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const facts = (c: NormalizedCommand) =>
  (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource, f.all].join('|') : '',
  );
const cloud = (line: string) => facts(command(line.split(' ')));

describe('jobs cancelled by selection', () => {
  it.each<[string, string[]]>([
    [
      'scancel --state=RUNNING --partition=gpu',
      ['scancel|jobs|cancel-all|--state=RUNNING --partition=gpu|true'],
    ],
    ['scancel -u bob', ['scancel|jobs|cancel-all|-u=bob|true']],
    ['scancel -p debug -t PENDING', ['scancel|jobs|cancel-all|-p=debug -t=PENDING|true']],
    ['scancel --me', ['scancel|jobs|cancel-all|--me|true']],
    ['qdel all', ['qdel|jobs|cancel-all|all|true']],
    ['qdel -u *', ['qdel|jobs|cancel-all|-u *|true']],
    ['qdel -u alice', ['qdel|jobs|cancel-all|-u alice|true']],
    ['condor_rm -all', ['condor_rm|jobs|cancel-all|-all|true']],
    ['condor_rm alice', ['condor_rm|jobs|cancel-all|alice|true']],
    ['condor_rm -constraint JobStatus==1', ['condor_rm|jobs|cancel-all|-constraint JobStatus==1|true']],
    ['bkill 0', ['bkill|jobs|cancel-all|0|true']],
    ['bkill -u all 0', ['bkill|jobs|cancel-all|0 -u all|true']],
    ['bkill -q normal 0', ['bkill|jobs|cancel-all|0 -q normal|true']],
    ['flux cancel --all', ['flux|jobs|cancel-all|--all|true']],
    ['flux job cancelall -f', ['flux|jobs|cancel-all|cancelall|true']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('job ids not known statically', () => {
  it.each<[string[], string[]]>([
    // fail closed: ids produced by a command or a pipe may be every job
    [['scancel', '$(squeue -h -o %i)'], ['scancel|jobs|cancel-all|$(squeue -h -o %i)|true']],
    [['scancel', '{xargs-input}'], ['scancel|jobs|cancel-all|{xargs-input}|true']],
    [['qdel', '`qselect -u bob`'], ['qdel|jobs|cancel-all|`qselect -u bob`|true']],
    // one variable is one job
    [['scancel', '$SLURM_JOB_ID'], []],
  ])('%j', (argv, want) => expect(facts(command(argv, { dynamicArgs: [1] }))).toEqual(want));
});

describe('jobs named by id, and reading', () => {
  it.each<[string, string[]]>([
    ['scancel 4242', []],
    ['scancel 4242_[1-5]', []],
    ['scancel $SLURM_JOB_ID', []],
    ['scancel -u bob 4242', []],
    ['scancel --signal=USR1 4242', []],
    ['scancel --help', []],
    ['qdel 4242.pbs01', []],
    ['qdel -W force 4242', []],
    ['qdel -u bob 4242', []],
    ['condor_rm 1234.0', []],
    ['condor_rm 1234', []],
    ['bkill 4242', []],
    ['bkill -u bob', []],
    ['flux job cancelall', []],
    ['flux cancel f2Yx3Zb', []],
    ['squeue -u bob', []],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

/**
 * An update that switches its subject off (src/extract/cloud-switch-off.ts): the draft becomes
 * `disable-by-update` of the service and resource the update names; any other update keeps it.
 */
import { describe, expect, it } from 'vitest';
import type { CloudDraft } from '../../src/extract/cloud-argv.js';
import { switchedOff } from '../../src/extract/cloud-switch-off.js';
import { command } from '../helpers/command.js';

const draft: CloudDraft = { tool: 't', service: 's', verb: 'v', resource: 'r', all: false, force: false };
const read = (line: string) => {
  const d = switchedOff(draft, command(line.split(' ')));
  return [d.service, d.verb, d.resource];
};

describe('switchedOff', () => {
  it.each<[string, string[]]>([
    ['aws guardduty update-detector --detector-id d1 --no-enable', ['guardduty', 'disable-by-update', 'd1']],
    [
      'gcloud logging sinks update audit-sink --disabled',
      ['logging sinks', 'disable-by-update', 'audit-sink'],
    ],
    [
      'az security setting update --name MCAS --enabled false',
      ['security setting', 'disable-by-update', 'MCAS'],
    ],
    ['aws macie2 update-macie-session --status PAUSED', ['macie2', 'disable-by-update', '']],
    [
      'az security pricing create --name VirtualMachines --tier free',
      ['security pricing', 'disable-by-update', 'VirtualMachines'],
    ],
    // the draft is kept: the update switches nothing off, or no update verb is named
    ['aws guardduty update-detector --detector-id d1 --enable', ['s', 'v', 'r']],
    ['az security pricing create --name VirtualMachines --tier standard', ['s', 'v', 'r']],
    ['aws guardduty list-detectors --disabled', ['s', 'v', 'r']],
  ])('%s', (line, want) => expect(read(line)).toEqual(want));
});

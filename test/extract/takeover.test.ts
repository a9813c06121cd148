/** The takeover extractor (src/extract/takeover.ts): one fact per command, its service named by its verb. */
import { describe, expect, it } from 'vitest';
import { extractTakeover } from '../../src/extract/takeover.js';
import { analyzeContext, command } from '../helpers/command.js';

const fact = (argv: string[]) =>
  extractTakeover(command(argv), analyzeContext(), []).map((f) =>
    f.kind === 'cloud' ? `${f.service} ${f.verb}` : f.kind,
  );

describe('the service of each verb', () => {
  it.each<[string[], string[]]>([
    [['docker', 'run', '--pid=host', '--privileged', 'alpine'], ['container host-escape']],
    [
      ['kubectl', 'create', 'clusterrole', 'x', '--verb=escalate', '--resource=roles'],
      ['privilege grant-admin'],
    ],
    [
      ['kubectl', 'create', 'rolebinding', 'x', '--role=r', '--group=system:unauthenticated'],
      ['principal make-public'],
    ],
    [['ipa', 'passwd', 'cfo'], ['identity reset-password']],
    [['realm', 'permit', '--all'], ['identity open-login']],
    // a dry run, help, a text tool's words: nothing
    [['kubectl', 'create', 'clusterrole', 'x', '--verb=*', '--resource=*', '--dry-run=client'], []],
    [['realm', 'permit', '--help'], []],
    [['echo', 'docker', 'run', '--pid=host', '--privileged', 'alpine'], []],
  ])('%o → %o', (argv, want) => expect(fact(argv)).toEqual(want));
});

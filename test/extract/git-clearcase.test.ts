/** ClearCase's commands that delete from the VOB (src/extract/git-clearcase.ts), read into git actions. */
import { describe, expect, it } from 'vitest';
import { gitAlikeActions } from '../../src/extract/git-alikes.js';

/** `subcommand|action|refs` for each action. */
const read = (line: string) => {
  const argv = line.split(' ');
  const r = gitAlikeActions(argv[0], argv);
  return r?.actions.map((a) => [r.subcommand, a.action, a.refs.join(',')].join('|'));
};

describe('cleartool and multitool', () => {
  it.each<[string, string[]]>([
    [
      'cleartool rmelem -force -nc /vobs/payments/src/ledger.c',
      ['cleartool rmelem|obliterate|/vobs/payments/src/ledger.c'],
    ],
    ['cleartool rmelem -c gone ledger.c', ['cleartool rmelem|obliterate|ledger.c']],
    ['cleartool rmver -force -xhlink ledger.c@@/main/4', ['cleartool rmver|obliterate|ledger.c@@/main/4']],
    ['cleartool rmver -vrange /main/2 /main/6 ledger.c', ['cleartool rmver|obliterate|ledger.c']],
    ['cleartool rmvob -force /vobstore/payments.vbs', ['cleartool rmvob|obliterate|/vobstore/payments.vbs']],
    [
      'multitool rmreplica -nc replica:boston@/vobs/payments',
      ['multitool rmreplica|obliterate|replica:boston@/vobs/payments'],
    ],
    [
      'cleartool rmtype -rmall -force lbtype:REL_2_1@/vobs/payments',
      ['cleartool rmtype|obliterate|lbtype:REL_2_1@/vobs/payments'],
    ],
    ['cleartool rmtype -nc brtype:old_fix', ['cleartool rmtype|delete-remote-ref|brtype:old_fix']],
    [
      'cleartool rmbranch -force -nc ledger.c@@/main/hotfix',
      ['cleartool rmbranch|delete-remote-ref|ledger.c@@/main/hotfix'],
    ],
    [
      'cleartool rmlabel -nc REL_2_1 src/ledger.c',
      ['cleartool rmlabel|delete-remote-ref|REL_2_1,src/ledger.c'],
    ],
    [
      'cleartool rmstream -force stream:dev_int@/vobs/pvob',
      ['cleartool rmstream|delete-remote-ref|stream:dev_int@/vobs/pvob'],
    ],
    ['cleartool rmview -force -tag alice_dev', ['cleartool rmview|discard-worktree|alice_dev']],
    ['cleartool rmview /views/alice.vws', ['cleartool rmview|discard-worktree|/views/alice.vws']],
    ['cleartool uncheckout -rm src/ledger.c', ['cleartool uncheckout|discard-worktree|src/ledger.c']],
    ['cleartool unco -rm src/ledger.c', ['cleartool unco|discard-worktree|src/ledger.c']],
    // the shortened spellings cleartool accepts
    ['cleartool rmact activity:a@/vobs/pvob', ['cleartool rmact|delete-remote-ref|activity:a@/vobs/pvob']],
    [
      'cleartool rmacti -force activity:fix@/vobs/pvob',
      ['cleartool rmacti|delete-remote-ref|activity:fix@/vobs/pvob'],
    ],
    [
      'cleartool rmproj -f project:old@/vobs/pvob',
      ['cleartool rmproj|delete-remote-ref|project:old@/vobs/pvob'],
    ],
    ['cleartool uncheck -rm src/a.c', ['cleartool uncheck|discard-worktree|src/a.c']],
    ['cleartool rmtype -rma lbtype:REL_1', ['cleartool rmtype|obliterate|lbtype:REL_1']],
    ['cleartool rmelem -comment gone ledger.c', ['cleartool rmelem|obliterate|ledger.c']],
    // a subcommand known only at run time (fail closed)
    ['cleartool $SUB -force a.c', ['cleartool $SUB|obliterate|a.c']],
    // reads, keeps and ordinary work find nothing
    ['cleartool uncheckout -keep src/ledger.c', []],
    ['cleartool uncheck -keep src/a.c', []],
    ['cleartool lsact -cview', []],
    ['cleartool lsproj -invob /vobs/pvob', []],
    ['cleartool rma lbtype:x', []],
    ['cleartool rmname -nc old.c', []],
    ['cleartool ls -l /vobs/payments/src', []],
    ['cleartool describe -long ledger.c@@/main/4', []],
    ['cleartool lsvtree ledger.c', []],
    ['cleartool checkout -nc src/ledger.c', []],
    ['cleartool rmelem -help', []],
    ['cleartool', []],
  ])('%s', (line, expected) => {
    expect(read(line)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { gitAlikeActions } from '../../src/extract/git-alikes.js';
import { centralActions } from '../../src/extract/git-central.js';

/** `subcommand|action|remote|refs` for each action; undefined = not such a tool. */
const read = (line: string) => {
  const argv = line.split(' ');
  const r = gitAlikeActions(argv[0], argv);
  return r?.actions.map((a) => [r.subcommand, a.action, a.remote, a.refs.join(',')].join('|'));
};

describe('centralised version control read into git actions', () => {
  it.each<[string, string[] | undefined]>([
    // CVS: revisions deleted, tags deleted or moved on the server
    [
      'cvs -d :ext:dev@cvs.acme.internal:/cvsroot admin -o 1.14:1.22 billing/src/ledger.c',
      ['cvs admin|obliterate|:ext:dev@cvs.acme.internal:/cvsroot|1.14:1.22'],
    ],
    [
      'cvs -d:pserver:anon@cvs.example.org:/cvs adm -o1.3::1.9 main.c',
      ['cvs adm|obliterate|:pserver:anon@cvs.example.org:/cvs|1.3::1.9'],
    ],
    ['cvs admin -nOLD_TAG main.c', ['cvs admin|delete-remote-ref||OLD_TAG']],
    ['cvs admin -N REL_1:1.4 main.c', ['cvs admin|ref-move||REL_1']],
    ['cvs admin -n REL_1:1.4 main.c', []],
    ['cvs admin -kb logo.png', []],
    [
      'cvs -d :ext:dev@cvs.acme.internal:/cvsroot rtag -d REL_2_4_0 billing',
      ['cvs rtag|delete-remote-ref|:ext:dev@cvs.acme.internal:/cvsroot|REL_2_4_0'],
    ],
    ['cvs -q tag -d STABLE src/', ['cvs tag|delete-remote-ref||STABLE']],
    ['cvs rtag -F -r 1.5 REL_2 billing', ['cvs rtag|ref-move||REL_2']],
    ['cvs rtag REL_2_5_0 billing', []],
    ['cvs tag -n -d STABLE', []],
    // the global -n: only reports
    ['cvs -n -d :ext:dev@cvs.acme.internal:/cvsroot rtag -d REL_2_4_0 billing', []],
    ['cvs -qn admin -o 1.2:1.4 main.c', []],
    ['cvs log billing/src/ledger.c', []],
    ['cvs remove -f old.c', []],
    ['cvs commit -m fix', []],
    // Perforce: obliterate with -y, specs deleted on the server, the workspace cleaned
    [
      'p4 obliterate -y //depot/projects/billing/...',
      ['p4 obliterate|obliterate||//depot/projects/billing/...'],
    ],
    [
      'p4 -p ssl:perforce:1666 -u ana label -d REL_3_1',
      ['p4 label|delete-remote-ref|ssl:perforce:1666|REL_3_1'],
    ],
    ['p4 stream --obliterate -y //streams/old', ['p4 stream|obliterate||//streams/old']],
    ['p4 branch -d rel-3-to-main', ['p4 branch|delete-remote-ref||rel-3-to-main']],
    ['p4 tag -d -l REL_3 //depot/app/...', ['p4 tag|delete-remote-ref||REL_3']],
    ['p4 clean //depot/app/...', ['p4 clean|clean-force||']],
    ['p4 clean -n //depot/app/...', []],
    ['p4 obliterate //depot/projects/billing/...', []],
    ['p4 labels -m 10', []],
    ['p4 delete src/old.c', []],
    // a whole tree opened for deletion: the next submit removes it from the depot's head
    ['p4 delete //depot/main/...', ['p4 delete|delete-remote-ref||//depot/main/...']],
    ['p4 -p ssl:p4:1666 rm -c 42 ...', ['p4 rm|delete-remote-ref|ssl:p4:1666|...']],
    ['p4 delete -v //streams/rel-2/...', ['p4 delete|delete-remote-ref||//streams/rel-2/...']],
    ['p4 delete -n //depot/main/...', []],
    ['p4 delete src/*.c', []],
    // Subversion's server tools
    [
      'svnmucc -m drop rm https://svn.example.org/repos/app/branches/stable',
      ['svnmucc|delete-remote-ref|https://svn.example.org|/repos/app/branches/stable'],
    ],
    [
      'svnmucc -U https://svn.example.org/repos/app -m x rm tags/v1 rm tags/v2',
      [
        'svnmucc|delete-remote-ref|https://svn.example.org|/repos/app/tags/v1',
        'svnmucc|delete-remote-ref|https://svn.example.org|/repos/app/tags/v2',
      ],
    ],
    ['svnmucc -m add mkdir https://svn.example.org/repos/app/branches/next', []],
    [
      'svnadmin setlog /srv/svn/app -r 42 msg.txt --bypass-hooks',
      ['svnadmin setlog|revprop-overwrite||/srv/svn/app'],
    ],
    [
      'svnadmin delrevprop /srv/svn/app -r 42 svn:author',
      ['svnadmin delrevprop|revprop-overwrite||/srv/svn/app'],
    ],
    ['svnadmin verify /srv/svn/app', []],
    [
      'svn propset --revprop -r 42 svn:log fixed https://svn.example.org/repos/app',
      ['svn propset|revprop-overwrite||'],
    ],
    ['svn propset svn:ignore *.o .', []],
    // Plastic SCM
    ['cm branch delete br:/main/release-2', ['cm branch|delete-remote-ref||br:/main/release-2']],
    ['cm label rm lb:BL042', ['cm label|delete-remote-ref||lb:BL042']],
    ['cm changeset delete cs:1234', ['cm changeset|obliterate||cs:1234']],
    ['cm repository delete billing@acme@cloud', ['cm repository|obliterate||billing@acme@cloud']],
    ['cm undo .', ['cm undo|discard-worktree||']],
    ['cm branch create br:/main/task-12', []],
    // Darcs: patches obliterated unless kept in a bundle
    ['darcs obliterate --all --patches fix', ['darcs obliterate|reset-hard||']],
    ['darcs unpull -a', ['darcs unpull|reset-hard||']],
    ['darcs obliterate --dry-run --patches fix', []],
    ['darcs obliterate -o saved.dpatch --patches fix', []],
    ['darcs log', []],
  ])('%s → %j', (line, want) => {
    expect(read(line)).toEqual(want);
  });

  it('is not read for other programs', () => {
    expect(centralActions('cvsps', ['cvsps', '-x'])).toBeUndefined();
  });
});

describe('svnmucc reads the arguments of its -X file', () => {
  const files: Record<string, string> = {
    'rm.txt': 'rm\nhttps://svn.example.org/repos/app/trunk\n',
    'mkdir.txt': 'mkdir\nhttps://svn.example.org/repos/app/branches/next\n',
    'rel.txt': '-U\nhttps://svn.example.org/repos/app\nrm\ntags/v1\n',
  };
  const readIn = (line: string) => {
    const argv = line.split(' ');
    const r = centralActions(argv[0], argv, (f) => (f === '-' ? 'rm\nhttps://h.example/r/x\n' : files[f]));
    return r?.actions.map((a) => [a.action, a.remote, a.refs.join(',')].join('|'));
  };
  it.each<[string, string[]]>([
    ['svnmucc -m x -X rm.txt', ['delete-remote-ref|https://svn.example.org|/repos/app/trunk']],
    ['svnmucc -m x --extra-args=rel.txt', ['delete-remote-ref|https://svn.example.org|/repos/app/tags/v1']],
    ['svnmucc -m x -X -', ['delete-remote-ref|https://h.example|/r/x']],
    // mv takes its source away from where it was
    [
      'svnmucc -m x mv https://svn.example.org/repos/app/trunk https://svn.example.org/repos/app/old',
      ['delete-remote-ref|https://svn.example.org|/repos/app/trunk'],
    ],
    // fail closed: a file that can't be read may hold any rm
    ['svnmucc -m cleanup -X extra-args.txt', ['delete-remote-ref||(actions in extra-args.txt)']],
    // stays without an action: what the file holds creates only
    ['svnmucc -m x -X mkdir.txt', []],
    [
      'svnmucc -m x cp 12 https://svn.example.org/repos/app/trunk https://svn.example.org/repos/app/tags/v2',
      [],
    ],
  ])('%s', (line, want) => expect(readIn(line)).toEqual(want));
});

import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseGraph } from '../../src/extract/sql-graph.js';

const ctx = analyzeContext(WS);
const read = (argv: string[], stdin?: StdinSource) =>
  parseGraph(command(argv, { stdin }), ctx)?.stmts.map((s) => [s.statement, s.object, s.name, s.where]);
const NEBULA = ['nebula-console', '-addr', 'graphd', '-port', '9669', '-u', 'root', '-p', '$NEBULA_PW'];

describe("NebulaGraph's console: what its nGQL deletes", () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][] | undefined]>([
    [[...NEBULA, '-e', 'DROP SPACE social'], undefined, [['DROP', 'DATABASE', 'social', true]]],
    [[...NEBULA, '-e', 'drop space if exists social;'], undefined, [['DROP', 'DATABASE', 'social', true]]],
    [[...NEBULA, '-e', 'CLEAR SPACE social'], undefined, [['TRUNCATE', 'DATABASE', 'social', true]]],
    [[...NEBULA, '-e', 'USE social; DROP TAG player'], undefined, [['DROP', 'TABLE', 'player', true]]],
    [[...NEBULA, '-e', 'USE social; DROP EDGE follow'], undefined, [['DROP', 'TABLE', 'follow', true]]],
    [[...NEBULA, '-e', 'DROP TAG INDEX player_idx'], undefined, [['DROP', 'INDEX', 'player_idx', true]]],
    [[...NEBULA, '--eval=DELETE VERTEX "player100"'], undefined, [['DELETE', '', '', true]]],
    [
      [...NEBULA, '-e', 'LOOKUP ON player YIELD id(vertex) AS id | DELETE VERTEX $-.id'],
      undefined,
      [['DELETE', '', '', false]],
    ],
    [
      [
        ...NEBULA,
        '-e',
        'LOOKUP ON player WHERE player.age > 90 YIELD id(vertex) AS id | DELETE VERTEX $-.id',
      ],
      undefined,
      [['DELETE', '', '', true]],
    ],
    [
      ['nebula-console', '-addr', 'graphd'],
      { kind: 'pipe', text: 'DROP SPACE social;' },
      [['DROP', 'DATABASE', 'social', true]],
    ],
    // fail closed: a query file that cannot be read, queries piped from an unknown source
    [[...NEBULA, '-f', 'missing.ngql'], undefined, [['UNKNOWN', '', `${WS}/missing.ngql`, true]]],
    [['nebula-console', '-addr', 'graphd'], { kind: 'pipe' }, [['UNKNOWN', '', 'stdin', true]]],
    // reads and writes that delete nothing; a dropped name inside a string is a value
    [[...NEBULA, '-e', 'SHOW SPACES; DESCRIBE SPACE social'], undefined, []],
    [[...NEBULA, '-e', 'INSERT VERTEX player(name) VALUES "p1":("DROP SPACE social")'], undefined, []],
    [[...NEBULA], undefined, []],
  ])('%j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});

describe('TypeDB console: its database commands and what TypeQL deletes', () => {
  const TYPEDB = ['typedb', 'console', '--core=typedb.example.internal:1729'];
  it.each<[string[], StdinSource | undefined, (string | boolean)[][] | undefined]>([
    [
      [...TYPEDB, '--command=database delete fraud-graph'],
      undefined,
      [['DROP', 'DATABASE', 'fraud-graph', true]],
    ],
    [
      ['typedb-console', '--address', 'h:1729', '--command', 'database delete social'],
      undefined,
      [['DROP', 'DATABASE', 'social', true]],
    ],
    [
      [
        ...TYPEDB,
        '--command',
        'transaction social write',
        '--command',
        'match $p isa person; delete $p;',
        '--command',
        'commit',
      ],
      undefined,
      [['DELETE', '', '', false]],
    ],
    [
      [
        ...TYPEDB,
        '--command',
        'transaction social write',
        '--command',
        'match $p isa person, has name "Ann"; delete $p;',
      ],
      undefined,
      [['DELETE', '', '', true]],
    ],
    [
      [...TYPEDB, '--command', 'transaction social schema', '--command', 'undefine person;'],
      undefined,
      [['DROP', 'TABLE', 'person', true]],
    ],
    [[...TYPEDB, '--script', 'missing.tql'], undefined, [['UNKNOWN', '', 'missing.tql', true]]],
    [
      [...TYPEDB],
      { kind: 'heredoc', text: 'database delete social\n' },
      [['DROP', 'DATABASE', 'social', true]],
    ],
    // Reads and creations delete nothing; other typedb commands are not the console.
    [[...TYPEDB, '--command=database list'], undefined, []],
    [[...TYPEDB, '--command', 'database create social'], undefined, []],
    [
      [
        ...TYPEDB,
        '--command',
        'transaction social read',
        '--command',
        'match $p isa person; fetch { "n": $p.name };',
      ],
      undefined,
      [],
    ],
    [['typedb', 'server', '--server.address=0.0.0.0:1729'], undefined, undefined],
  ])('%j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});

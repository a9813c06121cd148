import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/engine/types.js';
import { compileIndexedMatch, compileMatch, renderTemplate, valuesAt } from '../../src/rules/match.js';
import type { Match } from '../../src/rules/schema.js';

const fsFact: Fact = {
  kind: 'fs',
  command: 0,
  evidence: 'rm -rf / /tmp/x',
  op: 'delete',
  recursive: true,
  force: true,
  targets: [
    { raw: '/', path: '/', class: 'root', glob: false },
    { raw: '/tmp/x', path: '/tmp/x', class: 'tmp', glob: false },
  ],
  classes: ['root', 'tmp'],
};

const gqlFact: Fact = {
  kind: 'graphql',
  command: 0,
  evidence: 'mutation volumeDelete',
  host: 'backboard.railway.app',
  url: 'https://backboard.railway.app/graphql/v2',
  operation: 'mutation',
  field: 'volumeDelete',
  alias: '',
  args: { volumeId: '3f1c9a', 'input.id': 'R_1' },
};

describe('valuesAt', () => {
  it.each([
    [fsFact, 'op', ['delete']],
    [fsFact, 'classes', ['root', 'tmp']],
    [fsFact, 'targets.class', ['root', 'tmp']],
    [fsFact, 'targets.1.path', ['/tmp/x']],
    [fsFact, 'targets.9.path', []],
    [fsFact, 'missing', []],
    [gqlFact, 'args.volumeId', ['3f1c9a']],
  ] as const)('%#: %s', (fact, path, want) => {
    expect(valuesAt(fact, path)).toEqual(want);
  });
});

describe('compileMatch', () => {
  it.each<[string, Match, Fact, boolean]>([
    ['kind only', { kind: 'fs' }, fsFact, true],
    ['other kind', { kind: 'git' }, fsFact, false],
    ['scalar equal', { kind: 'fs', op: 'delete' }, fsFact, true],
    ['scalar differs', { kind: 'fs', op: 'move' }, fsFact, false],
    ['boolean', { kind: 'fs', recursive: true }, fsFact, true],
    ['list against array field intersects', { kind: 'fs', classes: ['home', 'root'] }, fsFact, true],
    ['list against array field disjoint', { kind: 'fs', classes: ['home', 'system'] }, fsFact, false],
    ['dotted path through array', { kind: 'fs', 'targets.class': 'tmp' }, fsFact, true],
    ['regex with flags', { kind: 'graphql', field: { regex: 'DELETE', flags: 'i' } }, gqlFact, true],
    ['regex with inline (?i)', { kind: 'graphql', field: { regex: '(?i)^volumedelete$' } }, gqlFact, true],
    ['regex case-sensitive miss', { kind: 'graphql', field: { regex: 'DELETE' } }, gqlFact, false],
    ['not', { kind: 'fs', classes: { not: 'home' } }, fsFact, true],
    ['not of a present value', { kind: 'fs', classes: { not: 'root' } }, fsFact, false],
    ['exists true', { kind: 'graphql', 'args.volumeId': { exists: true } }, gqlFact, true],
    ['exists false on missing', { kind: 'graphql', 'args.projectId': { exists: false } }, gqlFact, true],
    ['sub object', { kind: 'graphql', args: { sub: { volumeId: '3f1c9a' } } }, gqlFact, true],
    ['sub object miss', { kind: 'graphql', args: { sub: { volumeId: 'zzz' } } }, gqlFact, false],
    ['any of conditions', { kind: 'fs', op: { any: ['move', 'delete'] } }, fsFact, true],
    ['all of conditions', { kind: 'fs', classes: { all: ['root', 'tmp'] } }, fsFact, true],
    ['all of conditions miss', { kind: 'fs', classes: { all: ['root', 'home'] } }, fsFact, false],
    ['top-level any', { any: [{ kind: 'git' }, { kind: 'fs', op: 'delete' }] }, fsFact, true],
    ['top-level all', { all: [{ kind: 'fs' }, { kind: 'fs', force: false }] }, fsFact, false],
  ])('%s', (_name, match, fact, want) => {
    expect(compileMatch(match)(fact)).toBe(want);
  });

  it('rejects an invalid regex at compile time', () => {
    expect(() => compileMatch({ kind: 'fs', op: { regex: '(' } })).toThrow(/invalid regex/);
  });
});

describe('renderTemplate', () => {
  it.each([
    ['{field} on {host}', gqlFact, 'volumeDelete on backboard.railway.app'],
    ['{args.volumeId}', gqlFact, '3f1c9a'],
    ['{args.projectId|field}', gqlFact, 'volumeDelete'],
    ['{nothing}', gqlFact, '?'],
    ['{classes}', fsFact, 'root, tmp'],
    ['{targets.0.path}', fsFact, '/'],
  ] as const)('%s', (tpl, fact, want) => {
    expect(renderTemplate(tpl, fact)).toBe(want);
  });
});

describe('compileIndexedMatch', () => {
  it.each<[string, Match, string[] | null]>([
    ['one kind', { kind: 'fs', op: 'delete' }, ['fs']],
    ['any of two kinds', { any: [{ kind: 'fs' }, { kind: 'graphql' }] }, ['fs', 'graphql']],
    [
      'all: the kinds every part accepts',
      { all: [{ kind: 'fs' }, { any: [{ kind: 'fs' }, { kind: 'git' }] }] },
      ['fs'],
    ],
    ['all of two different kinds: none', { all: [{ kind: 'fs' }, { kind: 'git' }] }, []],
  ])('%s', (_name, match, kinds) => {
    const m = compileIndexedMatch(match);
    expect(m.kinds === null ? null : [...m.kinds].sort()).toEqual(kinds);
  });

  it.each<[Match, Fact]>([
    [{ kind: 'fs', classes: 'root' }, fsFact],
    [{ any: [{ kind: 'git' }, { kind: 'graphql', operation: 'mutation' }] }, gqlFact],
    [{ all: [{ kind: 'fs' }, { kind: 'fs', recursive: true }] }, fsFact],
  ])('a fact the predicate accepts has one of the listed kinds: %j', (match, fact) => {
    const m = compileIndexedMatch(match);
    expect(m.predicate(fact)).toBe(true);
    expect(m.kinds === null || m.kinds.has(fact.kind)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Decision, Fact } from '../../src/engine/types.js';
import { describeFact, mainFindings, understood } from '../../src/tui/describe.js';

const base = { command: 0, evidence: 'e' };

describe('describeFact', () => {
  it.each<[string, Fact, string]>([
    [
      'graphql mutation',
      {
        ...base,
        kind: 'graphql',
        host: 'backboard.railway.app',
        url: 'u',
        operation: 'mutation',
        field: 'volumeDelete',
        alias: '',
        args: { volumeId: '3f1c9a' },
      },
      'GraphQL mutation volumeDelete(volumeId: "3f1c9a") → backboard.railway.app',
    ],
    [
      'graphql alias',
      {
        ...base,
        kind: 'graphql',
        host: 'h',
        url: 'u',
        operation: 'mutation',
        field: 'projectDelete',
        alias: 'x',
        args: {},
      },
      'GraphQL mutation x: projectDelete() → h',
    ],
    [
      'sql drop database',
      {
        ...base,
        kind: 'sql',
        tool: 'psql',
        statement: 'DROP',
        object: 'DATABASE',
        name: 'production',
        where: false,
        target: '',
      },
      'SQL DROP DATABASE production (psql)',
    ],
    [
      'sql delete without where',
      {
        ...base,
        kind: 'sql',
        tool: 'mysql',
        statement: 'DELETE',
        object: '',
        name: 'users',
        where: false,
        target: 'db1',
      },
      'SQL DELETE users without WHERE (mysql → db1)',
    ],
    [
      'rm -rf of $HOME',
      {
        ...base,
        kind: 'fs',
        op: 'delete',
        recursive: true,
        force: true,
        targets: [{ raw: '~', path: '/home/u', class: 'home', glob: false }],
        classes: ['home'],
      },
      'delete -rf of $HOME [home]',
    ],
    [
      'git force push',
      { ...base, kind: 'git', subcommand: 'push', action: 'force-push', remote: 'origin', refs: ['main'] },
      'git push: force-push on origin main',
    ],
    [
      'cloud delete',
      {
        ...base,
        kind: 'cloud',
        tool: 'aws',
        service: 's3',
        verb: 'rb',
        resource: 's3://b',
        all: false,
        force: true,
      },
      'aws s3 rb s3://b (no prompt)',
    ],
    [
      'dynamic',
      { ...base, kind: 'dynamic', what: 'command-name', text: '$CMD' },
      'cannot resolve command-name: $CMD',
    ],
  ])('%s', (_n, fact, want) => {
    expect(describeFact(fact, '/home/u')).toBe(want);
  });
});

describe('understood / mainFindings', () => {
  const d: Decision = {
    decision: 'ask',
    reason: 'r',
    commands: [],
    ms: 1,
    issues: [{ code: 'E_PARSE_SYNTAX', message: 'bad' }],
    facts: [
      { ...base, kind: 'dynamic', what: 'eval', text: '$X' },
      {
        ...base,
        kind: 'sql',
        tool: 'psql',
        statement: 'DROP',
        object: 'TABLE',
        name: 't',
        where: false,
        target: '',
      },
    ],
    findings: [
      {
        rule: 'p/low',
        severity: 'low',
        decision: 'ask',
        message: 'm',
        agent_message: 'a',
        evidence: 'e',
        fact: 0,
      },
      {
        rule: 'p/crit',
        severity: 'critical',
        decision: 'ask',
        message: 'm',
        agent_message: 'a',
        evidence: 'e',
        fact: 1,
      },
      {
        rule: 'p/deny',
        severity: 'medium',
        decision: 'deny',
        message: 'm',
        agent_message: 'a',
        evidence: 'e',
        fact: 1,
      },
    ],
  };
  it('lists facts behind findings first, then issues', () => {
    expect(understood(d)).toEqual([
      'cannot resolve eval: $X',
      'SQL DROP TABLE t (psql)',
      'analysis issue E_PARSE_SYNTAX: bad',
    ]);
  });
  it('orders findings deny first, then by severity', () => {
    expect(mainFindings(d).map((f) => f.rule)).toEqual(['p/deny', 'p/crit', 'p/low']);
  });
});

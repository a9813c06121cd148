import { describe, expect, it } from 'vitest';
import { publishedCredential } from '../../src/extract/exfil-publish.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const published = (...argvs: string[][]) => {
  const all = argvs.map((a) => command(a));
  const last = all[all.length - 1];
  const p = publishedCredential(last, ctx, all);
  return p ? [p.host, p.file] : [];
};

describe('a credential file copied into a package that is then published', () => {
  it.each<[string[][], string[]]>([
    [
      [
        ['cp', '.env', 'dist/'],
        ['npm', 'publish', '--access', 'public'],
      ],
      ['registry.npmjs.org', '.env'],
    ],
    [
      [
        ['cp', '-t', 'pkg', '/home/u/.npmrc'],
        ['npm', 'publish', 'pkg'],
      ],
      ['registry.npmjs.org', '/home/u/.npmrc'],
    ],
    [
      [
        ['mv', 'secrets.json', 'lib/'],
        ['yarn', 'npm', 'publish'],
      ],
      ['registry.npmjs.org', 'secrets.json'],
    ],
    [
      [
        ['cp', '~/.aws/credentials', 'src/app/'],
        ['twine', 'upload', 'dist/*'],
      ],
      ['pypi.org', '~/.aws/credentials'],
    ],
    [
      [
        ['install', '-m', '600', '.env', 'crate/'],
        ['cargo', 'publish'],
      ],
      ['crates.io', '.env'],
    ],
    // copied elsewhere, a file that is not a credential, no publish, a publish with no copy before it
    [
      [
        ['cp', '.env', '/tmp/backup/'],
        ['npm', 'publish'],
      ],
      [],
    ],
    [
      [
        ['cp', '.env.example', 'dist/'],
        ['npm', 'publish'],
      ],
      [],
    ],
    [
      [
        ['cp', 'README.md', 'dist/'],
        ['npm', 'publish'],
      ],
      [],
    ],
    [
      [
        ['cp', '.env', 'node_modules/x/'],
        ['npm', 'publish'],
      ],
      [],
    ],
    [
      [
        ['cp', '.env', 'dist/'],
        ['npm', 'pack'],
      ],
      [],
    ],
    [
      [
        ['npm', 'publish'],
        ['cp', '.env', 'dist/'],
      ],
      [],
    ],
    [
      [
        ['rsync', '.env', 'host.example.com:backup/'],
        ['npm', 'publish'],
      ],
      [],
    ],
  ])('%j', (argvs, want) => expect(published(...argvs)).toEqual(want));
});

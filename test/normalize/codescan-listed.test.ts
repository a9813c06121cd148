/**
 * A loop variable walking a folder's listing (src/normalize/codescan.ts joinPath): joined back
 * onto that folder it is one of its entries (`DIR/*`), judged like a glob of the folder; joined
 * onto another folder, or walking something else, it stays a path known only at run time.
 * Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

const py = (dir: string, joined: string) =>
  `python3 -c "\nimport os\nfor f in os.listdir('${dir}'):\n    os.remove(os.path.join('${joined}', f))\n"`;

describe('entries of a listed folder deleted in a loop', () => {
  it.each<[string, string]>([
    [
      "node -e \"const fs=require('fs'),path=require('path');for(const f of fs.readdirSync('tmp/screenshots'))fs.unlinkSync(path.join('tmp/screenshots', f))\"",
      'allow',
    ],
    [
      "node -e \"const fs=require('fs'),path=require('path');const d='tmp/out';const files=fs.readdirSync(d);for (const f of files) fs.rmSync(path.join(d, f), {recursive: true})\"",
      'allow',
    ],
    [py('build/tmp', 'build/tmp'), 'allow'],
    // a system folder's entries are still a system folder emptied
    [py('/srv/data', '/srv/data'), 'deny filesystem/destroy-root-home-system'],
    // joined onto another folder than the one listed: not known
    [
      "node -e \"const fs=require('fs'),path=require('path');for(const f of fs.readdirSync('tmp/screenshots'))fs.unlinkSync(path.join('/etc', f))\"",
      'ask filesystem/delete-unresolved',
    ],
    [py('build/tmp', '/var/lib'), 'ask filesystem/delete-unresolved'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});

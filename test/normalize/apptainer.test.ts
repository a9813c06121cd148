/**
 * `apptainer|singularity exec|run IMAGE CMD…` (src/normalize/apptainer.ts): the command is
 * walked in the container, with its binds and the default ones (cwd, /tmp, homes) unless
 * `--contain`.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each command in a container as `argv [mounts]`; others as `argv`. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) =>
    c.container
      ? `${c.argv.join(' ')} [${c.container.map((m) => `${m.source || '?'}→${m.target}`).join(' ')}]`
      : c.argv.join(' '),
  );
}

describe('apptainer exec carries its command into the container', () => {
  it.each<[string, string]>([
    [
      "apptainer exec --contain --bind /srv/prod-data:/data docker://alpine:3.19 sh -c 'rm -rf /data/*'",
      'rm -rf /data/* [/srv/prod-data→/data]',
    ],
    ['singularity exec -c -B /a,/b:/mnt/b:ro img.sif ls /mnt/b', 'ls /mnt/b [/a→/a /b→/mnt/b]'],
    // a short option's value attached to it
    ['singularity exec -c -B/a,/b:/mnt/b:ro img.sif ls /mnt/b', 'ls /mnt/b [/a→/a /b→/mnt/b]'],
    ['singularity exec -c -B=/srv/d:/data img.sif ls /data', 'ls /data [/srv/d→/data]'],
    ['apptainer run -c --bind=$D:/d img.sif rm /d/x', 'rm /d/x [?→/ ?→/d]'],
    ['apptainer exec -c --mount type=bind,src=/srv,dst=/s img.sif ls /s', 'ls /s [/srv→/s]'],
    ['apptainer exec --no-home img.sif ls', 'ls [/w→/w /tmp→/tmp]'],
    // no command, or another verb: nothing carried
    ['apptainer shell img.sif', 'apptainer shell img.sif'],
    ['apptainer pull docker://alpine', 'apptainer pull docker://alpine'],
  ])('%s', (script, want) => {
    expect(commands(script).at(-1)).toBe(want);
  });
});

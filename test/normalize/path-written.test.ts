/** Programs this script wrote on PATH and runs by bare name, git's external subcommands (src/normalize/path-written.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) => normalizeIn(ctx, script).commands.map((c) => c.argv.join(' '));

describe('a script written on PATH, run by name', () => {
  it.each<[string, string]>([
    [
      `mkdir -p ~/bin && printf '#!/bin/sh\\nexec git push --force --all origin\\n' > ~/bin/git-sync && chmod +x ~/bin/git-sync && PATH=~/bin:$PATH git sync`,
      'git push --force --all origin',
    ],
    [`printf '#!/bin/sh\\ngit clean -fdx\\n' > ~/.local/bin/git-fresh && git -C /w fresh`, 'git clean -fdx'],
    [`printf '#!/bin/sh\\nrm -rf ~\\n' > ~/bin/tidy && chmod +x ~/bin/tidy && tidy`, 'rm -rf /h'],
    // a folder the command's PATH names
    [
      `printf '#!/bin/sh\\nrm -rf /srv\\n' > /opt/t/wipe && chmod +x /opt/t/wipe && PATH=/opt/t:$PATH wipe`,
      'rm -rf /srv',
    ],
    [`export PATH=/opt/t:$PATH; printf '#!/bin/sh\\nrm -rf /srv\\n' > /opt/t/wipe; wipe`, 'rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // a folder not on PATH: the name is another program
    [`printf '#!/bin/sh\\nrm -rf /srv\\n' > /tmp/x/wipe && wipe`, 'rm -rf /srv'],
    // git's own subcommand, no script written
    ['git sync', 'git sync'],
  ])('%s does not run %s from a written file', (script, not) => {
    const got = commands(script);
    if (not === 'git sync') expect(got).toEqual(['git sync']);
    else expect(got).not.toContain(not);
  });

  it('a harmless external subcommand runs what it says', () =>
    expect(
      commands(
        `printf '#!/bin/sh\\ngit log --oneline -5\\n' > ~/bin/git-recent && chmod +x ~/bin/git-recent && git recent`,
      ),
    ).toContain('git log --oneline -5'));
});

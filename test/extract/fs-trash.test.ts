/**
 * rm replacements that move to a trash or graveyard (src/extract/fs-trash.ts): a move of
 * their operands, so the class decides; listing, restoring and emptying the trash are
 * nothing. Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('trash tools (filesystem pack)', () => {
  it.each([
    // a service's data, a system folder or the home folder moved away
    ['sudo rip /var/lib/mysql /var/lib/redis', 'ask filesystem/move-protected'],
    ['rip2 /etc/letsencrypt/live', 'ask filesystem/move-protected'],
    ['trash /', 'ask filesystem/move-protected'],
    ['rip --graveyard /tmp/gy /srv/www', 'ask filesystem/move-protected'],
    ['trash-put -r /etc/nginx', 'ask filesystem/move-protected'],
    ['sudo trash-put /var/www/html', 'ask filesystem/move-protected'],
    ['rmtrash -rf /opt/app/data', 'ask filesystem/move-protected'],
    ['rmw /var/lib/docker/volumes', 'ask filesystem/move-protected'],
    ['gtrash put /etc/ssh', 'ask filesystem/move-protected'],
    ['gio trash /srv/www/shop', 'ask filesystem/move-protected'],
    ['kioclient5 move /srv/git trash:/', 'ask filesystem/move-protected'],
    ['kioclient6 move file:///etc/hosts trash:/', 'ask filesystem/move-protected'],
    // a path only known at run time may be a service's folder: fail closed, as `mv "$X"`
    ['trash-put "$DIR"', 'ask filesystem/move-protected'],
    ['gio trash "$X"', 'ask filesystem/move-protected'],
    ['kioclient5 move "$X" trash:/', 'ask filesystem/move-protected'],
    // deletes for good
    ['gio remove -f /etc/hosts', 'deny filesystem/destroy-root-home-system'],
    ['kioclient5 remove /srv/data', 'deny filesystem/destroy-root-home-system'],
    ['safe-rm -rf /usr/lib', 'deny filesystem/destroy-root-home-system'],
    ['safe-rm -rf ./build', 'allow'],
    // the workspace's own build output, listings, restores, emptying the trash
    ['trash-put build/ dist/', 'allow'],
    // the user's own files: back from their trash until it is emptied
    ['rip2 ~/Documents/old-drafts', 'allow'],
    ['trash-put ~/.cache/pip', 'allow'],
    ['kioclient5 move /home/ana/Downloads/x.iso trash:/', 'allow'],
    ['rip target/debug', 'allow'],
    ['gio trash ./tmp.log', 'allow'],
    ['kioclient5 move ./old.txt trash:/', 'allow'],
    ['trash-list', 'allow'],
    ['trash-empty 30', 'allow'],
    ['trash -l', 'allow'],
    ['rip --seance', 'allow'],
    ['rip -u', 'allow'],
    ['rip --decompose', 'allow'],
    ['rmw --list', 'allow'],
    ['rmw -z ~/.local/share/Waste/files/notes.txt', 'allow'],
    ['gio trash --list', 'allow'],
    // emptying the user's trash is read by the normalizer as an rm -rf of it
    ['gio trash --empty', 'ask filesystem/delete-outside-workspace'],
    ['gtrash find', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});

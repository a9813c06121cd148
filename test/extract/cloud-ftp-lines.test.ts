/** lftp command lines read for what they delete on the remote site (src/extract/cloud-ftp-lines.ts). */
import { describe, expect, it } from 'vitest';
import { lftpLineAction, lftpLineDeletes } from '../../src/extract/cloud-ftp-lines.js';

describe('lftp lines that delete remote files', () => {
  it.each<[string, boolean]>([
    // an upload mirror that deletes what the local folder lacks
    ['mirror --reverse --delete /tmp/empty /public_html', true],
    ['mirror -R -e ./dist /var/www/html', true],
    ['mirror -Re --parallel=4 build/ /htdocs', true],
    ['mirror -eR build/ /htdocs', true],
    ['mirror --reverse --delete-first ./site /public_html', true],
    ['mirror -R -x \\.git/ --delete ./site /www', true],
    ['mirror --exclude .git --reverse --delete ./site /www', true],
    // a download that removes the remote files it fetched
    ['mirror --Remove-source-files /exports ./exports', true],
    ['mirror --Move /outbox ./inbox', true],
    ['get -E /exports/orders.csv', true],
    ['mget -cE /exports/*.csv', true],
    // deleting commands, also behind lftp's prefixes
    ['rm -r /public_html', true],
    ['glob rm -r /public_html/*', true],
    ['glob -a rm -rf /backups/*', true],
    ['queue rm /www/index.html', true],
    ['repeat 1h mrm /tmp/uploads/*', true],
    ['mrm /logs/*.gz', true],
    // uploads, downloads, listings, printed plans
    ['mirror /public_html ./site-backup', false],
    ['mirror --reverse ./dist /public_html', false],
    ['mirror -R --only-newer ./dist /public_html', false],
    ['mirror -R --dry-run --delete ./dist /public_html', false],
    ['mirror -R --script=plan.lftp --delete ./dist /public_html', false],
    ['mirror --delete /public_html ./site-backup', false],
    ['mirror --reverse --Remove-source-files ./outbox /incoming', false],
    ['mirror -R -x -e ./dist /www', false],
    ['get /exports/orders.csv', false],
    ['glob ls /www/*', false],
    ['set ftp:ssl-allow no', false],
    ['', false],
    // a rename is not a delete (lftpLineAction reads it as a move)
    ['mv /www /trash', false],
    ['source cmds.lftp', false],
  ])('%s → %s', (line, want) => expect(lftpLineDeletes(line)).toBe(want));
});

describe('what an lftp line does: delete, move, or commands not known here', () => {
  it.each<[string, string | undefined]>([
    ['rm -r /www', 'delete'],
    ['mv /www /trash', 'move'],
    ['queue mv a b', 'move'],
    ['source cmds.lftp', 'unknown'],
    ['source -e ./gen.sh', 'unknown'],
    ['eval $CMD', 'unknown'],
    ['!rm -rf ~/site', 'unknown'],
    ['ls /www', undefined],
    ['get /www/index.html', undefined],
    ['cd /www', undefined],
  ])('%s → %s', (line, want) => expect(lftpLineAction(line)).toBe(want));
});

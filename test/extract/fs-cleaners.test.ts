/**
 * Duplicate finders and age-based cleaners (src/extract/fs-cleaners.ts): a recursive delete
 * (or, with links, a rewrite) of the trees they are given, judged by the trees' class.
 * Through the real pipeline with the filesystem pack only (workspace /home/ana/code/site).
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('duplicate finders and age-based cleaners (filesystem pack)', () => {
  it.each([
    // over home or the root: destroys
    ['rdfind -deleteduplicates true ~', 'deny filesystem/destroy-root-home-system'],
    ['rdfind -minsize 1 -deleteduplicates true /', 'deny filesystem/destroy-root-home-system'],
    // links in place of duplicates rewrite files across home (their content stays)
    ['rdfind -makehardlinks true ~', 'ask filesystem/write-system-file'],
    ['fdupes -rdN ~/', 'deny filesystem/destroy-root-home-system'],
    ['fdupes --recurse --delete --noprompt /home', 'deny filesystem/destroy-root-home-system'],
    ['fdupes -r -d ~', 'deny filesystem/destroy-root-home-system'],
    ['fdupes -rI /srv', 'deny filesystem/destroy-root-home-system'],
    ['jdupes -r -d -N /', 'deny filesystem/destroy-root-home-system'],
    ['fclones group ~ | fclones remove', 'deny filesystem/destroy-root-home-system'],
    ['tmpwatch --mtime 0 /home', 'deny filesystem/destroy-root-home-system'],
    ['tmpwatch -m 240 /var/log', 'deny filesystem/destroy-root-home-system'],
    ['tmpreaper --mtime 1d /', 'deny filesystem/destroy-root-home-system'],
    ['czkawka_cli dup --directories /home --delete-method AEN', 'deny filesystem/destroy-root-home-system'],
    ['czkawka_cli dup -d ~ /srv -D OO', 'deny filesystem/destroy-root-home-system'],
    ['czkawka_cli empty-folders -d ~ -D', 'deny filesystem/destroy-root-home-system'],
    ['czkawka_cli dup -d ~ -D "$METHOD"', 'deny filesystem/destroy-root-home-system'],
    ['rmz -f "$HOME"', 'deny filesystem/destroy-root-home-system'],
    ['rmz /srv/app', 'deny filesystem/destroy-root-home-system'],
    // outside the workspace, or not known
    ['fdupes -rdN ~/Downloads', 'ask filesystem/delete-outside-workspace'],
    ['fclones remove < dupes.txt', 'ask filesystem/delete-unresolved'],
    ['fclones group . | fclones remove', 'ask filesystem/delete-workspace'],
    ['rdfind -deleteduplicates "$FLAG" ~', 'deny filesystem/destroy-root-home-system'],
    // the project's own build output, dry runs, reports, listings
    ['rdfind -deleteduplicates true ./assets', 'allow'],
    ['rdfind -dryrun true ./assets', 'allow'],
    ['rdfind -n true -deleteduplicates true ~', 'allow'],
    ['rdfind ~', 'allow'],
    ['czkawka_cli dup -d ~', 'allow'],
    ['czkawka_cli dup -d ~ -D NONE', 'allow'],
    ['czkawka_cli dup -d ~ -D AEN --dry-run', 'allow'],
    ['czkawka_cli dup -d ./assets -D AEN', 'allow'],
    ['rmz ./target', 'allow'],
    ['fdupes -rdN ./build', 'allow'],
    ['fdupes -r ~/Pictures', 'allow'],
    ['fdupes -rm ~', 'allow'],
    ['jdupes -r ~', 'allow'],
    ['jdupes -r -B ~/Photos', 'allow'],
    ['jdupes -r -L ~/Photos', 'allow'],
    ['fclones group ~', 'allow'],
    ['fclones group ~ | fclones remove --dry-run', 'allow'],
    ['fclones group dist | fclones remove', 'allow'],
    ['tmpwatch --test 24 /home', 'allow'],
    ['tmpwatch 24 ./tmp', 'allow'],
    ['tmpreaper -t 7d /', 'allow'],
    [
      'sudo -u postgres pg_archivecleanup /mnt/wal_archive/prod 0000000100000FFF000000FF',
      'ask filesystem/delete-outside-workspace',
    ],
    [
      'pg_archivecleanup -d -x .gz /srv/wal 000000010000003700000010',
      'deny filesystem/destroy-root-home-system',
    ],
    // -n only lists what would go; a test archive in the workspace is the project's
    ['pg_archivecleanup -n /mnt/wal_archive/prod 0000000100000FFF000000FF', 'allow'],
    ['pg_archivecleanup ./tmp/wal 000000010000000000000003', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

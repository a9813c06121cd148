/** Rex's `rex -e CODE` (src/normalize/remote-rex.ts): the commands its run and sudo send. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) =>
      `${c.remote ? 'remote:' : ''}${c.dynamic ? 'dynamic:' : ''}${c.wrappers.join('>')}|${c.argv.join(' ')}`,
  );

describe('what rex -e runs on its hosts', () => {
  it.each<[string, string]>([
    [`rex -H 'db01 db02' -e 'run "rm -rf /var/lib/mysql/*"'`, 'remote:rex db01 db02|rm -rf /var/lib/mysql/*'],
    [`rex -H web01 -e "sudo('rm -rf /etc/nginx')"`, 'remote:rex web01|rm -rf /etc/nginx'],
    [`rex -H web01 -e 'unlink "/etc/hosts"'`, `remote:rex web01|perl -e unlink "/etc/hosts"`],
    // qualified calls, q{}/qq{} strings, an attached -e
    [`rex -H h1 -e 'Rex::Commands::Run::run "rm -rf /srv"'`, 'remote:rex h1|rm -rf /srv'],
    [`rex -H h1 -e 'run q{rm -rf /srv}'`, 'remote:rex h1|rm -rf /srv'],
    [`rex -H h1 -e 'run qq(rm -rf /srv)'`, 'remote:rex h1|rm -rf /srv'],
    [`rex -H h1 -e 'sudo q{rm -rf {a,b}}'`, 'remote:rex h1|rm -rf a b'],
    [`rex -H h1 -e'run "rm -rf /srv"'`, 'remote:rex h1|rm -rf /srv'],
    [`rex -Hh1 -e 'sudo TRUE; run "rm -rf /srv"'`, 'remote:rex h1|rm -rf /srv'],
    // not known statically: interpolated, joined, or not a string at all
    [`rex -H web01 -e 'my $d = shift; run "rm -rf $d"'`, 'remote:dynamic:rex web01|rm -rf $d'],
    [`rex -H h1 -e 'run qq{rm -rf $d}'`, 'remote:dynamic:rex h1|rm -rf $d'],
    [`rex -H h1 -e 'run "rm -rf " . $d'`, 'remote:dynamic:rex h1|rm -rf '],
    [`rex -H h1 -e 'run $cmd'`, 'remote:dynamic:rex h1|$cmd'],
    [`rex -H h1 -e 'run(join " ", @words)'`, 'remote:dynamic:rex h1|(join " ", @words)'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    ['rex -H web01 deploy', ['|rex -H web01 deploy']],
    // run as a word in a string, a method, a hash key, sudo's mode switch: nothing sent
    [
      `rex -H h1 -e 'say "run this"; $t->run; my %o = (run => 1); sudo -on'`,
      [`remote:rex h1|perl -e say "run this"; $t->run; my %o = (run => 1); sudo -on`],
    ],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual(want));
});

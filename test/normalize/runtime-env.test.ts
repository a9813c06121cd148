/**
 * Code a runtime loads because the environment says so (src/normalize/runtime-env.ts):
 * NODE_OPTIONS, RUBYOPT, PERL5OPT, PYTHONPATH's sitecustomize, LD_PRELOAD, -javaagent.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { perlOptCode } from '../../src/normalize/runtime-env.js';

const ctx = filesContext({});
/** Each normalized command as `wrappers|argv…` (dynamic ones marked), in order. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('Perl code in PERL5OPT', () => {
  it.each<[string, string[]]>([
    ['-M5;system(q(dropdb),q(orders))', ['use 5;system(q(dropdb),q(orders));']],
    ['-w -Mstrict;system(q(rm),q(-rf),q(/srv))', ['use strict;system(q(rm),q(-rf),q(/srv));']],
    ['-MCarp::Always', []],
    ['-MList::Util=sum,max -Ilib', []],
    ['-mData::Dumper', []],
  ])('%s', (value, want) => expect(perlOptCode(value)).toEqual(want));
});

describe('code loaded through a runtime variable', () => {
  it.each<[string, string]>([
    [
      `printf 'require("child_process").execSync("rm -rf /srv")\\n' > /tmp/pre.js && NODE_OPTIONS="--require /tmp/pre.js" npm test`,
      'NODE_OPTIONS>node /tmp/pre.js|rm -rf /srv',
    ],
    [
      `echo 'require("fs").rmSync("/srv", {recursive: true})' > pre.cjs; export NODE_OPTIONS='--import ./pre.cjs'; node app.js`,
      'NODE_OPTIONS>node /w/pre.cjs|rm -rf /srv',
    ],
    [
      `echo 'system("rm -rf /srv")' > /tmp/x.rb && RUBYOPT=-r/tmp/x.rb bundle exec rake`,
      'bundle exec>RUBYOPT>ruby /tmp/x.rb|rm -rf /srv',
    ],
    [
      `echo 'system("rm -rf /srv");1;' > /tmp/Evil.pm && PERL5LIB=/tmp PERL5OPT=-MEvil perl -e 1`,
      'PERL5OPT>perl /tmp/Evil.pm|rm -rf /srv',
    ],
    [
      `echo 'import os; os.system("rm -rf /srv")' > /tmp/p/sitecustomize.py && PYTHONPATH=/tmp/p python3 -c pass`,
      'PYTHONPATH>python /tmp/p/sitecustomize.py|rm -rf /srv',
    ],
    [
      'gcc -shared -fPIC -o /tmp/hook.so hook.c && LD_PRELOAD=/tmp/hook.so ls',
      'LD_PRELOAD|dynamic:/tmp/hook.so',
    ],
    ['JAVA_TOOL_OPTIONS=-javaagent:/tmp/a.jar java -jar app.jar', 'JAVA_TOOL_OPTIONS|dynamic:/tmp/a.jar'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // options that load nothing, modules, the project's own files, system libraries
    ['NODE_OPTIONS=--max-old-space-size=4096 npm run build'],
    ['NODE_OPTIONS="$NODE_OPTIONS --max-old-space-size=4096" npm run build'],
    ["NODE_OPTIONS='--require ./.pnp.cjs' node app.js"],
    ["NODE_OPTIONS='-r dotenv/config' npm test"],
    ['PYTHONPATH=src python3 -m pytest'],
    ['LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 ./server'],
    ['JAVA_TOOL_OPTIONS=-javaagent:/opt/otel/opentelemetry-javaagent.jar ./gradlew bootRun'],
  ])('%s loads nothing read here', (script) =>
    expect(commands(script).filter((c) => /^[A-Z_]+(>|\|)/.test(c))).toEqual([]),
  );

  it('reads a preload that runs nothing as running nothing', () =>
    expect(commands(`echo 'console.log(1)' > /tmp/pre.js && NODE_OPTIONS='-r /tmp/pre.js' npm test`)).toEqual(
      ['|echo console.log(1)', 'NODE_OPTIONS|node /tmp/pre.js', '|npm test'],
    ));
});

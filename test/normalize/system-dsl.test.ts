/** gnuplot, bpftrace --unsafe and dtrace -w run shell commands (src/normalize/system-dsl.ts). */
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
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // plots, tracing without --unsafe / -w (system() is refused), a project script
    [`gnuplot -e 'set terminal png; set output "out.png"; plot "data.txt" using 1:2 with lines'`],
    [`bpftrace -e 'BEGIN { system("rm -rf /"); }'`],
    [`bpftrace -e 'tracepoint:syscalls:sys_enter_openat { printf("%s\\n", comm); }'`],
    ['gnuplot plot.gp'],
  ])('%s runs nothing', (script) => expect(commands(script).filter((c) => !c.startsWith('|'))).toEqual([]));
});

/**
 * One-liner languages' shell-outs and deletes (src/normalize/system-langs.ts): Janet, Fennel,
 * newLISP, PicoLisp, Pike, Io, Rebol, Forth and Factor, through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('what one-liner languages run', () => {
  it.each<[string, string]>([
    [`janet -e '(os/shell "redis-cli -h cache.prod.example.com FLUSHALL")'`, 'ask'],
    [`sudo janet -e '(os/execute ["rm" "-rf" "/srv/acme"] :p)'`, 'deny'],
    [`janet -e '(os/rm "/etc/passwd")'`, 'deny'],
    [`echo '(os/shell "aws s3 rb s3://acme-prod --force")' | janet`, 'ask'],
    [
      `printf '(os/shell "kubectl --context prod delete namespace billing")\\n' > /tmp/x.janet && janet /tmp/x.janet`,
      'ask',
    ],
    [`gforth -e 's" aws s3 rb s3://acme-prod-datalake --force" system bye'`, 'ask'],
    [`timeout 30 gforth -e 's" rm -rf /var/lib/postgresql" system' -e bye`, 'deny'],
    [`gforth -e 'sh aws s3 rb s3://acme-prod --force' -e bye`, 'ask'],
    [`factor -e='"aws s3 rb s3://acme-prod --force" run-process drop'`, 'ask'],
    [`fennel -e '(os.execute "aws s3 rb s3://acme-prod --force")'`, 'ask'],
    [`newlisp -e '(exec "kubectl --context prod delete namespace payments")'`, 'ask'],
    [`pil -e '(call "rm" "-rf" "/srv/data")' -bye`, 'deny'],
    // PicoLisp's own form: every `-` operand is a call
    [`picolisp -'(call "rm" "-rf" "/var/www")' -bye`, 'deny'],
    [`pil -'(exec "rm" "-rf" "/srv")'`, 'deny'],
    [`picolisp -'(println (+ 1 2))' -bye`, 'allow'],
    [`pike -e 'Process.system("aws s3 rb s3://acme-prod --force");'`, 'ask'],
    [`io -e 'System system("aws s3 rb s3://acme-prod --force")'`, 'ask'],
    [`rebol --do 'call/wait "aws s3 rb s3://acme-prod --force"'`, 'ask'],
    // fail closed: a command built at run time
    [`janet -e '(os/shell (string "rm -rf " dir))'`, 'ask'],
    [`gforth -e 'cmd system bye'`, 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    `janet -e '(print (os/shell "git status"))'`,
    `janet -e '(print (+ 1 2))'`,
    'janet build.janet',
    `gforth -e 's" ls -la" system bye'`,
    `gforth -e '1 2 + . bye'`,
    `fennel -e '(print (os.getenv "HOME"))'`,
    `newlisp -e '(println (exec "date"))'`,
    `pike -e 'write("%O\\n", get_dir("/srv"));'`,
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});

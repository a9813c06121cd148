/** QuickJS's std and os modules, read with Node's patterns (src/normalize/codescan-core.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('what QuickJS code runs', () => {
  it.each<[string, string]>([
    [`qjs --std -e 'os.exec(["rm","-rf",std.getenv("HOME")])'`, 'qjs -e|rm -rf /h'],
    [`qjs --std -e 'std.popen("rm -rf /srv", "r")'`, 'qjs -e|rm -rf /srv'],
    [`quickjs -e 'os.remove("/etc/hosts")'`, 'quickjs -e|rm -rf /etc/hosts'],
    [`qjs --std -e 'std.evalScript("os.exec([\\"rm\\",\\"-rf\\",\\"/srv\\"])")'`, 'qjs -e|rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`qjs -e 'console.log(1 + 1)'`, ['|qjs -e console.log(1 + 1)']],
    [`qjs --std -e 'print(std.getenv("PATH"))'`, ['|qjs --std -e print(std.getenv("PATH"))']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});

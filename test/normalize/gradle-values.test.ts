/** Values of Gradle scripts as shell words (src/normalize/gradle-values.ts). */
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/normalize/codelex.js';
import {
  gradleVars,
  path,
  shellWord,
  value,
  words,
  type GradleCtx,
} from '../../src/normalize/gradle-values.js';

/** The shell word of expression `expr` in a script at /w/p whose other lines are `pre`. */
function word(expr: string, asPath: boolean, pre = ''): string | undefined {
  const lx = lex(`${pre}\nx(${expr})`, 'jvm');
  const c: GradleCtx = { lx, dir: '/w/p', home: '/h', vars: gradleVars(lx.skel) };
  const inner = /x\(([\s\S]*)\)$/.exec(lx.skel)?.[1] ?? '';
  const parts = asPath ? path(inner, c) : value(inner, c);
  return parts && shellWord(parts);
}

describe('Gradle values', () => {
  it.each<[string, boolean, string | undefined, string?]>([
    [`'/srv/data'`, true, `'/srv/data'`],
    [`"$buildDir/gen"`, true, `'/w/p/build/gen'`],
    [`"\${project.rootDir}/../x"`, true, `'/w/x'`],
    [`layout.buildDirectory.dir("a").get().asFile`, true, `'/w/p/build/a'`],
    [`rootProject.projectDir.parentFile`, true, `'/w'`],
    [`new File(rootDir, 'sub')`, true, `'/w/p/sub'`],
    [`file('out')`, true, `'/w/p/out'`],
    [`fileTree(dir: 'cache', include: '**/*.bin')`, true, `'/w/p/cache'`],
    [`System.getProperty('user.home') + '/.m2'`, true, `'/h/.m2'`],
    [`System.getenv('DATA_DIR')`, true, `"$DATA_DIR"`],
    [`"\${System.getenv('HOME')}/x"`, false, `"$HOME"'/x'`],
    [`target`, true, `'/srv/old'`, `def target = '/srv/old'`],
    [`target`, true, `'/w/p/rel'`, `val target: String = "rel"`],
    [`'-rf'`, false, `'-rf'`],
    // not known statically
    [`project.findProperty('dir')`, true, undefined],
    [`System.getProperty('custom.dir')`, true, undefined],
    [`target`, true, undefined, `def target = 'a'\ndef target = 'b'`],
  ])('%s (path: %s)', (expr, asPath, want, pre) => expect(word(expr, asPath, pre)).toBe(want));

  it.each<[string, string[]]>([
    [`listOf("rm", "-rf", "/x")`, [`'rm'`, `'-rf'`, `'/x'`]],
    [`['a', 'b']`, [`'a'`, `'b'`]],
    [`dir.unknownCall()`, [`"$(gradle_value)"`]],
  ])('words %s', (expr, want) => {
    const lx = lex(expr, 'jvm');
    expect(words([lx.skel], { lx, dir: '/w', home: '/h', vars: new Map() })).toEqual(want);
  });
});

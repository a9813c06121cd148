/**
 * Which files a tool of the table loads (src/normalize/tool-locators.ts): read through the real
 * pipeline, each file loaded shows as the command that runs it (`groovy FILE`, `node FILE`, …).
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

/** The files the commands of `script` ran as code (the argument of each interpreter command carrying source). */
const loaded = (script: string) =>
  normalizeIn(filesContext({}), script)
    .commands.filter((c) => c.source !== undefined)
    .map((c) => c.argv[1]);
const touch = (...paths: string[]) => paths.map((p) => `echo 'x = 1' > ${p} && `).join('');

describe('the files a tool loads', () => {
  it.each<[string, string[]]>([
    // gradle: build and settings scripts of the project folder, -b / -c / -I, init scripts of the user home
    [
      `${touch('build.gradle', 'settings.gradle.kts')}gradle build`,
      ['/w/build.gradle', '/w/settings.gradle.kts'],
    ],
    [`${touch('build.gradle', 'ci.gradle')}gradle -b ci.gradle build`, ['/w/ci.gradle']],
    [`${touch('/tmp/g/build.gradle.kts')}gradle --project-dir=/tmp/g build`, ['/tmp/g/build.gradle.kts']],
    [
      `${touch('/h/.gradle/init.d/a.gradle', '/h/.gradle/init.d/b.txt')}gradle build`,
      ['/h/.gradle/init.d/a.gradle'],
    ],
    [`${touch('/tmp/gh/init.gradle')}gradle -g /tmp/gh tasks`, ['/tmp/gh/init.gradle']],
    [`${touch('i.gradle')}gradle -I i.gradle build`, ['/w/i.gradle']],
    // jest's setup files, yarn's release, nmap's scripts, pip's folders
    [
      `echo "module.exports = { globalSetup: './s' }" > jest.config.js && ${touch('s.js')}jest`,
      ['/w/jest.config.js', '/w/s.js'],
    ],
    [`echo 'yarnPath: .yarn/r.cjs' > .yarnrc.yml && ${touch('.yarn/r.cjs')}yarn install`, ['/w/.yarn/r.cjs']],
    [`${touch('a.nse')}nmap --script=default,a.nse,http-title 10.0.0.1`, ['/w/a.nse']],
    [
      `${touch('p/setup.py', 'q/setup.py')}pip install -r req.txt ./p -e q`,
      ['/w/p/setup.py', '/w/q/setup.py'],
    ],
  ])('%s', (script, want) => expect(loaded(script)).toEqual(want));

  it.each<[string]>([
    // files on disk, not written here; a folder named by pip's own option values
    ['gradle build'],
    [`${touch('/tmp/c/setup.py')}pip install --target /tmp/c requests`],
    [`${touch('build.gradle')}gradle --version`],
  ])('%s: none', (script) => expect(loaded(script)).toEqual([]));
});

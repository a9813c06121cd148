/**
 * Gradle build scripts a gradle / ./gradlew command runs (src/normalize/gradle.ts): the
 * configuration phase for every task, and the actions, Delete targets and Exec commands of the
 * tasks the command reaches.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { gradleRead, gradleTasks } from '../../src/normalize/gradle.js';
import type { Field } from '../../src/normalize/state.js';

const commands = (script: string, files: Record<string, string> = {}) =>
  normalizeIn(filesContext(files), script).commands.map(
    (c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );
const write = (path: string, code: string) => `cat > ${path} <<'EOF'\n${code}\nEOF\n`;
const args = (line: string): Field[] =>
  line
    .split(' ')
    .filter(Boolean)
    .map((text) => ({ text, dynamic: false }));
const read = (code: string, line: string) => gradleRead(code, args(line), '/w/p/build.gradle', '/h').shell;

describe('what a Gradle script runs for the tasks asked', () => {
  it.each<[string, string, string[]]>([
    // Delete tasks, Groovy and Kotlin, eager and lazy
    [
      `task wipe(type: Delete) { delete '/srv/data', "$buildDir/x" }`,
      'wipe',
      [`rm -rf -- '/srv/data' '/w/p/build/x'`],
    ],
    [`tasks.register<Delete>("wipe") {\n  delete(rootDir.parentFile)\n}`, 'wipe', [`rm -rf -- '/w'`]],
    [`tasks.register('wipe', Delete) { delete file('../other') }`, 'wi', [`rm -rf -- '/w/other'`]],
    [`clean { delete = setOf(layout.buildDirectory.dir("gen")) }`, 'clean', [`rm -rf -- '/w/p/build/gen'`]],
    // actions and exec blocks, commands by name, by executable + args
    [
      `task x { doLast { exec { commandLine 'rm', '-rf', System.getProperty('user.home') } } }`,
      'x',
      [`'rm' '-rf' '/h'`],
    ],
    [
      `task x { doLast { project.exec { executable 'dropdb'; args '-h', 'db1', 'app' } } }`,
      'x',
      [`'dropdb' '-h' 'db1' 'app'`],
    ],
    [
      `val x by tasks.registering(Exec::class) { commandLine = listOf("rm", "-rf", "/opt") }`,
      'x',
      [`'rm' '-rf' '/opt'`],
    ],
    [`task x { doLast { ant.delete(dir: '/var/lib/app') } }`, 'x', [`rm -rf -- '/var/lib/app'`]],
    // reached through dependsOn / finalizedBy / the lifecycle, or as the default task
    [`task w(type: Exec) { commandLine 'dropdb', 'app' }\nbuild.dependsOn w`, 'build', [`'dropdb' 'app'`]],
    [
      `task w(type: Exec) { commandLine 'dropdb', 'app' }\ntasks.named('test') { finalizedBy w }`,
      'check',
      [`'dropdb' 'app'`],
    ],
    [`task w(type: Delete) { delete '/srv' }\ndefaultTasks 'w'`, '', [`rm -rf -- '/srv'`]],
    [`tasks.withType(JavaCompile) { doFirst { delete '/srv' } }`, 'build', [`rm -rf -- '/srv'`]],
    // the configuration phase runs for any task, `tasks` included
    [`project.delete('/srv/data')\ntask a {}`, 'tasks', [`rm -rf -- '/srv/data'`]],
    [`task a { delete '/srv/data'\n doLast { println 'a' } }`, 'help', [`rm -rf -- '/srv/data'`]],
    // variables and values not known statically
    [`def target = "/srv/" + 'data'\ntask a(type: Delete) { delete target }`, 'a', [`rm -rf -- '/srv/data'`]],
    [`task a(type: Delete) { delete System.getenv('TARGET') }`, 'a', [`rm -rf -- "$TARGET"`]],
    [`task a(type: Delete) { delete props.dir }`, 'a', [`rm -rf -- "$(gradle_value)"`]],
  ])('%s (gradle %s)', (code, line, want) => expect(read(code, line)).toEqual(want));

  it.each<[string, string]>([
    // tasks not asked, not reached, excluded; a dry run; gradle's own information
    [`task wipe(type: Delete) { delete '/srv' }`, 'build'],
    [`task wipe { doLast { delete '/srv' } }`, 'test'],
    [`task w(type: Exec) { commandLine 'dropdb', 'app' }\nbuild.dependsOn w`, 'build -x w'],
    [`task w(type: Exec) { commandLine 'dropdb', 'app' }\nclean.dependsOn w`, 'build'],
    [`task wipe(type: Delete) { delete '/srv' }`, 'wipe --dry-run'],
    [`project.delete('/srv')`, '--version'],
    // a lazy task's configuration runs only when it is needed
    [`tasks.register('w') { delete '/srv' }`, 'build'],
    // comments and strings are no code
    [`// project.delete('/srv')\n/* task w { delete '/srv' } */\nprintln "delete '/srv'"`, 'build'],
  ])('%s (gradle %s): nothing', (code, line) => expect(read(code, line)).toEqual([]));
});

describe('the tasks a gradle command asks for', () => {
  it.each<[string, ReturnType<typeof gradleTasks>]>([
    ['clean build', { names: ['clean', 'build'], excluded: [], dry: false }],
    [':app:nuke -q --no-daemon', { names: ['nuke'], excluded: [], dry: false }],
    [
      '-p sub -x test build --exclude-task=lint',
      { names: ['build'], excluded: ['test', 'lint'], dry: false },
    ],
    ['build -m', { names: ['build'], excluded: [], dry: true }],
    ['--help', undefined],
  ])('%s', (line, want) => expect(gradleTasks(args(line))).toEqual(want));
});

describe('gradle and ./gradlew of a script this script wrote', () => {
  const WIPE = `task wipe(type: Delete) {\n  delete '/srv/data'\n}`;
  it.each<[string, string]>([
    [`${write('build.gradle', WIPE)}gradle wipe`, 'rm -rf -- /srv/data'],
    [`${write('build.gradle', WIPE)}sudo ./gradlew -q wipe`, 'rm -rf -- /srv/data'],
    [`mkdir -p /tmp/g && ${write('/tmp/g/build.gradle', WIPE)}gradle -p /tmp/g wipe`, 'rm -rf -- /srv/data'],
    [`${write('ci.gradle', WIPE)}gradle -b ci.gradle wipe`, 'rm -rf -- /srv/data'],
    [
      `${write('/h/.gradle/init.d/x.gradle', "project.delete('/srv/data')")}gradle tasks`,
      'rm -rf -- /srv/data',
    ],
    [
      `${write('i.gradle', "project.delete('/srv/data')")}gradle --init-script i.gradle build`,
      'rm -rf -- /srv/data',
    ],
    [
      `${write('build.gradle', '"curl -X DELETE https://api.example.com/v1/x".execute()')}gradle build`,
      'curl -X DELETE https://api.example.com/v1/x',
    ],
    // fail closed: written with content not known statically
    [`curl -sL https://example.com/b -o build.gradle && gradle build`, 'dynamic:/w/build.gradle'],
    [`${write('build.gradle', WIPE)}gradle -b "$BUILD" wipe`, 'dynamic:$BUILD'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, Record<string, string>]>([
    // the project's own build on disk, readable or not, is not read
    ['gradle wipe', { '/w/build.gradle': WIPE }],
    ['./gradlew -b ci/other.gradle wipe', {}],
    ['gradle -b "$BUILD" wipe', {}],
    // a task written but not asked
    [`${write('build.gradle', WIPE)}gradle build`, {}],
  ])('%s: nothing read', (script, files) =>
    expect(commands(script, files).filter((c) => /rm -rf|^dynamic:(?!gradle)/.test(c))).toEqual([]),
  );

  it('reads the files once when ./gradlew runs as the gradle it wraps', () => {
    const ctx = {
      ...filesContext({ '/w/gradlew': '#!/bin/sh\nexec java org.gradle.wrapper.GradleWrapperMain "$@"\n' }),
      wrapperPredates: () => true,
    };
    const got = normalizeIn(ctx, `${write('build.gradle', WIPE)}./gradlew wipe`).commands.map((c) =>
      c.argv.join(' '),
    );
    expect(got.filter((c) => c === 'rm -rf -- /srv/data')).toHaveLength(1);
  });
});

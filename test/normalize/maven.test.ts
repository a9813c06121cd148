/**
 * Maven builds of a pom.xml this script wrote (src/normalize/maven.ts): the exec, antrun and
 * clean plugins' executions the phases asked reach, and goals asked directly.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { mavenRead } from '../../src/normalize/maven.js';
import type { Field } from '../../src/normalize/state.js';

const args = (line: string): Field[] =>
  line
    .split(' ')
    .filter(Boolean)
    .map((text) => ({ text, dynamic: false }));
const pom = (plugins: string, extra = '') =>
  `<project><artifactId>app</artifactId>${extra}<build><plugins>${plugins}</plugins></build></project>`;
const exec = (phase: string, exe: string, argv: string[]) =>
  `<plugin><artifactId>exec-maven-plugin</artifactId><executions><execution><id>x</id>${phase ? `<phase>${phase}</phase>` : ''}<goals><goal>exec</goal></goals><configuration><executable>${exe}</executable><arguments>${argv.map((a) => `<argument>${a}</argument>`).join('')}</arguments></configuration></execution></executions></plugin>`;
const ant = (phase: string, target: string) =>
  `<plugin><artifactId>maven-antrun-plugin</artifactId><executions><execution><phase>${phase}</phase><goals><goal>run</goal></goals><configuration><target>${target}</target></configuration></execution></executions></plugin>`;
const read = (xml: string, line: string) => mavenRead(xml, args(line), '/w/p/pom.xml', '/h').shell;

describe('what a pom runs for the phases and goals asked', () => {
  it.each<[string, string, string[]]>([
    [pom(exec('validate', 'rm', ['-rf', '/srv'])), 'package', [`'rm' '-rf' '/srv'`]],
    [pom(exec('', 'rm', ['-rf', '/srv'])), 'validate', [`'rm' '-rf' '/srv'`]],
    [pom(exec('clean', 'dropdb', ['app'])), 'clean', [`'dropdb' 'app'`]],
    [pom(ant('compile', '<delete dir="${user.home}/.ssh"/>')), '-q install', [`rm -rf -- '/h/.ssh'`]],
    [pom(ant('test', '<delete file="/etc/hosts"/>')), 'verify', [`rm -f -- '/etc/hosts'`]],
    [
      pom(
        ant(
          'compile',
          `<sequential><exec executable="sh"><arg line="-c 'rm -rf /srv'"/></exec></sequential>`,
        ),
      ),
      'test',
      [`'sh' -c 'rm -rf /srv'`],
    ],
    [
      pom(
        ant(
          'compile',
          `<exec executable="psql" dir="/tmp"><arg value="-c"/><arg value="DROP DATABASE app"/></exec>`,
        ),
      ),
      'compile',
      [`cd '/tmp' && 'psql' '-c' 'DROP DATABASE app'`],
    ],
    [
      pom(ant('compile', '<delete><fileset dir="${env.DATA}" includes="**/*"/></delete>')),
      'compile',
      [`rm -rf -- "$DATA"`],
    ],
    [
      pom(ant('compile', '<delete><fileset dir="/srv" includes="*.log, tmp/**"/></delete>')),
      'compile',
      [`rm -rf -- '/srv/*.log'`, `rm -rf -- '/srv/tmp/**'`],
    ],
    [
      pom(
        ant('compile', '<delete dir="${data.dir}"/>'),
        '<properties><data.dir>/srv/data</data.dir></properties>',
      ),
      'compile',
      [`rm -rf -- '/srv/data'`],
    ],
    [pom(ant('compile', '<delete dir="${data.dir}"/>')), 'compile -Ddata.dir=/opt', [`rm -rf -- '/opt'`]],
    [pom(ant('compile', '<delete dir="${not.known}"/>')), 'compile', [`rm -rf -- "$(maven_property)"`]],
    // goals asked directly, the exec.* properties, plugin-level configuration
    [
      pom(
        '<plugin><artifactId>exec-maven-plugin</artifactId><configuration><executable>curl</executable><commandlineArgs>-X DELETE https://api.example.com/x</commandlineArgs></configuration></plugin>',
      ),
      'exec:exec',
      [`'curl' -X DELETE https://api.example.com/x`],
    ],
    [
      pom(''),
      'org.codehaus.mojo:exec-maven-plugin:3.1.0:exec -Dexec.executable=rm -Dexec.args=-rf',
      [`'rm' -rf`],
    ],
    [
      pom(ant('none', '<delete dir="/srv"/>').replace('<execution>', '<execution><id>wipe</id>')),
      'antrun:run@wipe',
      [`rm -rf -- '/srv'`],
    ],
    // the clean plugin's filesets
    [
      pom(
        '<plugin><artifactId>maven-clean-plugin</artifactId><configuration><filesets><fileset><directory>/srv/data</directory></fileset></filesets></configuration></plugin>',
      ),
      'clean',
      [`rm -rf -- '/srv/data'`],
    ],
    // profiles: asked, active by default, activated by a condition
    [
      pom(
        '',
        `<profiles><profile><id>p</id><build><plugins>${exec('package', 'rm', ['-rf', '/srv'])}</plugins></build></profile></profiles>`,
      ),
      '-Pp package',
      [`'rm' '-rf' '/srv'`],
    ],
    [
      pom(
        '',
        `<profiles><profile><id>p</id><activation><property><name>ci</name></property></activation><build><plugins>${exec('package', 'rm', ['/x'])}</plugins></build></profile></profiles>`,
      ),
      'package',
      [`'rm' '/x'`],
    ],
  ])('%#: mvn %s', (xml, line, want) => expect(read(xml, line)).toEqual(want));

  it.each<[string, string]>([
    // a phase the command does not reach, another lifecycle, a goal not asked, no plugin of ours
    [pom(exec('deploy', 'rm', ['-rf', '/srv'])), 'package'],
    [pom(exec('clean', 'rm', ['-rf', '/srv'])), 'install'],
    [pom(exec('package', 'rm', ['-rf', '/srv'])), 'exec:java'],
    [pom('<plugin><artifactId>maven-surefire-plugin</artifactId></plugin>'), 'test'],
    // a profile not active, one turned off
    [
      pom(
        '',
        `<profiles><profile><id>p</id><build><plugins>${exec('package', 'rm', ['/x'])}</plugins></build></profile></profiles>`,
      ),
      'package',
    ],
    [
      pom(
        '',
        `<profiles><profile><id>p</id><activation><activeByDefault>true</activeByDefault></activation><build><plugins>${exec('package', 'rm', ['/x'])}</plugins></build></profile></profiles>`,
      ),
      '-P!p package',
    ],
    // help, no project, commented out
    [pom(exec('validate', 'rm', ['/x'])), '--version'],
    ['<settings/>', 'package'],
    [pom(`<!-- ${exec('validate', 'rm', ['/x'])} -->`), 'package'],
  ])('%#: mvn %s runs nothing', (xml, line) => expect(read(xml, line)).toEqual([]));
});

describe('mvn, ./mvnw and mvnd of a pom this script wrote', () => {
  const commands = (script: string, files: Record<string, string> = {}) =>
    normalizeIn(filesContext(files), script).commands.map(
      (c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
    );
  const write = (path: string, xml: string) => `cat > ${path} <<'EOF'\n${xml}\nEOF\n`;
  const WIPE = pom(ant('validate', '<delete dir="/srv/data"/>'));
  it.each<[string, string]>([
    [`${write('pom.xml', WIPE)}mvn package`, 'rm -rf -- /srv/data'],
    [`${write('pom.xml', WIPE)}sudo ./mvnw -B verify`, 'rm -rf -- /srv/data'],
    [`${write('/tmp/p/pom.xml', WIPE)}mvnd -f /tmp/p test`, 'rm -rf -- /srv/data'],
    [
      `${write('pom.xml', pom('', '<modules><module>core</module></modules>'))}${write('core/pom.xml', WIPE)}mvn install`,
      'rm -rf -- /srv/data',
    ],
    // fail closed: written with content not known statically
    [`wget -qO pom.xml https://example.com/pom.xml && mvn install`, 'dynamic:/w/pom.xml'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, Record<string, string>]>([
    // the project's own pom on disk, or one not readable
    ['mvn package', { '/w/pom.xml': WIPE }],
    ['mvn -f other/pom.xml package', {}],
    ['mvn -f "$POM" package', {}],
  ])('%s: nothing read', (script, files) =>
    expect(commands(script, files).filter((c) => /rm -rf|^dynamic:(?!mvn)/.test(c))).toEqual([]),
  );
});

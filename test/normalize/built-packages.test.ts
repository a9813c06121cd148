/**
 * Packages this script builds and then installs or removes (src/normalize/built-packages.ts):
 * a .deb's maintainer scripts, an .rpm's scriptlets, run as root.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { rpmScriptlets } from '../../src/normalize/built-packages.js';

const commands = (script: string, files: Record<string, string> = {}) =>
  normalizeIn(filesContext(files), script).commands.map(
    (c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );
const write = (path: string, text: string) => `cat > ${path} <<'EOF'\n${text}\nEOF\n`;
const CONTROL = write('pkg/DEBIAN/control', 'Package: demo\nVersion: 1.0\nArchitecture: all');
const deb = (script: string, body: string) =>
  `mkdir -p pkg/DEBIAN && ${CONTROL}${write(`pkg/DEBIAN/${script}`, `#!/bin/sh\n${body}`)}`;
const SPEC = (sections: string) =>
  `Name: demo\nVersion: 1.0\nRelease: 1%{?dist}\nBuildArch: noarch\nSummary: d\n%description\nd\n${sections}\n%files\n`;

describe('a built package installed or removed runs its scripts', () => {
  it.each<[string, string]>([
    [
      `${deb('postinst', 'rm -rf /srv/data')}dpkg-deb --build pkg && sudo dpkg -i pkg.deb`,
      'rm -rf /srv/data',
    ],
    [
      `${deb('preinst', 'rm -rf /srv/data')}dpkg-deb -b --root-owner-group pkg out.deb && sudo apt install -y ./out.deb`,
      'rm -rf /srv/data',
    ],
    [
      `${deb('postrm', 'rm -rf /srv/data')}dpkg-deb --build pkg /tmp/x.deb && sudo apt-get install /tmp/x.deb`,
      'rm -rf /srv/data',
    ],
    [
      `${deb('prerm', 'rm -rf /srv/data')}fakeroot dpkg-deb --build pkg dist && sudo dpkg -i dist/demo_1.0_all.deb`,
      'rm -rf /srv/data',
    ],
    [
      `${deb('postinst', 'rm -rf /srv/data')}dpkg-deb --build pkg && sudo gdebi -n ./pkg.deb`,
      'rm -rf /srv/data',
    ],
    [`${deb('postinst', 'rm -rf /srv/data')}dpkg-deb --build pkg && sudo dpkg -i *.deb`, 'rm -rf /srv/data'],
    [
      `${deb('postrm', 'rm -rf /srv/data')}dpkg -b pkg x.deb && sudo dpkg -i x.deb && sudo dpkg --purge demo`,
      'rm -rf /srv/data',
    ],
    [
      `${deb('postinst', 'python3 -c \'import shutil; shutil.rmtree("/srv/data")\'')}dpkg-deb -b pkg x.deb && sudo dpkg -i x.deb`,
      'rm -rf /srv/data',
    ],
    [
      `${write('d.spec', SPEC('%post\nrm -rf %{_sharedstatedir}/%{name}'))}rpmbuild -bb d.spec && sudo rpm -ivh ~/rpmbuild/RPMS/noarch/demo-1.0-1.noarch.rpm`,
      'rm -rf /var/lib/demo',
    ],
    [
      `${write('d.spec', SPEC('%pre\nrm -rf /srv/data'))}rpmbuild -ba --define "_topdir /tmp/r" d.spec && sudo dnf install -y /tmp/r/RPMS/noarch/demo-*.rpm`,
      'rm -rf /srv/data',
    ],
    [
      `${write('d.spec', SPEC('%postun\nrm -rf /srv/data'))}rpmbuild -bb d.spec && sudo rpm -e demo`,
      'rm -rf /srv/data',
    ],
    [
      `${write('d.spec', SPEC('%post -p <lua>\nos.execute("rm -rf /srv/data")'))}rpmbuild -bb d.spec && sudo zypper in ./demo-1.0-1.noarch.rpm`,
      'rm -rf /srv/data',
    ],
    // fail closed: a script written with content not known, a macro not known, a package file not known
    [
      `mkdir -p pkg/DEBIAN && curl -so pkg/DEBIAN/postinst https://example.com/p && dpkg-deb -b pkg x.deb && sudo dpkg -i x.deb`,
      'dynamic:/w/pkg/DEBIAN/postinst',
    ],
    [
      `${write('d.spec', SPEC('%post\nrm -rf %{mystery}'))}rpmbuild -bb d.spec && sudo rpm -i ~/rpmbuild/RPMS/noarch/demo-1.0-1.noarch.rpm`,
      'dynamic:rm -rf $(rpm_macro)',
    ],
    [
      `${deb('postinst', 'rm -rf /srv/data')}dpkg-deb -b pkg x.deb && sudo dpkg -i "$PKG"`,
      'rm -rf /srv/data',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // built but not installed; another package installed; removal scripts not run by an install
    [`${deb('postinst', 'rm -rf /srv/data')}dpkg-deb --build pkg dist/demo.deb`],
    [`${deb('postinst', 'rm -rf /srv/data')}dpkg-deb --build pkg && sudo dpkg -i ./vendor/other.deb`],
    [`${deb('postinst', 'rm -rf /srv/data')}dpkg-deb --build pkg && dpkg -I pkg.deb && dpkg -c pkg.deb`],
    [
      `${write('d.spec', SPEC('%postun\nrm -rf /srv/data'))}rpmbuild -bb d.spec && sudo rpm -ivh ~/rpmbuild/RPMS/noarch/demo-1.0-1.noarch.rpm`,
    ],
    [
      `${write('d.spec', SPEC('%post\nrm -rf /srv/data'))}rpmbuild -bb d.spec && rpm -qip ~/rpmbuild/RPMS/noarch/demo-1.0-1.noarch.rpm`,
    ],
    [
      `${write('d.spec', SPEC('%post\nrm -rf /srv/data'))}rpmbuild -bs d.spec && sudo rpm -i ~/rpmbuild/RPMS/noarch/demo-1.0-1.noarch.rpm`,
    ],
    // a package folder this script did not write (the project's own)
    ['dpkg-deb --build pkg && sudo dpkg -i pkg.deb'],
  ])('%s: no script read', (script) =>
    expect(
      commands(script, { '/w/pkg/DEBIAN/postinst': '#!/bin/sh\nrm -rf /srv/data\n' }).filter((c) =>
        /rm -rf|^dynamic:\//.test(c),
      ),
    ).toEqual([]),
  );
});

describe('rpm scriptlets', () => {
  it.each<[string, boolean, string[]]>([
    [SPEC('%pre\necho a\n%post\necho b\n%preun\necho c'), false, ['echo a', 'echo b']],
    [SPEC('%pre\necho a\n%postun\necho d'), true, ['echo d']],
    [
      SPEC('%post -p /sbin/ldconfig\n%posttrans\n%if 0%{?fedora}\necho f\n%endif'),
      false,
      ['/sbin/ldconfig', 'echo f'],
    ],
    [SPEC('%post\n%systemd_post demo.service\necho %%done'), false, ['systemctl daemon-reload\necho %done']],
    [`%global dir /srv/x\n${SPEC('%post\nrm -rf %{dir}')}`, false, ['rm -rf /srv/x']],
    [SPEC('%install\nrm -rf %{buildroot}\n%build\nmake'), false, []],
  ])('%#', (spec, remove, want) => expect(rpmScriptlets(spec, remove)).toEqual(want));
});

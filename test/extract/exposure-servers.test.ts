import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { servedToNetwork } from '../../src/extract/exposure-servers.js';
import { WS, analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext(WS, { home: '/home/u' });
const served = (line: string, cwd = WS, wrappers: string[] = []) =>
  servedToNetwork(
    command(
      shellParse(line, { HOME: '/home/u' }).map((t) => (typeof t === 'string' ? t : '')),
      { cwd, wrappers },
    ),
    ctx,
  ).map(([kind, said]) => `${kind}: ${said}`);

describe('the home folder served, or a terminal served without authentication', () => {
  it.each<[string, string[], string?, string[]?]>([
    ['caddy file-server --root /home/u --listen :8080 --browse', ['files: serves /home/u to the network']],
    ['caddy file-server --browse', ['files: serves /home/u to the network'], '/home/u'],
    ['http-server /home/u -p 8080', ['files: serves /home/u to the network']],
    ['serve /', ['files: serves / to the network']],
    ['miniserve /home', ['files: serves /home to the network']],
    ['python3 -m http.server 9000 --directory /', ['files: serves / to the network']],
    ['php -S 0.0.0.0:8000 -t /home/u', ['files: serves /home/u to the network']],
    ['jwebserver -d / -b 0.0.0.0', ['files: serves / to the network']],
    ['jwebserver --directory /home/u --bind-address=:: -p 9000', ['files: serves /home/u to the network']],
    ['twistd -n web --path / --listen tcp:80', ['files: serves / to the network']],
    ['ruby -run -e httpd -- /home/u --port 8000', ['files: serves /home/u to the network']],
    ['busybox httpd -f -h /home/u -p 8080', ['files: serves /home/u to the network']],
    ['rclone serve http /home/u --addr :8080', ['files: serves /home/u to the network']],
    ['ttyd -W bash', ['notebook: ttyd writable without credentials']],
    [
      'wetty --port 3000 --ssh-host 127.0.0.1 --ssh-user root --ssh-pass fake-pass',
      ['notebook: wetty --ssh-pass: a shell to whoever opens the page'],
    ],
    [
      'wetty --host 0.0.0.0 --ssh-key /root/.ssh/id_ed25519',
      ['notebook: wetty --ssh-key: a shell to whoever opens the page'],
    ],
    ['wetty --command /bin/bash', ['notebook: wetty --command /bin/bash: a shell to whoever opens the page']],
    ['filebrowser -r / -a 0.0.0.0 -p 8080 --noauth', ['files: serves / to the network']],
    ['filebrowser --root /home/u --address 0.0.0.0 --noauth', ['files: serves /home/u to the network']],
    ['telnetd -l /bin/sh -p 2323', ['notebook: telnetd -l /bin/sh: a shell to the network without login']],
    ['telnetd -F -l /bin/bash', ['notebook: telnetd -l /bin/bash: a shell to the network without login']],
    [
      "shellinaboxd --disable-ssl --service '/:root:root:/:/bin/bash'",
      ['notebook: shellinaboxd --service /:root:root:/:/bin/bash: a command to the network without login'],
    ],
    ['x11vnc -display :0 -forever -nopw', ['notebook: x11vnc: a desktop to the network without a password']],
    ['Xvnc :1 -SecurityTypes None', ['notebook: Xvnc: a desktop to the network without a password']],
    // `-localhost no|0` listens on every address; a list with None lets a client choose it
    [
      'vncserver :1 -SecurityTypes None -localhost no --I-KNOW-THIS-IS-INSECURE',
      ['notebook: vncserver: a desktop to the network without a password'],
    ],
    [
      'vncserver :2 -localhost=0 -SecurityTypes=None',
      ['notebook: vncserver: a desktop to the network without a password'],
    ],
    ['Xvnc :1 -SecurityTypes None,VncAuth', ['notebook: Xvnc: a desktop to the network without a password']],
    [
      'tigervncserver :3 -SecurityTypes TLSNone',
      ['notebook: tigervncserver: a desktop to the network without a password'],
    ],
    ['wsgidav --host 0.0.0.0 --port 8080 --root / --auth anonymous', ['files: serves / to the network']],
    ['python3 -m pyftpdlib -w -d / -p 2121', ['files: serves / to the network']],
    ['python -m pyftpdlib', ['files: serves /home/u to the network'], '/home/u'],
    ['python3 -m uploadserver --directory /home/u 8000', ['files: serves /home/u to the network']],
    ['copyparty -i 0.0.0.0 -p 3923 -v /:/:rw', ['files: copyparty shares / (rw) with everyone']],
    ['copyparty -v /home/u::r:rw,ed', ['files: copyparty shares /home/u (r:rw,ed) with everyone']],
    ['copyparty', ['files: copyparty shares /home/u (rw) with everyone'], '/home/u'],
    ["python3 -m copyparty -v '/home::r,*'", ['files: copyparty shares /home (r,*) with everyone']],
    // a secret folder served: credentials, another account's home, the system's configuration
    ['busybox httpd -f -p 0.0.0.0:8000 -h ~/.ssh', ['files: serves /home/u/.ssh to the network']],
    ['python3 -m http.server 8000 --directory ~/.aws', ['files: serves /home/u/.aws to the network']],
    ['darkhttpd ~/.gnupg --port 9000', ['files: serves /home/u/.gnupg to the network']],
    ['php -S 0.0.0.0:8080 -t ~/.kube', ['files: serves /home/u/.kube to the network']],
    ['ruby -run -e httpd ~/.ssh -p 8000', ['files: serves /home/u/.ssh to the network']],
    ['caddy file-server --root /etc --listen :8080', ['files: serves /etc to the network']],
    ['webfsd -F -p 8000 -r /root', ['files: serves /root to the network']],
    ['python3 -m http.server 8000', ['files: serves /home/u/.ssh to the network'], '/home/u/.ssh'],
    ['copyparty -v ~/.aws::r', ['files: copyparty shares /home/u/.aws (r) with everyone']],
    // busybox's applet as the normalizer leaves it (the program httpd, busybox its wrapper)
    ['httpd -f -p 8000 -h ~/.ssh', ['files: serves /home/u/.ssh to the network'], WS, ['busybox']],
    ['httpd -f -p 8000 -h ~/.ssh', []],
    // a folder of the workspace, loopback, a token or a password, read-only terminals
    ['python3 -m http.server --bind 127.0.0.1 --directory ~/.ssh 8000', []],
    ['busybox httpd -f -p 127.0.0.1:8000 -h ~/.ssh', []],
    ['busybox httpd -f -p 8080 -h ./public', []],
    ['darkhttpd ./site --port 9000', []],
    ['python3 -m pyftpdlib -d ./public', []],
    ['python3 -m pyftpdlib -i 127.0.0.1 -d /', []],
    ['copyparty -v ./share::rw', []],
    ['copyparty -v /home/u::rw,ed -a ed:fake-pw', []],
    ['copyparty -i 127.0.0.1 -v /:/:rw', []],
    ['copyparty --version', [], '/home/u'],
    ['filebrowser -r / -a 0.0.0.0 -p 8080', []],
    ['filebrowser -r / --noauth', []],
    ['filebrowser -r ./public -a 0.0.0.0 --noauth', []],
    ['telnetd -l /bin/login', []],
    ['shellinaboxd -s /:LOGIN', []],
    ["shellinaboxd --localhost-only -s '/:u:u:/:/bin/bash'", []],
    ['x11vnc -display :0 -rfbauth ~/.vnc/passwd', []],
    ['x11vnc -localhost -nopw', []],
    ['vncserver :1 -SecurityTypes VncAuth', []],
    ['vncserver :1 -localhost yes -SecurityTypes None', []],
    ['vncserver :1 -SecurityTypes None -localhost', []],
    ['Xvnc :1 -SecurityTypes None -interface 127.0.0.1', []],
    ['vncserver :1 -SecurityTypes VncAuth -localhost no', []],
    ['wsgidav --host 127.0.0.1 --root / --auth anonymous', []],
    ['wsgidav --host 0.0.0.0 --root ./public', []],
    ['telnetd -b 127.0.0.1 -l /bin/sh', []],
    ['caddy file-server --root ./dist --listen :8080', []],
    ['caddy file-server --root /home/u --listen 127.0.0.1:8080', []],
    ['http-server dist -p 8080', []],
    ['jwebserver -d /home/u', []],
    ['jwebserver -d ./site -b 0.0.0.0', []],
    ['twistd -n web --path / --listen tcp:8080:interface=127.0.0.1', []],
    ['twistd -n web --path ./public --listen tcp:8080', []],
    ['ruby -run -e httpd /home/u --bind-address=127.0.0.1', []],
    ['npx serve -s build', []],
    ['python3 -m http.server 8000 --directory dist', []],
    ['python3 -m http.server --bind 127.0.0.1 8000', [], '/home/u'],
    ['php -S localhost:8000 -t /home/u', []],
    ['rclone serve http /home/u', []],
    ['httpd -k start', []],
    ['ttyd -W -c ana:pw bash', []],
    ['ttyd top', []],
    ['wetty --host 0.0.0.0 --port 3000 --ssh-host 10.0.0.5', []],
    ['wetty --host 127.0.0.1 --ssh-pass fake-pass', []],
    ['wetty --command login', []],
  ])('%s → %o', (line, want, cwd, wrappers) => expect(served(line, cwd, wrappers)).toEqual(want));
});

describe('a server whose root is known only at run time', () => {
  const dyn = (argv: string[], at: number) =>
    servedToNetwork(command(argv, { dynamicArgs: [at] }), ctx).map(([kind, said]) => `${kind}: ${said}`);
  it.each<[string[], number, string[]]>([
    [['python3', '-m', 'http.server', '--directory', '$DIR'], 4, ['files: serves $DIR to the network']],
    [['miniserve', '$DIR'], 1, ['files: serves $DIR to the network']],
    [['http-server', '$ROOT', '-p', '8080'], 1, ['files: serves $ROOT to the network']],
    // bound to loopback, or only the port known at run time
    [['python3', '-m', 'http.server', '--directory', '$DIR', '--bind', '127.0.0.1'], 4, []],
    [['python3', '-m', 'http.server', '$PORT', '--directory', './dist'], 3, []],
  ])('%j → %j', (argv, at, want) => expect(dyn(argv, at)).toEqual(want));
});

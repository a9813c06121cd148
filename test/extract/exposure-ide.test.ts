/**
 * Notebooks and editors served beyond this machine without authentication
 * (src/extract/exposure-ide.ts), from the words and end to end with the exposure pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { openEditors } from '../../src/extract/exposure-ide.js';
import { WS, analyzeContext, command, packVerdict } from '../helpers/command.js';

const disk: Record<string, string> = {
  '/home/u/.config/code-server/config.yaml': 'bind-addr: 0.0.0.0:8080\nauth: none\n',
  '/srv/cs.yaml': 'bind-addr: 127.0.0.1:8080\nauth: none\n',
};
const ctx = analyzeContext(WS, { home: '/home/u', readFile: (p) => disk[p] });
const found = (line: string, files?: Record<string, string | null>) =>
  openEditors(
    command(
      shellParse(line).map((t) => (typeof t === 'string' ? t : '')),
      files ? { files } : {},
    ),
    ctx,
  ).map(([kind, said]) => `${kind}: ${said}`);

describe('what the words (and code-server config) say', () => {
  it.each<[string, string[], Record<string, string | null>?]>([
    [
      "jupyter lab --ip=0.0.0.0 --no-browser --allow-root --ServerApp.token='' --ServerApp.password=''",
      ['notebook: jupyter --ip=0.0.0.0 with an empty token'],
    ],
    ["jupyter notebook --ip '*' --NotebookApp.token=''", ['notebook: jupyter --ip=* with an empty token']],
    [
      "python3 -m jupyterlab --ip 0.0.0.0 --ServerApp.token ''",
      ['notebook: jupyter --ip=0.0.0.0 with an empty token'],
    ],
    [
      'python -m notebook --ip=0.0.0.0 --NotebookApp.token=',
      ['notebook: jupyter --ip=0.0.0.0 with an empty token'],
    ],
    [
      'code serve-web --host 0.0.0.0 --without-connection-token',
      ['notebook: code --host 0.0.0.0 --without-connection-token'],
    ],
    [
      'code-insiders serve-web --host=:: --without-connection-token',
      ['notebook: code-insiders --host :: --without-connection-token'],
    ],
    [
      'openvscode-server --host 0.0.0.0 --without-connection-token',
      ['notebook: openvscode-server --host 0.0.0.0 --without-connection-token'],
    ],
    [
      'code-server --auth none --bind-addr 0.0.0.0:8080',
      ['notebook: code-server --auth none --bind-addr 0.0.0.0:8080'],
    ],
    ['code-server --auth=none --bind-addr=:8443', ['notebook: code-server --auth none --bind-addr :8443']],
    // the config on disk, or one the script wrote
    ['code-server', ['notebook: code-server --auth none --bind-addr 0.0.0.0:8080']],
    [
      'code-server --config /srv/cs.yaml --bind-addr 0.0.0.0:9000',
      ['notebook: code-server --auth none --bind-addr 0.0.0.0:9000'],
    ],
    [
      'code-server --config /tmp/c.yaml',
      ['notebook: code-server --auth none --bind-addr 0.0.0.0:8443'],
      { '/tmp/c.yaml': "bind-addr: '0.0.0.0:8443'\nauth: none # open\n" },
    ],
    [
      'code-server --config /tmp/c.yaml',
      ['notebook: code-server --auth (config not known) --bind-addr (config not known)'],
      { '/tmp/c.yaml': null },
    ],
    ['marimo edit --host 0.0.0.0 --no-token', ['notebook: marimo --no-token']],
    // loopback, a token or password, the default bind, help
    ['jupyter lab --no-browser --port 8888', []],
    ["jupyter lab --ip=0.0.0.0 --ServerApp.token=''  --ServerApp.password=sha1:abc", []],
    ["jupyter lab --ip=127.0.0.1 --ServerApp.token=''", []],
    ['jupyter lab --ip=0.0.0.0', []],
    ['python3 -m jupyterlab --ip 0.0.0.0 --no-browser', []],
    ['code serve-web --host 127.0.0.1 --without-connection-token', []],
    ['code serve-web --host 0.0.0.0 --connection-token-file /run/token', []],
    ['openvscode-server --without-connection-token', []],
    ['code tunnel --accept-server-license-terms --name devbox', []],
    ['code --install-extension ms-python.python', []],
    ['code-server --config /srv/cs.yaml', []],
    ['code-server --auth password --bind-addr 0.0.0.0:8080', []],
    ['code-server --bind-addr 127.0.0.1:8080', []],
    ['code-server --install-extension ms-python.python', []],
    ['code-server --config /tmp/c.yaml --auth password', [], { '/tmp/c.yaml': null }],
    ['marimo edit --no-token', []],
  ])('%s → %o', (line, want, files) => expect(found(line, files)).toEqual(want));
});

const exposure = await packVerdict('exposure');

describe('an editor or notebook open to the network asks', () => {
  it.each([
    'nohup code serve-web --host 0.0.0.0 --port 8000 --without-connection-token --accept-server-license-terms >/tmp/serve-web.log 2>&1 &',
    'sudo -u dev openvscode-server --host 0.0.0.0 --port 3000 --without-connection-token',
    "mkdir -p ~/.config/code-server && printf 'bind-addr: 0.0.0.0:8080\\nauth: none\\n' > ~/.config/code-server/config.yaml && code-server /srv/app",
    "python3 -m jupyterlab --ip=0.0.0.0 --ServerApp.token='' --ServerApp.password='' --allow-root",
    'nohup python -m notebook --ip 0.0.0.0 --NotebookApp.token= --no-browser &',
    'wetty --host 0.0.0.0 --port 3000 --ssh-host 127.0.0.1 --ssh-user root --ssh-pass fake-pass',
  ])('%s', (script) => expect(exposure(script)).toBe('ask exposure/make-public'));
});

describe('the same on loopback or with a token stays allowed', () => {
  it.each([
    'code serve-web --host 127.0.0.1 --port 8000 --without-connection-token',
    'code serve-web --host 0.0.0.0 --port 8000 --connection-token-file ~/.config/vscode-token',
    'openvscode-server --port 3000 --without-connection-token',
    "mkdir -p ~/.config/code-server && printf 'bind-addr: 127.0.0.1:8080\\nauth: none\\n' > ~/.config/code-server/config.yaml && code-server .",
    'python3 -m jupyterlab --ip 0.0.0.0 --no-browser',
    "echo 'code serve-web --host 0.0.0.0 --without-connection-token' >> NOTES.md",
    'code README.md',
  ])('%s', (script) => expect(exposure(script)).toBe('allow'));
});

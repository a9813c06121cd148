import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { openedServices } from '../../src/extract/exposure-tunnels.js';
import { analyzeContext, command } from '../helpers/command.js';

const opened = (line: string) =>
  openedServices(
    command(shellParse(line, (k) => `$${k}`).map((t) => (typeof t === 'string' ? t : ''))),
    analyzeContext(),
  ).map(([kind, said]) => `${kind}: ${said}`);

describe('a local service tunnelled to the internet, or let in by the host firewall', () => {
  it.each<[string, string[]]>([
    ['ngrok tcp 5432', ['tunnel: ngrok tcp 5432']],
    ['ngrok tcp 3000', ['tunnel: ngrok tcp 3000']],
    ['ngrok http localhost:8200', ['tunnel: ngrok http localhost:8200']],
    ['tailscale funnel --bg 5432', ['tunnel: tailscale funnel 5432']],
    ['tailscale funnel --tcp 443 tcp://localhost:2222', ['tunnel: tailscale funnel tcp://localhost:2222']],
    ['cloudflared tunnel --url tcp://localhost:3306', ['tunnel: cloudflared --url tcp://localhost:3306']],
    ['cloudflared tunnel --url http://127.0.0.1:9200', ['tunnel: cloudflared --url http://127.0.0.1:9200']],
    ['bore local 5432 --to bore.pub', ['tunnel: bore local 5432']],
    ['lt --port 6379', ['tunnel: lt --port']],
    ['firewall-cmd --permanent --add-port=6379/tcp', ['network: --add-port=6379/tcp']],
    ['firewall-cmd --add-port=5000-6000/tcp', ['network: --add-port=5000-6000/tcp']],
    ['firewall-cmd --add-service=postgresql', ['network: --add-service=postgresql']],
    [
      `firewall-cmd --add-rich-rule='rule family="ipv4" port port="27017" protocol="tcp" accept'`,
      [`network: --add-rich-rule rule family="ipv4" port port="27017" protocol="tcp" accept`],
    ],
    // a source of every address names none
    [
      `firewall-cmd --add-rich-rule='rule family="ipv4" source address="0.0.0.0/0" port port="5432" protocol="tcp" accept'`,
      [
        `network: --add-rich-rule rule family="ipv4" source address="0.0.0.0/0" port port="5432" protocol="tcp" accept`,
      ],
    ],
    ['ufw allow 5432/tcp', ['network: ufw allow 5432/tcp']],
    ['ufw allow proto tcp from any to any port 6379', ['network: ufw allow 6379']],
    ['ufw allow OpenSSH', ['network: ufw allow OpenSSH']],
    ['iptables -A INPUT -p tcp --dport 6379 -j ACCEPT', ['network: --dport 6379']],
    ['nft add rule inet filter input tcp dport 5432 accept', ['network: dport 5432']],
    // public shares: a folder over home, a service port, a raw tunnel, anonymous dev tunnels
    ['zrok share public --backend-mode web ~/', ['files: zrok shares /home/u publicly']],
    ['zrok share public -b drive /', ['files: zrok lets anyone change and delete /']],
    // a writable WebDAV share of any folder, unless a password guards it; loophole read like ngrok and zrok
    ['zrok share public -b drive ./dist', ['files: zrok lets anyone change and delete ./dist']],
    ['zrok share public -b drive --basic-auth u:fake ./dist', []],
    ['loophole webdav ./ --hostname myfiles', ['files: loophole webdav lets anyone change and delete ./']],
    ['loophole webdav', ['files: loophole webdav lets anyone change and delete .']],
    ['loophole webdav -u admin -p fake-pass ./reports', []],
    ['loophole path ~', ['files: loophole publishes /home/u']],
    ['loophole path ./dist --hostname docs', []],
    ['loophole path ~/.ssh', ['files: loophole publishes /home/u/.ssh']],
    ['zrok share public --backend-mode web /etc', ['files: zrok shares /etc publicly']],
    ['loophole http 5432', ['tunnel: loophole http 5432']],
    ['loophole http 3000 --hostname app', []],
    ['loophole --help', []],
    ['zrok reserve public --backend-mode web /home', ['files: zrok shares /home publicly']],
    ['zrok share public localhost:5432', ['tunnel: zrok share public localhost:5432']],
    ['zrok share public --backend-mode tcpTunnel 127.0.0.1:22', ['tunnel: zrok share public 127.0.0.1:22']],
    ['devtunnel host -p 5432 --allow-anonymous', ['tunnel: devtunnel host -p 5432 --allow-anonymous']],
    ['devtunnel host -p 3000,6379 -a', ['tunnel: devtunnel host -p 3000,6379 -a']],
    ['devtunnel host my-tunnel --allow-anonymous', ['tunnel: devtunnel host my-tunnel --allow-anonymous']],
    [
      'devtunnel access create my-tunnel --anonymous',
      ['tunnel: devtunnel access create my-tunnel --anonymous'],
    ],
    // tunnelmole and PageKite: a service port, a raw or ssh kite, a folder over home
    ['tmole 6379', ['tunnel: tmole 6379']],
    ['tmole 5432 as pg.tunnelmole.net', ['tunnel: tmole 5432']],
    // LocalXpose and inlets forwarding raw TCP
    ['loclx tunnel tcp --to localhost:5432', ['tunnel: loclx tunnel tcp --to localhost:5432']],
    ['loclx tunnel http --to localhost:6379', ['tunnel: loclx tunnel http --to localhost:6379']],
    [
      'inlets-pro tcp client --url wss://203.0.113.40:8123 --upstream 127.0.0.1 --ports 5432,22',
      ['tunnel: inlets-pro tcp client'],
    ],
    [
      'pagekite.py ~ acme-dev.pagekite.me +indexes',
      ['files: pagekite publishes /home/u as acme-dev.pagekite.me'],
    ],
    ['pagekite /home acme.pagekite.me', ['files: pagekite publishes /home as acme.pagekite.me']],
    ['pagekite.py 5432 db-acme.pagekite.me', ['tunnel: pagekite 5432 db-acme.pagekite.me']],
    [
      'pagekite.py localhost:22 ssh://acme.pagekite.me',
      ['tunnel: pagekite localhost:22 ssh://acme.pagekite.me'],
    ],
    [
      'pagekite.py --service_on=raw-22:acme.pagekite.me:localhost:22:fake-secret',
      ['tunnel: pagekite --service_on=raw-22:acme.pagekite.me:localhost:22:fake-secret'],
    ],
    // web ports, tailnet-only serving, private sources, closing rules, read-only commands
    ['tmole 3000', []],
    ['loclx tunnel http --to localhost:3000', []],
    ['loclx account status', []],
    ['inlets-pro http client --url wss://203.0.113.40:8123 --upstream http://127.0.0.1:3000', []],
    ['tmole 8080 as app.tunnelmole.net', []],
    ['pagekite.py 80 acme-dev.pagekite.me', []],
    ['pagekite.py ./dist acme-dev.pagekite.me +indexes', []],
    ['pagekite.py --signup', []],
    ['ngrok http 3000', []],
    ['zrok share public --backend-mode web ./dist', []],
    ['zrok share public http://localhost:3000', []],
    ['zrok share private --backend-mode web ~/', []],
    ['zrok share public --help', []],
    ['devtunnel host -p 3000 --allow-anonymous', []],
    ['devtunnel host -p 5432', []],
    ['devtunnel list', []],
    ['devtunnel access list my-tunnel', []],
    ['ngrok config check', []],
    ['tailscale funnel 3000', []],
    ['tailscale funnel --https=443 off', []],
    ['tailscale serve 5432', []],
    ['cloudflared tunnel --url http://localhost:3000', []],
    ['cloudflared tunnel list', []],
    ['lt --port 3000', []],
    ['firewall-cmd --state', []],
    ['firewall-cmd --reload', []],
    ['firewall-cmd --permanent --add-service=https', []],
    ['firewall-cmd --remove-port=6379/tcp', []],
    ['firewall-cmd --add-port=8080/tcp', []],
    [
      `firewall-cmd --add-rich-rule='rule family="ipv4" source address="10.0.0.0/8" port port="5432" protocol="tcp" accept'`,
      [],
    ],
    ['ufw status verbose', []],
    ['ufw allow 443/tcp', []],
    ["ufw allow 'Nginx Full'", []],
    ['ufw allow from 10.0.0.0/8 to any port 5432', []],
    ['ufw delete allow 5432/tcp', []],
    ['ufw deny 5432', []],
    ['iptables -L -n', []],
    ['iptables -A INPUT -s 10.0.0.0/8 -p tcp --dport 6379 -j ACCEPT', []],
    ['iptables -A INPUT -p tcp --dport 6379 -j DROP', []],
    ['nft add rule inet filter input ip saddr 10.0.0.0/8 tcp dport 5432 accept', []],
  ])('%s → %o', (line, want) => expect(opened(line)).toEqual(want));
});

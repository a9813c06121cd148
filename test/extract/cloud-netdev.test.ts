/**
 * Network devices wiped or restarted through device libraries in code (src/extract/cloud-netdev.ts),
 * through the real pipeline with the saas pack (heredocs, a written file run, wrappers); show
 * commands and configuration that keeps the device stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { netDeviceCalls } from '../../src/extract/cloud-netdev.js';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';
const py = (code: string) => `python3 - <<'EOF'\n${code}\nEOF`;
const file = (code: string, run: string) => `cat > /tmp/n.py <<'EOF'\n${code}\nEOF\n${run}`;
const NETMIKO =
  'from netmiko import ConnectHandler\nc = ConnectHandler(device_type="cisco_ios", host="sw1.prod.example.com", username="u", password="fake")';

describe('device commands that wipe or reload', () => {
  it.each<[string, string]>([
    [py(`${NETMIKO}\nc.send_command_timing("write erase")\nc.send_command_timing("reload")`), ASK],
    [
      file(
        `${NETMIKO}\nc.send_command("erase startup-config", expect_string=r"confirm")`,
        'sudo -u netops python3 /tmp/n.py',
      ),
      ASK,
    ],
    [py(`${NETMIKO}\nc.send_config_set(["do delete /force flash:config.text"])`), ASK],
    [file(`${NETMIKO}\nc.send_command("delete /force flash:vlan.dat")`, 'timeout 60 python3 /tmp/n.py'), ASK],
    [
      py(
        'import paramiko\ns = paramiko.SSHClient()\ns.connect("mx1.prod.example.com", username="u", password="fake")\ns.exec_command("request system zeroize")',
      ),
      ASK,
    ],
    [
      py(
        'from scrapli.driver.core import IOSXEDriver\ncmds = ["format flash:", "reload"]\nwith IOSXEDriver(host="r1.prod.example.com") as conn:\n    conn.send_commands(cmds)',
      ),
      ASK,
    ],
    [
      py(
        'from jnpr.junos import Device\nfrom jnpr.junos.utils.sw import SW\nwith Device(host="mx1.prod.example.com") as dev:\n    SW(dev).zeroize(all=True)',
      ),
      ASK,
    ],
    [
      file(
        'from ncclient import manager\nwith manager.connect(host="c1.prod.example.com", port=830) as m:\n    m.delete_config(target="startup")',
        'python3 /tmp/n.py',
      ),
      ASK,
    ],
    [
      `cat > /tmp/r.js <<'EOF'\nconst { Client } = require("ssh2");\nconst conn = new Client();\nconn.on("ready", () => conn.exec("system reboot", () => conn.end())).connect({ host: "ap1.prod.example.com" });\nEOF\nnode /tmp/r.js`,
      ASK,
    ],
    // reads, and configuration that keeps the device running
    [
      py(
        `${NETMIKO}\nprint(c.send_command("show running-config"))\nprint(c.send_command("show reload"))\nprint(c.send_command("dir flash:"))`,
      ),
      'allow',
    ],
    [
      py(`${NETMIKO}\nc.send_config_set(["interface Gi0/1", "description uplink"])\nc.save_config()`),
      'allow',
    ],
    [
      py(
        'from ncclient import manager\nwith manager.connect(host="c1.prod.example.com") as m:\n    print(m.get_config(source="running"))',
      ),
      'allow',
    ],
    // the same words outside code that loads a device library
    [py('cmds = ["write erase", "reload"]\nprint(cmds)'), 'allow'],
  ])('%s', (script, want) => expect(saas(script)).toBe(want));
});

describe('what one device command amounts to', () => {
  it('names the library, the command and the host', () =>
    expect(
      netDeviceCalls(`${NETMIKO}\nc.send_command("write erase")`).map((d) => [d.tool, d.verb, d.resource]),
    ).toEqual([['netmiko', 'write-erase', 'sw1.prod.example.com']]));
});

/**
 * The host taken down, read for cloud-host.ts: powered off or rebooted, its network down or
 * flushed, every process killed, a critical daemon killed by name (cloud-host-services.ts).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft, split } from './cloud-host-argv.js';
import { CRITICAL_UNITS } from './cloud-host-services.js';
import { asksHelp } from './help-words.js';

/**
 * The machine or its network taken down: `shutdown`, `poweroff`, `reboot`, `halt`, `init
 * 0|6`, `systemctl poweroff|reboot|halt|kexec`; an interface set down, deleted or flushed
 * (`ip link set eth0 down`, `ip addr flush dev eth0`, `ip route flush`, `ifdown`, `ifconfig
 * eth0 down`, `nmcli connection down`, `nmcli networking off`); every process killed
 * (`kill -9 -1`), or a data store, remote access or container daemon stopped or killed.
 */
export function readDisruption(cmd: NormalizedCommand): CloudDraft | undefined {
  const a = cmd.argv.slice(1);
  const { pos } = split(cmd);
  const p = cmd.program;
  if (asksHelp(cmd.argv)) return undefined;
  if (/^(shutdown|poweroff|reboot|halt)$/.test(p)) {
    // `shutdown -c` cancels one; `-k` only warns
    if (p === 'shutdown' && a.some((w) => w === '-c' || w === '-k')) return undefined;
    return draft(cmd, 'power', p, '', true);
  }
  if ((p === 'init' || p === 'telinit') && /^[06]$/.test(pos[0] ?? ''))
    return draft(cmd, 'power', pos[0] === '0' ? 'halt' : 'reboot', '', true);
  if (p === 'systemctl' && /^(poweroff|reboot|halt|kexec|soft-reboot)$/.test(pos[0] ?? ''))
    return draft(cmd, 'power', pos[0], '', true);
  if (p === 'ip') {
    const words = pos.join(' ');
    if (/^(link|l) set \S+ (.* )?down\b/.test(words) || /^(link|l) (delete|del) /.test(words))
      return draft(cmd, 'network', 'down', pos[2] ?? '');
    if (/^(addr|address|a|route|r|ro) flush\b/.test(words))
      return draft(cmd, 'network', 'flush', pos.slice(2).join(' '), true);
    return undefined;
  }
  if (p === 'ifdown') return draft(cmd, 'network', 'down', pos[0] ?? '');
  if (p === 'ifconfig' && pos[1] === 'down') return draft(cmd, 'network', 'down', pos[0]);
  if (p === 'nmcli') {
    const words = pos.join(' ');
    // (deleting a saved connection profile leaves the link as it is)
    if (/^(c|con|connection) down\b/.test(words))
      return draft(cmd, 'network', 'down', pos.slice(2).join(' '));
    if (
      /^(n|networking) off\b|^(r|radio) (all|wifi) off\b|^(d|dev|device) (disconnect|delete|down)\b/.test(
        words,
      )
    )
      return draft(cmd, 'network', 'down', words);
    return undefined;
  }
  if (p === 'kill') {
    // `kill -9 -1`, `kill -s KILL -- -1`: pid -1 is every process the caller may signal
    // (the first `-N`/`-NAME` is the signal; a later one, or any after `--`, is a pid)
    let signal = false;
    for (let i = 0; i < a.length; i++) {
      const w = a[i];
      if (w === '--')
        return a.slice(i + 1).includes('-1') ? draft(cmd, 'processes', 'kill-all', '', true) : undefined;
      if (w === '-s' || w === '-n') {
        i++;
        signal = true;
      } else if (!signal && /^-(\d+|[A-Za-z][\w+-]*)$/.test(w)) signal = true;
      else if (w === '-1') return draft(cmd, 'processes', 'kill-all', '', true);
    }
    return undefined;
  }
  if (p === 'killall5') return draft(cmd, 'processes', 'kill-all', '', true);
  if (p === 'pkill' || p === 'killall') {
    const hit = pos.find((w) => CRITICAL_UNITS.has(w));
    return hit ? draft(cmd, 'critical-service', 'kill', hit) : undefined;
  }
  return undefined;
}

/**
 * macOS guards off by preferences and NVRAM (src/extract/defences-macos.ts): the firewall,
 * Gatekeeper, quarantine, library validation, code signing and SIP off ask; reading and the
 * on settings do not. Through the real pipeline with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');

describe('macOS guards off', () => {
  it.each<[string, string]>([
    ['sudo defaults write /Library/Preferences/com.apple.alf globalstate -int 0', 'ask host/firewall-down'],
    ['defaults write com.apple.alf.plist globalstate 0', 'ask host/firewall-down'],
    ['sudo defaults write /var/db/SystemPolicy-prefs enabled -string no', 'ask host/defences-off'],
    ['defaults write com.apple.LaunchServices LSQuarantine -bool NO', 'ask host/defences-off'],
    [
      'sudo defaults write /Library/Preferences/com.apple.security.libraryvalidation DisableLibraryValidation -bool true',
      'ask host/defences-off',
    ],
    ['sudo nvram boot-args="amfi_get_out_of_my_way=1"', 'ask host/defences-off'],
    ['sudo nvram boot-args="-v cs_enforcement_disable=1"', 'ask host/defences-off'],
    ['sudo nvram csr-active-config=%7f%00%00%00', 'ask host/defences-off'],
    // a security product's kernel or system extension taken out
    ['sudo kextunload -b com.crowdstrike.sensor', 'ask host/defences-off'],
    ['sudo kextunload /Library/Extensions/SophosNetworkExtension.kext', 'ask host/defences-off'],
    ['sudo kmutil unload -b com.sentinelone.sentinel-kext', 'ask host/defences-off'],
    ['sudo kmutil unload --bundle-identifier com.jamf.protect.daemon', 'ask host/defences-off'],
    ['sudo systemextensionsctl uninstall X9E956P446 com.crowdstrike.falcon.Agent', 'ask host/defences-off'],
    ['systemextensionsctl uninstall - com.objective-see.lulu.extension', 'ask host/defences-off'],
    ['systemextensionsctl reset', 'ask host/defences-off'],
    // their daemons booted out, by the same bundle ids
    ['sudo launchctl bootout system/com.paloaltonetworks.cortex.pmd', 'ask host/defences-off'],
    ['sudo launchctl unload /Library/LaunchDaemons/com.jamf.protect.daemon.plist', 'ask host/defences-off'],
    ['launchctl bootout gui/501/com.objective-see.lulu', 'ask host/defences-off'],
    // the unified log switched off or erased
    ['sudo log config --mode "level:off,persist:off"', 'ask host/defences-off'],
    ['sudo log config --mode persist:off', 'ask host/defences-off'],
    ['sudo log config --mode level:off persist:off', 'ask host/defences-off'],
    ['sudo log config --subsystem com.apple.securityd --mode level:off', 'ask host/defences-off'],
    ['sudo log config --process 1 --mode=level:off', 'ask host/defences-off'],
    ['sudo log erase --all', 'ask host/defences-off'],
    ['sudo log erase', 'ask host/defences-off'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
  it.each([
    'defaults read /Library/Preferences/com.apple.alf globalstate',
    'sudo defaults write /Library/Preferences/com.apple.alf globalstate -int 1',
    'defaults write com.apple.dock autohide -bool true',
    'nvram -p',
    'sudo nvram boot-args="-v"',
    'sudo nvram boot-args="amfi_get_out_of_my_way=0"',
    'sudo nvram -d csr-active-config',
    'systemextensionsctl list',
    'launchctl unload ~/Library/LaunchAgents/com.example.app.plist',
    'launchctl print system/com.crowdstrike.falcond',
    'kmutil showloaded --bundle-identifier com.crowdstrike.sensor',
    'sudo kextunload -b com.example.mydriver',
    'sudo kmutil unload -b com.vendor.usbserial',
    'systemextensionsctl uninstall ABCDE12345 com.example.camera.extension',
    'log show --last 1h',
    'log stream --predicate \'process == "sshd"\'',
    'log config --status',
    'sudo log config --reset',
    'sudo log config --subsystem com.example.app --mode level:debug',
    'sudo log config --mode "level:info,persist:default"',
    'sudo log erase --ttl',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});

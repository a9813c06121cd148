/**
 * A desktop's scheduled backups switched off through gsettings or dconf
 * (src/extract/cloud-backups-desktop.ts), through the real pipeline with the protection pack.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('protection');
const ASK = 'ask protection/backups-deleted';

describe('desktop backup schedules turned off', () => {
  it.each<[string, string]>([
    ['gsettings set org.gnome.DejaDup periodic false', ASK],
    ['gsettings --schemadir ~/.local/share/glib-2.0/schemas set org.gnome.DejaDup periodic false', ASK],
    ['gsettings reset-recursively org.gnome.DejaDup', ASK],
    ['dconf write /org/gnome/deja-dup/periodic false', ASK],
    ['dconf reset -f /org/gnome/deja-dup/', ASK],
    ['sudo defaults write /Library/Preferences/com.apple.TimeMachine AutoBackup -bool false', ASK],
    ['defaults write com.apple.TimeMachine AutoBackup 0', ASK],
    ['defaults read /Library/Preferences/com.apple.TimeMachine AutoBackup', 'allow'],
    ['defaults write com.apple.TimeMachine AutoBackup -bool true', 'allow'],
    // kept: reading, turning on, other keys and schemas
    ['gsettings get org.gnome.DejaDup periodic', 'allow'],
    ['gsettings set org.gnome.DejaDup periodic true', 'allow'],
    ['gsettings list-keys org.gnome.DejaDup', 'allow'],
    ['gsettings set org.gnome.DejaDup periodic-period 7', 'allow'],
    ['gsettings set org.gnome.desktop.interface color-scheme prefer-dark', 'allow'],
    ['dconf read /org/gnome/deja-dup/periodic', 'allow'],
    ['dconf dump /org/gnome/deja-dup/', 'allow'],
  ])('%s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

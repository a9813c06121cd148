/**
 * Administrator accounts made through the accounts service (src/extract/privilege-dbus.ts):
 * D-Bus CreateUser or SetAccountType with type 1, and sysadminctl -admin, ask; standard
 * accounts and listing do not.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('privilege');

describe('administrator accounts over D-Bus and sysadminctl', () => {
  it.each([
    'sudo busctl call org.freedesktop.Accounts /org/freedesktop/Accounts org.freedesktop.Accounts CreateUser ssi helpdesk "Help Desk" 1',
    'dbus-send --system --print-reply --dest=org.freedesktop.Accounts /org/freedesktop/Accounts org.freedesktop.Accounts.CreateUser string:ops string:Ops int32:1',
    'gdbus call --system --dest org.freedesktop.Accounts --object-path /org/freedesktop/Accounts/User1001 --method org.freedesktop.Accounts.User.SetAccountType 1',
    'busctl call org.freedesktop.Accounts /org/freedesktop/Accounts/User1001 org.freedesktop.Accounts.User SetAccountType i "$TYPE"',
    'sudo sysadminctl -addUser helpdesk -password - -admin',
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe('ask privilege/grant-admin');
  });
  it.each([
    'busctl list',
    'busctl call org.freedesktop.Accounts /org/freedesktop/Accounts org.freedesktop.Accounts CreateUser ssi kiosk "Kiosk" 0',
    'busctl introspect org.freedesktop.Accounts /org/freedesktop/Accounts',
    'gdbus call --system --dest org.freedesktop.Accounts --object-path /org/freedesktop/Accounts --method org.freedesktop.Accounts.FindUserByName alice',
    'sudo sysadminctl -addUser kiosk -password -',
    'sysadminctl -adminUser root -adminPassword - -addUser kiosk',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});

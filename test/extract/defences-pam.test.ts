/**
 * The login stack's guards switched off (src/extract/defences-pam.ts), through the host pack:
 * lockout, second factor, smart card, password history and strength removed by authselect,
 * authconfig and pam-auth-update ask; enabling them, reading the state and convenience
 * features pass.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');
const ASK = 'ask host/defences-off';

describe('PAM guards switched off', () => {
  it.each([
    'sudo authselect disable-feature with-faillock',
    'authselect disable-feature with-mfa',
    'authselect disable-feature with-smartcard-required',
    'authselect disable-feature with-pwhistory',
    'authconfig --disablefaillock --update',
    'authconfig --disablerequiresmartcard --updateall',
    'authconfig --passalgo=md5 --update',
    'authconfig --passminlen=1 --update',
    'authconfig --passminlen 4 --update',
    'authconfig --disableshadow --update',
    'sudo pam-auth-update --remove faillock',
    'pam-auth-update --package --remove pwquality',
    'pam-auth-update --disable google-authenticator',
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe(ASK);
  });
  it.each([
    'authselect current',
    'authselect check',
    'authselect list-features sssd',
    'authselect enable-feature with-faillock',
    'authselect disable-feature with-fingerprint',
    'authselect disable-feature with-mkhomedir',
    'authconfig --enablefaillock --faillockargs="deny=5 unlock_time=900" --update',
    'authconfig --passminlen=12 --passalgo=sha512 --update',
    'authconfig --test',
    'pam-auth-update --enable mkhomedir',
    'pam-auth-update --remove mkhomedir',
    'pam-auth-update --force',
  ])('%s passes', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});

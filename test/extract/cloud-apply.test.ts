/**
 * Desired state that removes things (src/extract/cloud-apply.ts): configuration management
 * making a resource absent, DNS zones made to match a config. Facts: `tool|service|verb|resource`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact, NormalizedCommand } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const facts = (c: NormalizedCommand) =>
  (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource].join('|') : '',
  );
/** argv as given (words with spaces stay one word). */
const cloud = (...argv: string[]) => facts(command(argv.length === 1 ? argv[0].split(' ') : argv));

describe('resources made absent', () => {
  it.each<[string[], string[]]>([
    [['puppet resource user deploy ensure=absent'], ['puppet|user|ensure-absent|deploy']],
    [['puppet resource package nginx ensure=purged'], ['puppet|package|ensure-absent|nginx']],
    [['puppet', 'apply', '-e', "user { 'deploy': ensure => absent }"], ['puppet|user|ensure-absent|deploy']],
    [
      ['puppet', 'apply', '--execute', "file { '/srv/app': ensure => 'absent', force => true }"],
      ['puppet|file|ensure-absent|/srv/app'],
    ],
    [
      ['ansible', 'web', '-m', 'user', '-a', 'name=deploy state=absent remove=yes'],
      ['ansible|user|ensure-absent|web deploy'],
    ],
    [
      [
        'ansible',
        '-i',
        'hosts',
        'all',
        '-b',
        '-m',
        'ansible.builtin.file',
        '-a',
        'path=/var/www state=absent',
      ],
      ['ansible|file|ensure-absent|all /var/www'],
    ],
    [
      ['ansible', 'db', '-m', 'apt', '-a', '{"name": "postgresql", "state": "absent"}'],
      ['ansible|apt|ensure-absent|db'],
    ],
    // attached module names
    [
      ['ansible', 'db', '-mapt', '-a', 'name=postgresql state=absent'],
      ['ansible|apt|ensure-absent|db postgresql'],
    ],
    [
      ['ansible', 'db', '--module-name=user', '-aname=bob state=absent'],
      ['ansible|user|ensure-absent|db bob'],
    ],
    [['salt', '*', 'pkg.remove', 'nginx'], ['salt|pkg|ensure-absent|* nginx']],
    // test=True is a dry run for state functions only
    [['salt', '*', 'pkg.remove', 'nginx', 'test=True'], ['salt|pkg|ensure-absent|* nginx']],
    [['salt', '-t', '30', 'web*', 'file.rmdir', '/srv/app'], ['salt|file|ensure-absent|web* /srv/app']],
    [
      ['salt', 'web*', 'state.single', 'file.absent', 'name=/srv/app'],
      ['salt|file|ensure-absent|web* name=/srv/app'],
    ],
    [['salt-call', '--local', 'pkg.remove', 'nginx'], ['salt-call|pkg|ensure-absent|local nginx']],
    [
      ['salt', '-C', 'G@role:mysql', 'mysql.db_remove', 'orders'],
      ['salt|mysql|ensure-absent|G@role:mysql orders'],
    ],
    [['salt', 'db*', 'postgres.user_remove', 'app'], ['salt|postgres|ensure-absent|db* app']],
    [['salt', '*', 'lvm.lvremove', 'data'], ['salt|lvm|ensure-absent|* data']],
    [['chef-run web01 package ntp action=remove'], ['chef-run|package|ensure-absent|web01 ntp']],
    // chef-apply's recipe: packages, accounts and services (its files are read as rm: normalize/config-recipes.ts)
    [
      ['chef-apply', '-e', "package 'postgresql' do action :purge end"],
      ['chef-apply|package|ensure-absent|postgresql'],
    ],
    [['chef-apply', '-e', "user 'deploy' do action :remove end"], ['chef-apply|user|ensure-absent|deploy']],
    [
      ['cinc-apply', '-e', "apt_package('nginx') { action :remove }"],
      ['cinc-apply|apt_package|ensure-absent|nginx'],
    ],
  ])('%j', (argv, want) => expect(cloud(...argv)).toEqual(want));
});

describe('resources made present, dry runs, other commands', () => {
  it.each<[string[], string[]]>([
    [['puppet resource user deploy'], []],
    [['puppet resource package nginx ensure=installed'], []],
    [['puppet resource user deploy ensure=absent --noop'], []],
    [['puppet', 'apply', '-e', "package { 'nginx': ensure => installed }"], []],
    [['puppet agent --test --noop'], []],
    [['ansible', 'web', '-m', 'apt', '-a', 'name=nginx state=present'], []],
    [['ansible', 'web', '-m', 'user', '-a', 'name=deploy state=absent', '--check'], []],
    [['ansible all -m ping'], []],
    [['salt', '*', 'pkg.install', 'nginx'], []],
    [['salt', 'db*', 'mysql.db_list'], []],
    [['salt', 'db*', 'mysql.db_create', 'orders'], []],
    [['salt', '*', 'state.single', 'pkg.installed', 'nginx'], []],
    [['salt', '*', 'state.single', 'file.absent', 'name=/srv', 'test=True'], []],
    [['chef-run web01 package ntp action=install'], []],
    [['chef-apply', '-e', "package 'nginx' do action :install end"], []],
    [['chef-apply', '-e', "file '/etc/x' do action :delete end"], []],
    [['chef-apply', '--why-run', '-e', "package 'postgresql' do action :purge end"], []],
  ])('%j', (argv, want) => expect(cloud(...argv)).toEqual(want));
});

describe('DNS zones made to match a config', () => {
  it.each<[string, string[]]>([
    [
      'octodns-sync --config-file=config/production.yaml --doit --force',
      ['octodns-sync|dns|sync-zones|config/production.yaml'],
    ],
    [
      'octodns-sync --config-file config/production.yaml --doit example.com.',
      ['octodns-sync|dns|sync-zones|example.com.'],
    ],
    ['dnscontrol push', ['dnscontrol|dns|sync-zones|']],
    ['dnscontrol push --domains example.com', ['dnscontrol|dns|sync-zones|example.com']],
    ['octodns-sync --config-file=config/production.yaml', []],
    ['dnscontrol preview', []],
    ['dnscontrol check', []],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

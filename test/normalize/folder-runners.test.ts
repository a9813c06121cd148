/**
 * Runners of every program in a folder or a file list (src/normalize/folder-runners.ts):
 * `run-parts DIR`, `find DIR -exec {} ;` and a glob as the program run what this script wrote
 * there, through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

const WRITE = (dir: string, body: string) =>
  `mkdir -p ${dir} && printf '#!/bin/sh\\n${body}\\n' > ${dir}/10-job && chmod +x ${dir}/10-job`;

describe('programs a folder runner runs', () => {
  it.each<[string, string]>([
    [
      `${WRITE('/tmp/hooks.d', 'kubectl --context prod delete namespace payments')} && run-parts /tmp/hooks.d`,
      'ask',
    ],
    [
      `${WRITE('jobs', 'aws s3 rb s3://acme-prod --force')} && sudo run-parts --verbose --exit-on-error jobs`,
      'ask',
    ],
    [
      `${WRITE('/tmp/h', 'redis-cli -h cache.prod.example.com FLUSHALL')} && run-parts --arg=x -- /tmp/h`,
      'ask',
    ],
    [`${WRITE('/tmp/h', 'aws s3 rb s3://acme-prod --force')} && for f in /tmp/h/*; do "$f"; done`, 'ask'],
    [`${WRITE('/tmp/h', 'aws s3 rb s3://acme-prod --force')} && find /tmp/h -type f -exec {} \\;`, 'ask'],
    // fail closed: a folder known only at run time
    ['run-parts "$HOOKS"', 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    `${WRITE('/tmp/hooks.d', 'echo hello')} && run-parts /tmp/hooks.d`,
    // only the names are printed
    `${WRITE('/tmp/hooks.d', 'rm -rf /')} && run-parts --test /tmp/hooks.d`,
    `${WRITE('/tmp/hooks.d', 'rm -rf /')} && run-parts --list /tmp/hooks.d`,
    // the system's own jobs, not written here
    'run-parts /etc/cron.daily',
    `${WRITE('/tmp/h', 'aws s3 ls')} && find /tmp/h -type f -exec {} \\;`,
    `${WRITE('/tmp/h', 'rm -rf /')} && find /tmp/h -type f -exec cat {} \\;`,
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});

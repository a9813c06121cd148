/**
 * An SDK's container-like verbs on the program's own values (src/extract/cloud-sdk-receivers.ts):
 * a list's remove, a set's clear stay allowed in code that loads an SDK; the SDK's objects, and
 * receivers whose origin is not known, still ask. Through the real pipeline with the saas pack.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';
import { sdkReceiver } from '../../src/extract/cloud-sdk-receivers.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';

describe('container verbs on SDK objects and on the program own values (saas pack)', () => {
  it.each([
    // the SDK's objects: an import, a client made from it, a constant path, a chain from one
    [`python3 -c 'import resend\nresend.Domains.remove("d_123")'`, ASK],
    [
      `node -e 'const {Resend}=require("resend"); const resend=new Resend(process.env.RESEND_KEY); resend.domains.remove("d_1")'`,
      ASK,
    ],
    [`ruby -e 'require "sidekiq/api"; Sidekiq::Queue.new("default").clear'`, ASK],
    [
      `python3 -c 'from rq import Queue\nfrom redis import Redis\nq = Queue("default", connection=Redis())\nq.empty()'`,
      ASK,
    ],
    [`node -e "const {Queue}=require('bullmq'); const q = new Queue('emails'); q.drain()"`, ASK],
    // fail closed: a receiver whose origin is not known (a parameter) stays the SDK's
    [`python3 -c 'import stripe\ndef drop(coll, x):\n    coll.remove(x)'`, ASK],
    // the program's own lists, sets, maps and dicts
    [`python3 -c 'import stripe\nitems=[1,2]\nitems.remove(1)\nprint(items)'`, 'allow'],
    [`python3 -c 'from celery import Celery\nseen=set()\nseen.clear()\nprint(seen)'`, 'allow'],
    [
      `node -e 'const {Queue}=require("bullmq"); const seen=new Set([1]); seen.clear(); console.log(seen.size)'`,
      'allow',
    ],
    [
      `python3 -c 'import rq\nfrom collections import deque\nd = deque()\nd.clear()\ncache = {}\ncache.clear()'`,
      'allow',
    ],
    [`ruby -e 'require "resque"; a = [1, 2]; a.clear; puts a.size'`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe('sdkReceiver', () => {
  const code = 'xs = []\nys = xs\nq = Queue()\nq.clear()\nys.clear()\nzs = []\nzs = fetch()\nzs.clear()';
  const at = (needle: string) => code.indexOf(needle) + needle.indexOf('.');
  it.each<[string, string, boolean]>([
    ['q.clear', 'clear', true],
    ['ys.clear', 'clear', false],
    // assigned from something else too: its value may be the SDK's
    ['zs.clear', 'clear', true],
  ])('%s', (needle, name, want) => expect(sdkReceiver(code)(name, at(needle))).toBe(want));
  it('reads other verbs on any receiver', () =>
    expect(sdkReceiver(code)('purge', at('ys.clear'))).toBe(true));
});

/**
 * A production service's live traffic rerouted to this machine: `telepresence intercept
 * WORKLOAD -n|--namespace NS` and `mirrord exec --steal -n NS …` (a steal, not the default
 * mirror, which only copies). Real users' requests, with their data and credentials, then
 * reach a laptop, and the service answers with whatever runs here. Read only when the
 * namespace or the kube context names production (`prod`, `production`, `live`); an
 * intercept of a development namespace, or without one named, reads as nothing. Read as a
 * CloudFact of service `traffic-intercept`. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionValue, type CloudDraft } from './cloud-argv.js';
import { optionWord } from './help-words.js';

/** A namespace or context that names production. */
const PRODUCTION = /(^|[^a-z])(prod|production|live)([^a-z]|$)/i;

/** A production service's traffic taken over; undefined for any other command. */
export function readIntercept(cmd: NormalizedCommand): CloudDraft | undefined {
  const a = cmd.argv;
  if (optionWord(a, (w) => w === '--help' || w === '-h')) return undefined;
  const dash = a.indexOf('--');
  const own = dash < 0 ? a : a.slice(0, dash);
  let target: string | undefined;
  if (cmd.program === 'telepresence' && own[1] === 'intercept')
    target = own.slice(2).find((w) => !w.startsWith('-'));
  else if (cmd.program === 'mirrord' && own[1] === 'exec' && own.includes('--steal'))
    target = optionValue(own, /^(-t|--target)$/) ?? '';
  if (target === undefined) return undefined;
  const ns = optionValue(own, /^(-n|--namespace|--target-namespace)$/) ?? '';
  const context = optionValue(own, /^(--context)$/) ?? '';
  if (!PRODUCTION.test(ns) && !PRODUCTION.test(context)) return undefined;
  return {
    tool: cmd.program,
    service: 'traffic-intercept',
    verb: 'intercept',
    resource: `${target} in ${ns || context}`,
    all: false,
    force: false,
  };
}

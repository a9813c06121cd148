/**
 * CI/CD and hosting platforms' commands that print a project's variables with their values:
 * the deploy secrets of a pipeline or an app's environment. Sent away (`| curl -d @-`,
 * `| nc host port`) they are a stored credential leaving the machine (exfil-sources.ts);
 * printed to the terminal or a file they are not asked about here. Names-only listings
 * (`gh secret list`, `glab variable list`, `vercel env ls`, `fly secrets list`) print no
 * value and are not printers. Pure table, read by credential-printers.ts.
 */
import type { Printer } from './credential-printers.js';

/** `vercel env pull FILE`: the values are printed only when FILE is stdout. */
const pullsToStdout = (_a: string[], pos: string[]) => /^(-|\/dev\/stdout|\/dev\/fd\/1)$/.test(pos[2] ?? '');

/** `railway variables --set K=V` sets a variable (it prints nothing secret of its own). */
const listsOnly = (a: string[]) => !a.some((w) => /^(--set|-s)(=|$)/.test(w));

export const CI_PRINTERS: Printer[] = [
  // GitLab: a group's or project's CI/CD variables exported as JSON, or one variable's value
  { program: ['glab'], words: ['variable', /^(export|get)$/] },
  { program: ['gitlab'], words: [/^(project|group|instance)-variable$/, /^(list|get)$/] },
  // Netlify, Vercel, Railway: the site's or service's environment
  { program: ['netlify', 'ntl'], words: [/^env:(list|get)$/] },
  { program: ['vercel', 'vc'], words: ['env', 'pull'], when: pullsToStdout },
  { program: ['railway'], words: [/^(variables|vars)$/], when: listsOnly },
  // Doppler's bare `secrets` prints every secret with its value
  { program: ['doppler'], words: ['secrets'], when: (_a, pos) => pos.length === 1 },
  // PaaS apps' environments: Dokku, Cloud Foundry, Elastic Beanstalk, Clever Cloud, Scalingo, Convox, Kamal
  { program: ['dokku'], words: [/^config(:show|:export|:get|:bundle)?$/] },
  { program: ['cf'], words: ['env'] },
  { program: ['eb'], words: ['printenv'] },
  { program: ['clever', 'scalingo', 'convox'], words: ['env'] },
  { program: ['kamal'], words: ['secrets', 'print'] },
  // Azure App Service and Functions settings and connection strings, a container app's secret values
  {
    program: ['az'],
    words: [/^(webapp|functionapp)$/, 'config', /^(appsettings|connection-string)$/, 'list'],
  },
  {
    program: ['az'],
    words: ['containerapp', 'secret', 'list'],
    when: (a) => a.includes('--show-values'),
  },
  // a Lambda function's configuration, its environment variables included
  { program: ['aws'], words: ['lambda', /^get-function(-configuration)?$/] },
  // Firebase's legacy functions config (API keys set with functions:config:set)
  { program: ['firebase'], words: ['functions:config:get'] },
];

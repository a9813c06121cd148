/**
 * The Jenkins API as Groovy calls it (the script console, `groovy -e`, a Jenkinsfile's
 * `script {}`): what it destroys or reveals, read only in code that names the API
 * (`Jenkins.instance`, `Jenkins.get()`, `hudson.…`, `jenkins.model.…`).
 * - An item, job, build, view or node deleted (`.delete()`, `.doDelete()`, a computer's
 *   `.doDoDelete()`, `Jenkins.instance.removeNode(n)`) reads as the Jenkins CLI's own verb
 *   (`jenkins-cli delete-job|delete-node …`), which the packs judge as a remote delete.
 * - A secret decrypted or credentials looked up (`hudson.util.Secret.decrypt(…)`,
 *   `.getPlainText()`, `CredentialsProvider.lookupCredentials(…)`,
 *   `SystemCredentialsProvider…getCredentials()`) is a credential read whose output cannot
 *   be known: a dynamic effect (asks).
 * - The controller's security switched off: anyone may do anything (`AuthorizationStrategy.Unsecured`,
 *   `AuthorizationStrategy.UNSECURED`), nobody logs in (`SecurityRealm.NO_AUTHENTICATION`,
 *   `disableSecurity()`, `setUseSecurity(false)`), or CSRF protection removed
 *   (`setCrumbIssuer(null)`, `DISABLE_CSRF_PROTECTION = true`): a dynamic effect naming it (asks).
 */
import type { Helpers, Pattern } from './codescan-langs.js';

/** Code that uses the Jenkins API. */
const JENKINS_API =
  /\bJenkins\s*\.\s*(instance|get\w*)\b|\bhudson\.|\bjenkins\.model\b|\bJenkins\.instanceOrNull/;

const cli = (verb: string, what: string) => [
  {
    kind: 'exec' as const,
    argv: ['jenkins-cli', verb, what].map((text) => ({ text, dynamic: false })),
  },
];

export function jenkinsPatterns(_h: Helpers): Pattern[] {
  return [
    {
      re: /\.\s*(delete|doDelete|doDoDelete)\s*\(\s*\)/g,
      handle: (_a, lx, _home, m) => {
        if (!JENKINS_API.test(lx.skel)) return [];
        const before = lx.skel.slice(Math.max(0, m.index - 200), m.index);
        const node = m[1] === 'doDoDelete' || /\b(nodes|computers|toComputer|getNode)\b/.test(before);
        const build = /\b(builds|getBuilds|getLastBuild|getBuildByNumber)\b/.test(before);
        return cli(node ? 'delete-node' : build ? 'delete-builds' : 'delete-job', 'items the script names');
      },
    },
    {
      re: /\bremoveNode\s*\(/g,
      handle: (_a, lx) => (JENKINS_API.test(lx.skel) ? cli('delete-node', 'the node the script names') : []),
    },
    {
      re: /\bAuthorizationStrategy\s*\.\s*(?:Unsecured|UNSECURED)\b|\bSecurityRealm\s*\.\s*NO_AUTHENTICATION\b|\.\s*disableSecurity\s*\(\s*\)|\b(?:setUseSecurity\s*\(|useSecurity\s*=)\s*false\b|\b(?:setCrumbIssuer|crumbIssuer\s*=)\s*\(?\s*null\b|\bDISABLE_CSRF_PROTECTION\s*=\s*true\b/g,
      handle: (_a, lx, _home, m) =>
        JENKINS_API.test(lx.skel) || /Security|Crumb|CSRF/.test(m[0])
          ? [{ kind: 'dynamic', text: `Jenkins security turned off: ${m[0].trim()}` }]
          : [],
    },
    {
      re: /\bSecret\.decrypt\s*\(|\.getPlainText\s*\(\s*\)|\blookupCredentials\s*\(|\bSystemCredentialsProvider\b/g,
      handle: (_a, lx, _home, m) =>
        JENKINS_API.test(lx.skel) || /Secret|Credentials/.test(m[0])
          ? [{ kind: 'dynamic', text: `Jenkins credentials read: ${m[0].trim()}` }]
          : [],
    },
  ];
}

/** The Jenkins API's deletes and secret reads in Groovy (src/normalize/codescan-jenkins.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);

describe('what Groovy on the Jenkins API destroys or reveals', () => {
  it.each<[string, string]>([
    [
      "groovy -e 'Jenkins.instance.getAllItems(hudson.model.Job).each { it.delete() }'",
      'jenkins-cli delete-job items the script names',
    ],
    [
      'groovy -e \'Jenkins.get().getItem("app").doDelete()\'',
      'jenkins-cli delete-job items the script names',
    ],
    [
      'groovy -e \'Jenkins.instance.getItem("app").builds.each { it.delete() }\'',
      'jenkins-cli delete-builds items the script names',
    ],
    [
      "groovy -e 'Jenkins.instance.nodes.each { it.toComputer().doDoDelete() }'",
      'jenkins-cli delete-node items the script names',
    ],
    ["groovy -e 'Jenkins.instance.removeNode(n)'", 'jenkins-cli delete-node the node the script names'],
    [
      'groovy -e \'println(hudson.util.Secret.decrypt("{AQAAABAAAAAw}"))\'',
      'dynamic:Jenkins credentials read: Secret.decrypt(',
    ],
    // the controller's security switched off
    [
      "groovy -e 'Jenkins.instance.setAuthorizationStrategy(new hudson.security.AuthorizationStrategy.Unsecured())'",
      'dynamic:Jenkins security turned off: AuthorizationStrategy.Unsecured',
    ],
    [
      "groovy -e 'Jenkins.instance.setSecurityRealm(hudson.security.SecurityRealm.NO_AUTHENTICATION)'",
      'dynamic:Jenkins security turned off: SecurityRealm.NO_AUTHENTICATION',
    ],
    [
      "groovy -e 'def j = Jenkins.get(); j.disableSecurity()'",
      'dynamic:Jenkins security turned off: .disableSecurity()',
    ],
    [
      "groovy -e 'Jenkins.get().setCrumbIssuer(null)'",
      'dynamic:Jenkins security turned off: setCrumbIssuer(null',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    ["groovy -e 'println(Jenkins.instance.pluginManager.plugins)'"],
    ["groovy -e 'Jenkins.instance.getAllItems(hudson.model.Job).each { println(it.fullName) }'"],
    // not the Jenkins API: a map entry removed
    ['groovy -e \'def m = [a: 1]; m.remove("a")\''],
    // security read or kept on
    ["groovy -e 'println(Jenkins.instance.authorizationStrategy.getClass())'"],
    ["groovy -e 'Jenkins.instance.setCrumbIssuer(new hudson.security.csrf.DefaultCrumbIssuer(true))'"],
  ])('%s deletes nothing', (script) =>
    expect(commands(script).some((c) => /jenkins-cli|dynamic/.test(c))).toBe(false),
  );
});

/** Groovy sent to a Jenkins script console, read as code run on the controller (src/normalize/jenkins-console.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({ '/w/del.groovy': 'Jenkins.instance.getItem("app").delete()' });
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.remote ? 'remote:' : ''}${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('the script a console request runs', () => {
  it.each<[string, string]>([
    [
      'curl -u a:b --data-urlencode \'script="rm -rf /srv".execute()\' https://ci.example/scriptText',
      'remote:rm -rf /srv',
    ],
    [
      "curl -d 'script=%22rm+-rf+/srv%22.execute()' https://ci.example/computer/a1/scriptText",
      'remote:rm -rf /srv',
    ],
    ['curl -F \'script="rm -rf /srv".execute()\' https://ci.example/script', 'remote:rm -rf /srv'],
    [
      "wget --post-data='script=%22rm+-rf+/srv%22.execute()' https://ci.example/scriptText",
      'remote:rm -rf /srv',
    ],
    ['http -f POST https://ci.example/scriptText \'script="rm -rf /srv".execute()\'', 'remote:rm -rf /srv'],
    [
      "curl --data-urlencode 'script@del.groovy' https://ci.example/scriptText",
      'remote:jenkins-cli delete-job items the script names',
    ],
    ['jenkins-cli groovy del.groovy', 'remote:jenkins-cli delete-job items the script names'],
    // fail closed: a script that cannot be read is unknown code
    [
      "curl --data-urlencode 'script@missing.groovy' https://ci.example/scriptText",
      'remote:dynamic:groovy -e unread script',
    ],
    [
      'java -jar jenkins-cli.jar -s https://ci.example/ groovy = < missing.groovy',
      'remote:dynamic:groovy -e unread script',
    ],
    ['curl -d "script=$CODE" https://ci.example/scriptText', 'remote:dynamic:groovy -e unread script'],
    // the console's host in a variable: the route says it is a console
    [
      'curl --data-urlencode \'script="rm -rf /srv".execute()\' "$JENKINS_URL/scriptText"',
      'remote:rm -rf /srv',
    ],
    ['curl -d \'script="rm -rf /srv".execute()\' "${JENKINS_URL}/script"', 'remote:rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    ['curl -u a:b https://ci.example/api/json', ['curl -u a:b https://ci.example/api/json']],
    ["curl -d 'name=x' https://ci.example/scriptText", ['curl -d name=x https://ci.example/scriptText']],
    ['jenkins-cli list-jobs', ['jenkins-cli list-jobs']],
  ])('%s is no console script', (script, want) => expect(commands(script)).toEqual(want));
});

describe('the script a code client sends to a console', () => {
  it.each<[string, string]>([
    [
      `python3 -c "import requests; requests.post('https://ci.example/scriptText', data={'script': '\\"rm -rf /srv\\".execute()'})"`,
      'remote:rm -rf /srv',
    ],
    [
      `python3 -c "import requests; requests.post('https://ci.example/scriptText', auth=('a', 'FAKE'), data={'script': 'Jenkins.instance.setAuthorizationStrategy(new hudson.security.AuthorizationStrategy.Unsecured())'})"`,
      'remote:dynamic:Jenkins security turned off: AuthorizationStrategy.Unsecured',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it('a script that only prints runs nothing', () => {
    const got = commands(
      `python3 -c "import requests; requests.post('https://ci.example/scriptText', data={'script': 'println(Jenkins.instance.getVersion())'})"`,
    );
    expect(
      got.some(
        (c) => c.startsWith('remote:') && c !== 'remote:groovy -e println(Jenkins.instance.getVersion())',
      ),
    ).toBe(false);
  });
});

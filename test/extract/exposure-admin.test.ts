/**
 * Admin consoles, JMX and debuggers served beyond this machine without a login
 * (src/extract/exposure-admin.ts), from the words and end to end with the exposure pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { openConsoles } from '../../src/extract/exposure-admin.js';
import { command, packVerdict } from '../helpers/command.js';

const found = (line: string, vars: Record<string, string> = {}) =>
  openConsoles(
    command(
      shellParse(line).map((t) => (typeof t === 'string' ? t : '')),
      { vars },
    ),
  ).map(([, s]) => s);

describe('what the words say', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['pgweb --bind=0.0.0.0 --listen=8081 --url postgres://db/app', {}, ['pgweb on 0.0.0.0 without a login']],
    ['redis-commander --redis-host cache', {}, ['redis-commander on 0.0.0.0 without a login']],
    ['php -S 0.0.0.0:8080 -t vendor/adminer', {}, ['php -S 0.0.0.0:8080 serves vendor/adminer']],
    ['docker run -P dbgate/dbgate', {}, ['dbgate published on every address without a login']],
    [
      'catalina.sh run',
      {
        CATALINA_OPTS:
          '-Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=false',
      },
      ['JMX remote on port 9010 with authenticate=false'],
    ],
    [
      "java '-javaagent:/opt/jolokia.jar=host=*,port=8778' -jar a.jar",
      {},
      ['Jolokia agent on * without a user'],
    ],
    [
      'java -Xrunjdwp:transport=dt_socket,server=y,address=0.0.0.0:8000 -jar a.jar',
      {},
      ['JDWP debugger on 0.0.0.0:8000: code runs for whoever connects'],
    ],
    ['node --inspect-brk=[::]:9229 app.js', {}, ['node --inspect=[::]:9229: code runs for whoever connects']],
    // loopback, a login, or another program's variables
    ['pgweb --bind=0.0.0.0 --auth-user=admin --auth-pass=x', {}, []],
    ['redis-commander --address 127.0.0.1', {}, []],
    ['docker run -p 127.0.0.1:8081:8081 mongo-express', {}, []],
    ['docker run mongo-express', {}, []],
    [
      'ls',
      {
        JAVA_OPTS:
          '-Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=false',
      },
      [],
    ],
    [
      'java -Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.host=127.0.0.1 -jar a.jar',
      {},
      [],
    ],
    ['java -agentlib:jdwp=transport=dt_socket,server=y,address=localhost:5005 -jar a.jar', {}, []],
    ['node --inspect=127.0.0.1:9229 app.js', {}, []],
    ['dlv debug --headless', {}, []],
    ['gdbserver localhost:1234 ./app', {}, []],
  ])('%s', (line, vars, want) => expect(found(line, vars)).toEqual(want));
});

const exposure = await packVerdict('exposure');

describe('a console or debugger open to the network asks', () => {
  it.each([
    'pgweb --bind=0.0.0.0 --listen=8081 --url "$PROD_DATABASE_URL"',
    'sqlite-web -H 0.0.0.0 -p 8080 data/app.db',
    'datasette serve customers.db -h 0.0.0.0 -p 8001',
    'php -S 0.0.0.0:8080 adminer-4.8.1.php',
    'docker run -d -p 8081:8081 -e ME_CONFIG_MONGODB_URL=mongodb://prod-db:27017 mongo-express',
    'docker run -d --network host sosedoff/pgweb',
    'java -Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=false -jar target/billing.jar',
    'JAVA_OPTS="-Dcom.sun.management.jmxremote.port=9999 -Dcom.sun.management.jmxremote.authenticate=false" ./bin/catalina.sh run',
    'mvn spring-boot:run -Dspring-boot.run.jvmArguments="-Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=false"',
    'java -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005 -jar api.jar',
    'node --inspect=0.0.0.0:9229 dist/server.js',
    "NODE_OPTIONS='--inspect=0.0.0.0:9229' npm run dev",
    'python -m debugpy --listen 0.0.0.0:5678 --wait-for-client manage.py runserver',
    'dlv debug --headless --listen=:2345 --api-version=2',
    'gdbserver :1234 ./app',
    'printf \'#!/bin/sh\\npgweb --bind=0.0.0.0 --url "$DATABASE_URL"\\n\' > ui.sh && sh ui.sh',
  ])('%s', (script) => expect(exposure(script)).toBe('ask exposure/make-public'));
});

describe('the same on loopback or behind a login stays allowed', () => {
  it.each([
    'pgweb --url "$DATABASE_URL"',
    'pgweb --bind=0.0.0.0 --auth-user=admin --auth-pass="$PGWEB_PASS" --url "$DATABASE_URL"',
    'sqlite-web data/app.db',
    'sqlite-web -H 0.0.0.0 -P data/app.db',
    'datasette serve customers.db',
    'php -S localhost:8080 adminer.php',
    'php -S 0.0.0.0:8000 -t public',
    'docker run -d -p 127.0.0.1:8081:8081 mongo-express',
    'docker run -d -p 8081:8081 -e ME_CONFIG_BASICAUTH_USERNAME=admin mongo-express',
    'java -Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=true -jar app.jar',
    'java -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005 -jar app.jar',
    'node --inspect dist/server.js',
    'python -m debugpy --listen 5678 app.py',
    'dlv debug --headless --listen=127.0.0.1:2345',
    'pgweb --help',
  ])('%s', (script) => expect(exposure(script)).toBe('allow'));
});

/**
 * An application started with its ORM told to recreate the schema: Spring Boot's
 * `spring.jpa.hibernate.ddl-auto=create|create-drop`, Hibernate's `hibernate.hbm2ddl.auto`,
 * JPA's `jakarta|javax.persistence.schema-generation.database.action=drop-and-create|drop`,
 * Quarkus' `quarkus.hibernate-orm.database.generation=drop-and-create|drop`, Grails'
 * `dataSource.dbCreate=create|create-drop`. At start every table the application maps is
 * dropped with its rows and created empty. The setting is read where a started application
 * takes it: a word of the command (`--k=v`, `-Dk=v`, a container's `-e K=V`, inside
 * `--args='…'` or `-Dspring-boot.run.arguments=…`, a JSON document's `"ddl-auto":"create"`),
 * or for a JVM launcher or a start script its environment (`SPRING_JPA_HIBERNATE_DDL_AUTO=create
 * java -jar app.jar`; Spring's relaxed names: case, `-`, `_` and `.` do not matter, so are the
 * `JAVA_TOOL_OPTIONS` it holds) and the configuration files this script wrote
 * (`application-prod.yml`'s `ddl-auto: create`, `hibernate.properties`, `persistence.xml`).
 * Not when the database named is in memory (`jdbc:h2:mem:`, HSQLDB's `mem:`, Derby's
 * `memory:`, SQLite's `:memory:`, Testcontainers' `jdbc:tc:`) or, with no database named,
 * every active profile is a test one. Read as a RESET of the SCHEMA, so
 * databases/framework-reset asks. `validate`, `update`, `none` and `create-only` drop nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { FrameworkOp } from './sql-frameworks.js';
import { TEXT_TOOLS } from './exposure.js';
import { maskTarget } from './sql-clients.js';

/**
 * Setting names (lower case, without `-`, `_`, `.`, quotes) whose value generates the schema,
 * and the values of each that drop it first (or only drop it): Hibernate's and Grails'
 * `create` drops before it creates, JPA's and Quarkus' `create` does not.
 */
const DROPPING: [RegExp, RegExp][] = [
  [/(ddlauto|hbm2ddlauto|dbcreate)$/, /^(create|create[-_]?drop|drop)$/i],
  [/(schemagenerationdatabaseaction|hibernateorm\w*databasegeneration)$/, /^(drop[-_]and[-_]create|drop)$/i],
];
const drops = (k: string, v: string) => DROPPING.some(([name, value]) => name.test(k) && value.test(v));
/** A setting of the schema at all (its value decides). */
const schemaSetting = (k: string) => DROPPING.some(([name]) => name.test(k));
/** Setting names of the database's URL. */
const URL_SETTING = /(datasource(jdbc)?url|persistencejdbcurl|connectionurl)$|^(jdbc)?url$/;
/** Setting names of the active profiles or environments. */
const PROFILE_SETTING = /(profilesactive|runprofiles|quarkusprofile|micronautenvironments|grailsenv)$/;
/** A database that lives in the application's memory or a throwaway container. */
const IN_MEMORY = /^jdbc:(h2:mem:|hsqldb:mem:|derby:memory:|sqlite::memory:|tc:)/i;
/** Profiles of a test run. */
const TEST_PROFILE = /^(test|tests|testing|it|integration|integration-test|ci|h2|e2e|unit|local)$/i;
/** Programs that start a JVM application with the environment they are given. */
const LAUNCHER =
  /^(java|javaw|mvn|mvnw|gradle|gradlew|sbt|jbang|spring|quarkus|kotlin|groovy|grails|mn)$|\.(jar|sh)$/;

/** `key=value` anywhere in a text (also after `--`, `-D`, or another setting's `=`), and JSON's `"key": "value"`. */
const PAIR = /(?<=^|[\s,'"=])(?:--|-D)?([A-Za-z][\w.-]*)=(?=['"]?([^\s,'"]*))/g;
const JSON_PAIR = /"([\w.-]+)"\s*:\s*"([^"]*)"/g;
/** A YAML line's `key: value`, and a persistence.xml `<property name="…" value="…"/>`. */
const YAML_PAIR = /^[ \t]*([\w.-]+):[ \t]*['"]?([^\s'"#]+)/gm;
const XML_PAIR = /name="([\w.-]+)"\s+value="([^"]*)"/g;
/** Configuration files the application reads at start (Spring's, Hibernate's, JPA's). */
const CONFIG_FILE =
  /(^|\/)((application|bootstrap)(-[\w-]+)?\.(properties|ya?ml)|hibernate\.properties|persistence\.xml)$/;

const key = (k: string) => k.toLowerCase().replace(/[-_."]/g, '');
/**
 * What every schema setting's normalized name holds (see DROPPING): a text whose normalized
 * form holds none of these gives no schema setting, so its settings need not be read. (A
 * setting's normalized name is a piece of its text's normalized form.)
 */
const SCHEMA_WORDS = /ddlauto|dbcreate|databaseaction|databasegeneration/;

/** The settings a text gives, as [normalized name, value, name as written]. */
function settings(text: string): [string, string, string][] {
  return [PAIR, JSON_PAIR, YAML_PAIR, XML_PAIR].flatMap((re) =>
    [...text.matchAll(re)].map((m): [string, string, string] => [key(m[1]), m[2], m[1]]),
  );
}

/** The schema recreations `cmd` starts; empty = none, or only against a throwaway database. */
export function schemaAutoOps(cmd: NormalizedCommand): FrameworkOp[] {
  if (TEXT_TOOLS.has(cmd.program)) return [];
  const texts = cmd.argv.slice(1);
  // what the application it starts reads besides its words: the environment, and the
  // configuration files this script wrote
  if (LAUNCHER.test(cmd.program) || cmd.argv[0]?.includes('/')) {
    texts.push(...Object.entries(cmd.vars ?? {}).map(([k, v]) => `${k}=${v}`));
    for (const [path, text] of Object.entries(cmd.files ?? {}))
      if (text !== null && CONFIG_FILE.test(path)) texts.push(text);
  }
  // Most commands name no schema setting: their words are not read pair by pair (the same
  // result, found without four pattern passes over every word).
  if (!SCHEMA_WORDS.test(key(texts.join('\n')))) return [];
  const all = texts.flatMap(settings);
  // fail closed: a value the shell fills in (`ddl-auto=$MODE`) may be `create`
  const recreate = all.find(([k, v]) => drops(k, v) || (schemaSetting(k) && v.startsWith('$')));
  if (!recreate) return [];
  const url = all.find(([k]) => URL_SETTING.test(k))?.[1];
  const profiles = all
    .filter(([k]) => PROFILE_SETTING.test(k))
    .flatMap(([, v]) => v.split(','))
    .filter(Boolean);
  if (
    url !== undefined
      ? IN_MEMORY.test(url)
      : profiles.length > 0 && profiles.every((p) => TEST_PROFILE.test(p))
  )
    return [];
  const target = url !== undefined ? maskTarget(url) : profiles.length ? `profile ${profiles.join(',')}` : '';
  return [
    {
      tool: cmd.program,
      statement: 'RESET',
      object: 'SCHEMA',
      name: '',
      where: true,
      target,
      evidence: `${cmd.program} ${recreate[2]}=${recreate[1]}`,
    },
  ];
}

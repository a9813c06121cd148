/**
 * Applications started with their ORM told to recreate the schema
 * (src/extract/sql-schema-auto.ts): Spring Boot's ddl-auto, Hibernate's hbm2ddl.auto, JPA's
 * schema-generation action, Quarkus' database.generation, Grails' dbCreate, as options,
 * system properties, a container's or the launcher's environment, or inside build tool
 * arguments; not against an in-memory database or under test profiles only. Through the real
 * pipeline with the databases pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('databases');
const ASK = 'ask databases/framework-reset';

describe('schema recreated at start', () => {
  it.each([
    'env SPRING_PROFILES_ACTIVE=prod java -jar build/libs/orders.jar --spring.jpa.hibernate.ddl-auto=create-drop --spring.datasource.url=jdbc:postgresql://orders-db.prod.internal:5432/orders',
    'java -Dspring.jpa.hibernate.ddl-auto=create -jar build/libs/app.jar --spring.profiles.active=prod',
    'SPRING_JPA_HIBERNATE_DDL_AUTO=create-drop java -jar target/orders.jar',
    'export SPRING_PROFILES_ACTIVE=prod SPRING_JPA_HIBERNATE_DDLAUTO=create\njava -jar app.jar',
    'JAVA_TOOL_OPTIONS="-Dhibernate.hbm2ddl.auto=create" ./bin/billing-service',
    './mvnw spring-boot:run -Dspring-boot.run.arguments="--spring.jpa.hibernate.ddl-auto=create --spring.datasource.url=jdbc:mysql://db.prod.example.com:3306/shop"',
    "./gradlew bootRun --args='--spring.jpa.hibernate.ddl-auto=create-drop --spring.profiles.active=production'",
    'docker run -e SPRING_JPA_HIBERNATE_DDL_AUTO=create -e SPRING_PROFILES_ACTIVE=prod registry.example.com/orders:1.4',
    'kubectl set env deployment/orders SPRING_JPA_HIBERNATE_DDL_AUTO=create',
    `SPRING_APPLICATION_JSON='{"spring":{"jpa":{"hibernate":{"ddl-auto":"create"}}}}' java -jar app.jar`,
    'java -Djakarta.persistence.schema-generation.database.action=drop-and-create -jar target/app.jar',
    'java -Dquarkus.hibernate-orm.database.generation=drop-and-create -jar target/quarkus-app/quarkus-run.jar',
    'grails -Dgrails.env=production -DdataSource.dbCreate=create-drop run-app',
    // a configuration file this script wrote, then the application started
    "cat > src/main/resources/application-prod.yml <<'EOF'\nspring:\n  jpa:\n    hibernate:\n      ddl-auto: create-drop\nEOF\n./mvnw spring-boot:run -Dspring-boot.run.profiles=prod",
    `printf '<property name="jakarta.persistence.schema-generation.database.action" value="drop-and-create"/>' > META-INF/persistence.xml && java -jar app.jar`,
    // fail closed: a value the shell fills in may be `create`
    'java -jar app.jar --spring.jpa.hibernate.ddl-auto=$DDL_MODE',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe(ASK);
  });

  it.each([
    'java -jar app.jar --spring.jpa.hibernate.ddl-auto=validate --spring.profiles.active=prod',
    'java -jar app.jar --spring.jpa.hibernate.ddl-auto=update',
    'java -Dspring.jpa.hibernate.ddl-auto=none -jar build/libs/app.jar',
    'java -Djakarta.persistence.schema-generation.database.action=create -jar app.jar',
    // a throwaway database, or test profiles only
    'java -jar app.jar --spring.jpa.hibernate.ddl-auto=create-drop --spring.datasource.url=jdbc:h2:mem:testdb',
    'java -jar app.jar --spring.jpa.hibernate.ddl-auto=create --spring.datasource.url=jdbc:tc:postgresql:16:///orders',
    'SPRING_PROFILES_ACTIVE=test ./mvnw spring-boot:run -Dspring-boot.run.arguments=--spring.jpa.hibernate.ddl-auto=create-drop',
    "./gradlew bootRun --args='--spring.jpa.hibernate.ddl-auto=create-drop --spring.profiles.active=test,h2'",
    "cat > application.yml <<'EOF'\nspring:\n  datasource:\n    url: jdbc:h2:mem:orders\n  jpa:\n    hibernate:\n      ddl-auto: create-drop\nEOF\njava -jar app.jar",
    // the setting only written or searched, or set for a program that starts no application
    "grep -rn 'ddl-auto=create' src/main/resources",
    "echo 'spring.jpa.hibernate.ddl-auto=create' >> notes.txt",
    'export SPRING_JPA_HIBERNATE_DDL_AUTO=create\nls target',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});

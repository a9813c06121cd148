/** GRANT statements (src/extract/sql-grant.ts): every privilege granted widely reads as object ALL. */
import { describe, expect, it } from 'vitest';
import { classifySql } from '../../src/extract/sql-statements.js';

const grant = (sql: string) => classifySql(sql, 'mysql').map((s) => [s.statement, s.object, s.name]);

describe('GRANT', () => {
  it.each<[string, string[][]]>([
    ["GRANT ALL PRIVILEGES ON *.* TO 'app'@'%' WITH GRANT OPTION", [['GRANT', 'ALL', "'app'@'%'"]]],
    ["grant all on shop.* to 'svc'@'%' identified by 'x'", [['GRANT', 'ALL', "'svc'@'%'"]]],
    ["GRANT ALL ON *.* TO 'root'@'localhost'", [['GRANT', 'ALL', "'root'@'localhost'"]]],
    ["GRANT SUPER ON *.* TO 'ops'@'10.0.0.1'", [['GRANT', 'ALL', "'ops'@'10.0.0.1'"]]],
    ['GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC', [['GRANT', 'ALL', 'PUBLIC']]],
    // narrower grants
    ["GRANT SELECT ON shop.* TO 'ro'@'localhost'", [['GRANT', '', "'ro'@'localhost'"]]],
    ["GRANT SELECT, INSERT ON *.* TO 'etl'@'%'", [['GRANT', '', "'etl'@'%'"]]],
    ["GRANT ALL PRIVILEGES ON shop.* TO 'app'@'localhost'", [['GRANT', '', "'app'@'localhost'"]]],
    ['GRANT ALL PRIVILEGES ON DATABASE app TO app', [['GRANT', '', 'app']]],
    ['GRANT reporting TO alice', [['GRANT', '', 'alice']]],
  ])('%s', (sql, want) => expect(grant(sql)).toEqual(want));
});

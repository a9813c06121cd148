/**
 * A database server's audit or statement log switched off (src/extract/sql-audit.ts):
 * the settings that record what is done, set to off; other settings, and lower log levels, are not.
 */
import { describe, expect, it } from 'vitest';
import { auditOff } from '../../src/extract/sql-audit.js';
import { classifySql } from '../../src/extract/sql-statements.js';

describe('auditOff', () => {
  it.each([
    [`ALTER SYSTEM SET pgaudit.log = 'none'`, 'pgaudit.log'],
    [`ALTER SYSTEM SET log_statement TO 'none'`, 'log_statement'],
    [`alter system set logging_collector = off`, 'logging_collector'],
    [`ALTER SYSTEM SET log_min_duration_statement = -1`, 'log_min_duration_statement'],
    [`ALTER DATABASE prod SET pgaudit.log = 'none'`, 'pgaudit.log'],
    [`ALTER ROLE app SET log_statement = 'none'`, 'log_statement'],
    [`-- quiet\nSET GLOBAL general_log = OFF`, 'general_log'],
    [`SET PERSIST audit_log_disable = 'OFF'`, 'audit_log_disable'],
    [`SET GLOBAL sql_log_off = ON`, 'sql_log_off'],
    [`ALTER SYSTEM SET audit_trail = NONE SCOPE = SPFILE`, 'audit_trail'],
    [`NOAUDIT ALL`, 'audit'],
    [`UNINSTALL PLUGIN audit_log`, 'audit_log'],
    [`ALTER SERVER AUDIT prod_audit WITH (STATE = OFF)`, 'audit'],
    [`ALTER DATABASE AUDIT SPECIFICATION spec WITH (STATE = OFF)`, 'audit'],
    // not switched off: other settings, a lower or a fuller level, logging switched on
    [`ALTER SYSTEM SET work_mem = '64MB'`, undefined],
    [`ALTER SYSTEM SET log_statement = 'ddl'`, undefined],
    [`ALTER SYSTEM SET pgaudit.log = 'write, ddl'`, undefined],
    [`SET GLOBAL general_log = ON`, undefined],
    [`SET GLOBAL sql_log_off = OFF`, undefined],
    [`ALTER SERVER AUDIT prod_audit WITH (STATE = ON)`, undefined],
    [`SET search_path = app`, undefined],
    [`SELECT 'NOAUDIT'`, undefined],
  ])('%s → %s', (sql, want) => {
    expect(auditOff(sql)?.name).toBe(want);
  });

  it('is one of the statements classifySql reads, SET included', () => {
    expect(classifySql(`SET GLOBAL general_log = OFF; SELECT 1`, 'mysql')[0]).toEqual({
      statement: 'NOAUDIT',
      object: '',
      name: 'general_log',
      where: true,
    });
  });
});

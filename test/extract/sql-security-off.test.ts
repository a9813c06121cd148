/**
 * Access policies lifted, in SQL (src/extract/sql-security-off.ts): row-level security off,
 * policies dropped or opened to everyone, roles exempted. Turning them on and policies that
 * filter stay statements of their own kind.
 */
import { describe, expect, it } from 'vitest';
import { classifySql } from '../../src/extract/sql-statements.js';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('databases');

const read = (sql: string) => classifySql(sql, 'postgresql').map((s) => [s.statement, s.object, s.name]);

describe('securityOff, read as a NOSECURITY statement', () => {
  it.each<[string, string[]]>([
    [`ALTER TABLE public.customers DISABLE ROW LEVEL SECURITY`, ['NOSECURITY', 'RLS', 'public.customers']],
    [
      `alter table if exists only billing.invoices no force row level security`,
      ['NOSECURITY', 'RLS', 'billing.invoices'],
    ],
    [
      `DROP POLICY IF EXISTS tenant_isolation ON public.documents`,
      ['NOSECURITY', 'POLICY', 'tenant_isolation'],
    ],
    [
      `CREATE POLICY "Allow all" ON public.orders FOR ALL TO anon USING (true) WITH CHECK (true)`,
      ['NOSECURITY', 'POLICY', 'Allow all'],
    ],
    [`CREATE POLICY p ON t FOR UPDATE USING (1 = 1)`, ['NOSECURITY', 'POLICY', 'p']],
    [`CREATE POLICY p ON t FOR INSERT TO public WITH CHECK (true)`, ['NOSECURITY', 'POLICY', 'p']],
    [`ALTER ROLE api_user WITH BYPASSRLS`, ['NOSECURITY', 'BYPASS', 'api_user']],
    [`CREATE ROLE etl LOGIN BYPASSRLS`, ['NOSECURITY', 'BYPASS', 'etl']],
    [
      `ALTER TABLE sales.customers DROP ROW ACCESS POLICY region_policy`,
      ['NOSECURITY', 'POLICY', 'region_policy'],
    ],
    [`ALTER TABLE sales.customers DROP ALL ROW ACCESS POLICIES`, ['NOSECURITY', 'POLICY', 'sales.customers']],
    [`ALTER TABLE users MODIFY COLUMN email UNSET MASKING POLICY`, ['NOSECURITY', 'POLICY', 'users']],
    [`DROP MASKING POLICY email_mask`, ['NOSECURITY', 'POLICY', 'email_mask']],
    [
      `ALTER SECURITY POLICY rls.TenantFilter WITH (STATE = OFF)`,
      ['NOSECURITY', 'POLICY', 'rls.TenantFilter'],
    ],
    [`DROP SECURITY POLICY rls.TenantFilter`, ['NOSECURITY', 'POLICY', 'rls.TenantFilter']],
    [`BEGIN DBMS_RLS.DROP_POLICY('HR', 'EMPLOYEES', 'EMP_VPD'); END`, ['NOSECURITY', 'POLICY', 'EMP_VPD']],
    [`EXEC DBMS_RLS.ENABLE_POLICY('HR', 'EMPLOYEES', 'EMP_VPD', FALSE)`, ['NOSECURITY', 'POLICY', 'EMP_VPD']],
    [`GRANT EXEMPT ACCESS POLICY TO app_owner`, ['NOSECURITY', 'BYPASS', 'app_owner']],
  ])('%s', (sql, want) => expect(read(sql)).toEqual([want]));

  it.each([
    `ALTER TABLE public.customers ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE public.customers FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY own_rows ON public.documents FOR SELECT USING (owner_id = auth.uid())`,
    `CREATE POLICY read_catalog ON public.products FOR SELECT USING (true)`,
    `CREATE POLICY p ON t FOR ALL TO app_user USING (true)`,
    `CREATE POLICY p ON t AS RESTRICTIVE FOR ALL USING (true)`,
    `CREATE POLICY p ON t FOR UPDATE USING (tenant_id = current_setting('app.tenant')::int)`,
    `ALTER ROLE api_user NOBYPASSRLS`,
    `ALTER ROLE api_user SET search_path = bypassrls`,
    `EXEC DBMS_RLS.ENABLE_POLICY('HR', 'EMPLOYEES', 'EMP_VPD', TRUE)`,
    `SELECT 'ALTER TABLE t DISABLE ROW LEVEL SECURITY'`,
  ])('not: %s', (sql) => expect(read(sql).filter(([s]) => s === 'NOSECURITY')).toEqual([]));
});

describe('every route the SQL reader is reached by judges them the same', () => {
  it.each<[string, string]>([
    [
      `psql "$SUPABASE_DB_URL" -c 'ALTER TABLE public.customers DISABLE ROW LEVEL SECURITY;'`,
      'ask databases/row-security-off',
    ],
    [
      `cat > migrations/0007_open.sql <<'EOF'\nDROP POLICY tenant_isolation ON public.documents;\nEOF\npsql "$DATABASE_URL" -f migrations/0007_open.sql`,
      'ask databases/row-security-off',
    ],
    [`psql -U postgres <<'SQL'\nALTER ROLE api_user BYPASSRLS;\nSQL`, 'ask databases/row-security-off'],
    [
      `node -e "require('pg').Pool().query('ALTER TABLE profiles DISABLE ROW LEVEL SECURITY')"`,
      'ask databases/row-security-off',
    ],
    [`psql -c 'ALTER TABLE public.customers ENABLE ROW LEVEL SECURITY'`, 'allow'],
    [`psql -d app -c '\\d+ public.documents'`, 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});

/**
 * An application's account made an administrator (src/extract/privilege-app-admin.ts): by SQL
 * and from ORM code a framework's shell runs, through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
/** The decision and the rules that made it. */
const verdict = (script: string) => {
  const d = engine.analyze(script, E2E_CONTEXT);
  return [d.decision, ...new Set(d.findings.map((f) => f.rule))].join(' ');
};

describe('application admin grants', () => {
  it.each<[string, string]>([
    [
      `ssh app01.prod.example.com 'cd /srv/app && .venv/bin/python manage.py shell -c "from django.contrib.auth.models import User; User.objects.filter(username=\\"contractor\\").update(is_superuser=True, is_staff=True)"'`,
      'ask privilege/grant-admin',
    ],
    [
      `python manage.py shell <<'EOF'\nfrom django.contrib.auth.models import User\nu = User.objects.get(username='svc')\nu.is_superuser = True\nu.save()\nEOF`,
      'ask privilege/grant-admin',
    ],
    [
      `python manage.py shell -c 'User.objects.create_superuser("ops", "o@example.com", "fake-pass")'`,
      'ask privilege/grant-admin',
    ],
    [
      `RAILS_ENV=production bundle exec rails runner 'User.find_by(email: "x@example.com").update!(admin: true)'`,
      'ask privilege/grant-admin',
    ],
    [`rails runner 'User.find(3).update_attribute(:admin, true)'`, 'ask privilege/grant-admin'],
    [`rails runner 'User.find(3).add_role(:admin)'`, 'ask privilege/grant-admin'],
    [
      `php artisan tinker --execute="User::where('email','x@example.com')->update(['is_admin' => true]);"`,
      'ask privilege/grant-admin',
    ],
    [`php artisan tinker --execute="User::find(5)->assignRole('super-admin');"`, 'ask privilege/grant-admin'],
    [
      `node -e 'await prisma.user.update({ where: { id: 1 }, data: { isAdmin: true } })'`,
      'ask privilege/grant-admin',
    ],
    [
      `psql -h db.prod.example.com -c "UPDATE auth_user SET is_superuser = true, is_staff = true WHERE username = 'c'"`,
      'ask databases/grant-admin',
    ],
    [
      `mysql -h db.prod.example.com -e "UPDATE users SET role = 'admin' WHERE email = 'x@example.com'"`,
      'ask databases/grant-admin',
    ],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    `python manage.py shell -c "from django.contrib.auth.models import User; print(User.objects.filter(is_superuser=True).count())"`,
    `python manage.py shell -c "User.objects.filter(username='old').update(is_superuser=False, is_staff=False)"`,
    `python manage.py shell -c "User.objects.filter(is_staff=True).update(is_active=False)"`,
    `rails runner 'puts User.where(admin: true).pluck(:email)'`,
    `node -e 'await prisma.user.updateMany({ where: { isAdmin: true }, data: { lastSeen: null } })'`,
    `psql -h db.prod.example.com -c "SELECT username FROM auth_user WHERE is_superuser = true"`,
    `psql -c "UPDATE users SET is_admin = false WHERE id = 3"`,
    `psql -c "UPDATE users SET last_login = now() WHERE is_admin = true"`,
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});

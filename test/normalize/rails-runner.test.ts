/**
 * Ruby run inside a Rails application (src/normalize/rails-runner.ts): `rails runner CODE|FILE`
 * and `rails console` fed a script, also as `gitlab-rails` and `bin/rails`; the code is read as
 * Ruby and kept on the command for the ORM readers. Other rails commands read no code.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const run = (script: string) => normalizeIn(ctx, script).commands;
const argvs = (script: string) => run(script).map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);

describe('rails runner and console: what the code runs', () => {
  it.each<[string, string]>([
    [`bin/rails runner 'system("rm -rf /srv/app")'`, 'rm -rf /srv/app'],
    [
      `sudo gitlab-rails runner -e production "FileUtils.rm_rf('/var/opt/gitlab/backups')"`,
      'rm -rf /var/opt/gitlab/backups',
    ],
    [
      `cat > /tmp/x.rb <<'EOF'\nsystem('rm -rf /srv/app')\nEOF\ngitlab-rails runner /tmp/x.rb`,
      'rm -rf /srv/app',
    ],
    [`gitlab-rails console <<'EOF'\n\`rm -rf /srv/app\`\nEOF`, 'rm -rf /srv/app'],
    [
      `RAILS_ENV=production bundle exec rails r --environment=production 'system "rm -rf /srv/app"'`,
      'rm -rf /srv/app',
    ],
  ])('%s', (script, want) => expect(argvs(script)).toContain(want));

  it.each<[string, string]>([
    // the code a written file holds is kept on the command (for the ORM and SDK readers)
    [
      `cat > /tmp/p.rb <<'EOF'\nProject.find(7).destroy!\nEOF\nsudo gitlab-rails runner /tmp/p.rb`,
      'Project.find(7).destroy!\n',
    ],
  ])('%s keeps its source', (script, want) =>
    expect(run(script).find((c) => c.program === 'gitlab-rails')?.source).toBe(want),
  );

  it.each<[string, string[]]>([
    [`gitlab-rails runner 'puts Project.count'`, [`gitlab-rails runner puts Project.count`]],
    ['bin/rails db:migrate', ['bin/rails db:migrate']],
    ['rails server -e production', ['rails server -e production']],
    ['rails runner -h', ['rails runner -h']],
    // a runner script on disk is the project's own code: not read, not unknown
    ['bin/rails runner script/report.rb', ['bin/rails runner script/report.rb']],
  ])('%s runs nothing else', (script, want) => expect(argvs(script)).toEqual(want));
});

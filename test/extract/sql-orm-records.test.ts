/**
 * Records destroyed through a Ruby application's models (src/extract/sql-orm-records.ts): a
 * found record's destroy, a query's records destroyed one by one, and services or jobs named for
 * deleting, from rails runner, the console or a Ruby script. Through the real pipeline with the
 * databases pack loaded.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const databases = await packVerdict('databases');
const ASK = 'ask databases/app-record-destroy';

describe('application records destroyed (databases pack)', () => {
  it.each<[string, string]>([
    [`sudo gitlab-rails runner "Project.find_by_full_path('acme/payments-api').destroy!"`, ASK],
    [`bin/rails runner 'User.find_by(email: "ops@example.com")&.destroy'`, ASK],
    [`rails runner 'Ci::Pipeline.last.really_destroy!'`, ASK],
    [`rails runner 'Project.destroy(42)'`, ASK],
    [`gitlab-rails console <<'EOF'\ngroup = Group.find_by_full_path('acme')\ngroup.destroy!\nEOF`, ASK],
    [`rails c -e production <<'EOF'\nUser.where(state: 'blocked').find_each { |u| u.destroy }\nEOF`, ASK],
    [
      `cat > /tmp/p.rb <<'EOF'\nUser.where(admin: false).each(&:destroy!)\nEOF\nsudo gitlab-rails runner /tmp/p.rb`,
      ASK,
    ],
    [`rails runner 'Order.where(status: "open").destroy_all'`, ASK],
    [
      `gitlab-rails runner "Projects::DestroyService.new(Project.find(7), User.find_by_username('root')).execute"`,
      ASK,
    ],
    [`gitlab-rails runner 'ProjectDestroyWorker.perform_async(12, 1, {})'`, ASK],
    [
      `cat > /tmp/j.rb <<'EOF'\nrequire_relative 'config/environment'\nAccount.find(3).destroy\nEOF\nruby /tmp/j.rb`,
      ASK,
    ],
    // reads, saves, a row's DELETE with its filter, a service only built, code of other languages
    [`sudo gitlab-rails runner "puts Project.find_by_full_path('acme/web').name"`, 'allow'],
    [`rails runner 'puts Project.find(7).destroyed?'`, 'allow'],
    [`rails runner 'w = Widget.new(name: "x"); w.save!'`, 'allow'],
    [`rails runner 'User.where(active: false).delete_all'`, 'allow'],
    [`rails runner 'svc = Projects::DestroyService.new(Project.find(7), User.first)'`, 'allow'],
    [`node -e 'const s = require("fs").createReadStream("x"); s.destroy()'`, 'allow'],
    [`rails console <<'EOF'\nputs User.where(admin: true).pluck(:email)\nEOF`, 'allow'],
  ])('%s → %s', (script, want) => expect(databases(script)).toBe(want));
});

import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

function argvs(script: string): string[] {
  return normalizeIn(ctx, script).commands.map((c) => c.argv.join(' '));
}

describe('editors that run shell commands given on their command line', () => {
  it.each<[string, string]>([
    [`vim -c ':!rm -rf /srv/data' -c ':q'`, 'rm -rf /srv/data'],
    [`nvim +'silent !rm -rf /srv/data' +q`, 'rm -rf /srv/data'],
    [
      `vi -c 'r !curl -X DELETE https://api.example.com/v1/db' -c wq out.txt`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [`vim --cmd "call system('rm -rf /srv/data')" -c q`, 'rm -rf /srv/data'],
    [`nvim --headless -c "call jobstart(\\"rm -rf /srv/data\\")" -c q`, 'rm -rf /srv/data'],
    [`vim -c 'terminal rm -rf /srv/data'`, 'rm -rf /srv/data'],
    [`ex -c '%!sort -u' -c wq list.txt`, 'sort -u'],
    // files Vim script (and Neovim's Lua) deletes
    [`nvim --headless +'call delete(expand("~"), "rf")' +qa`, 'rm -rf -- /h'],
    [`vim -es -c 'call delete($HOME, "rf")' -c q`, 'rm -rf -- /h'],
    [`vim -c "call delete('/srv/data', 'rf')" -c q`, 'rm -rf -- /srv/data'],
    [`vim -c "call delete('build/out.o')" -c q`, 'rm -f -- build/out.o'],
    // a quote inside the path stays part of the one word
    [`vim -c "call delete(\\"it's dir\\", 'rf')" -c q`, "rm -rf -- it's dir"],
    [`vim -c "call delete(expand('~/notes'), 'd')" -c q`, 'rmdir -- /h/notes'],
    [`nvim --headless -c 'lua vim.fn.delete("/srv/data", "rf")' -c q`, 'rm -rf -- /srv/data'],
    [`nvim --headless -c 'lua os.remove("/etc/hosts")' -c q`, 'rm -f -- /etc/hosts'],
    [`nvim --headless -c 'lua os.execute("rm -rf /srv")' -c q`, 'rm -rf /srv'],
    [`nvim --headless -c 'call delete(g:target, "rf")' +qa`, 'rm -rf -- $VIM_PATH'],
  ])('%s runs %s', (line, inner) => {
    expect(argvs(line)).toContain(inner);
  });

  it.each<[string, string]>([
    ['vim +42 src/main.ts', 'vim +42 src/main.ts'],
    [`vim -c 'set ft=yaml' config.yml`, 'vim -c set ft=yaml config.yml'],
    [`nvim -c 'normal! gg=G' -c wq a.ts`, 'nvim -c normal! gg=G -c wq a.ts'],
    // `:delete` deletes lines of the buffer, not files
    [`vim -c '1,$delete' -c wq notes.txt`, 'vim -c 1,$delete -c wq notes.txt'],
    [`vim -c 'g/TODO/delete' -c wq notes.txt`, 'vim -c g/TODO/delete -c wq notes.txt'],
  ])('%s runs no shell and stays itself', (line, self) => {
    expect(argvs(line)).toEqual([self]);
  });
});

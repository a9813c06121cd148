/**
 * `docker|podman run IMAGE CMD…` (src/normalize/container-run.ts): the command a new
 * container runs is walked with the container's mounts and working directory; an image
 * whose entry point is a client gets its words as that program's arguments; an option
 * whose shape is not known is read every way it could be. `nsenter -m` leaves the
 * container's files.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each command in a container as `argv @cwd [mounts]`; others as `argv`. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) =>
    c.container
      ? `${c.argv.join(' ')} @${c.cwd} [${c.container.map((m) => `${m.volume ? 'vol:' : ''}${m.source || '?'}→${m.target}`).join(' ')}]`
      : c.argv.join(' '),
  );
}

describe('docker run carries its command into a new container', () => {
  it.each<[string, string]>([
    [
      "docker run --rm postgres psql -h db.prod -c 'DROP DATABASE app'",
      'psql -h db.prod -c DROP DATABASE app @/ []',
    ],
    ['docker run --rm -v /srv/data:/data:ro alpine ls /data', 'ls /data @/ [/srv/data→/data]'],
    ['docker run -v ./out:/out -w /out alpine rm -f x', 'rm -f x @/out [/w/out→/out]'],
    ['docker run -v pgdata:/var/lib/pg -v /etc:/e alpine true', 'true @/ [vol:pgdata→/var/lib/pg /etc→/e]'],
    ['docker run --mount type=bind,src=/home,dst=/h alpine true', 'true @/ [/home→/h]'],
    ['docker run --mount type=volume,source=db,target=/db alpine true', 'true @/ [vol:db→/db]'],
    ['docker run --mount type=tmpfs,target=/t --tmpfs /s alpine true', 'true @/ []'],
    ['docker run -v $DIR:/d alpine true', 'true @/ [?→/d]'],
    ['docker run --volumes-from pg alpine true', 'true @/ [vol:pg→/]'],
    ['docker run --entrypoint psql postgres -c x', 'psql -c x @/ []'],
    [
      'docker run curlimages/curl:8.8.0 -X DELETE https://a.example/x',
      'curl -X DELETE https://a.example/x @/ []',
    ],
    ['docker run curlimages/curl curl -s https://a.example', 'curl -s https://a.example @/ []'],
    ['docker run amazon/aws-cli s3 ls', 'aws s3 ls @/ []'],
    [
      'docker run migrate/migrate -path /m -database x down -all',
      'migrate -path /m -database x down -all @/ []',
    ],
    ['podman container run -it --rm --name x -e A=1 fedora dnf clean all', 'dnf clean all @/ []'],
    ["docker run alpine sh -c 'rm -rf /tmp/x'", 'rm -rf /tmp/x @/ []'],
    ['docker run --rm "$IMAGE" psql -c x', 'psql -c x @/ []'],
  ])('%s', (script, want) => {
    expect(commands(script)).toContain(want);
  });

  it.each<[string, string[]]>([
    // an option this table does not know, without `=`: a flag, or taking the next word
    [
      "docker run --brand-new-flag val postgres psql -c 'DROP DATABASE a'",
      ['postgres psql -c DROP DATABASE a @/ []', 'psql -c DROP DATABASE a @/ []'],
    ],
    ['docker run --brand-new-flag alpine rm -rf /x', ['rm -rf /x @/ []', '-rf /x @/ []']],
    // a word not known statically: the image, or options of any shape (mounts anywhere)
    ['docker run $OPTS alpine rm -rf /x', ['alpine rm -rf /x @/ []', 'rm -rf /x @/ [?→/]']],
    ['docker run --name=x -$FLAGS alpine rm -rf /x', ['rm -rf /x @/ [?→/]']],
    ['docker run "--$FLAG" alpine rm -rf /x', ['rm -rf /x @/ [?→/]', '-rf /x @/ [?→/]']],
    // two unknown options, each with its value: the reading that takes both finds the image
    [
      "docker run --aa 1 --bb 2 postgres psql -c 'DROP DATABASE a'",
      [
        '--bb 2 postgres psql -c DROP DATABASE a @/ []',
        'postgres psql -c DROP DATABASE a @/ []',
        'psql -c DROP DATABASE a @/ []',
      ],
    ],
    // four readings at most: the first (every such option a flag) is always among them
    ['docker run --a --b --c --d postgres psql -c x', Array<string>(4).fill('psql -c x @/ []')],
  ])('%s is read every way it could be', (script, want) => {
    expect(
      commands(script)
        .filter((c) => c.includes('@'))
        .sort(),
    ).toEqual([...want].sort());
  });

  it.each<[string]>([
    // the image's own command: nothing carried
    ['docker run -d -p 8080:80 nginx'],
    ['docker run -d --brand-new-flag nginx'],
  ])('%s carries nothing', (script) => {
    expect(commands(script).some((c) => c.includes('@'))).toBe(false);
  });

  it('nsenter -m inside it runs on the host files, not the container own', () => {
    const all = commands("docker run --privileged --pid=host alpine nsenter -t 1 -m sh -c 'rm -rf /x'");
    expect(all).toContain('rm -rf /x');
    expect(all.filter((c) => c.startsWith('rm '))).toEqual(['rm -rf /x']);
  });

  it('compose run is read like exec: paths of another machine', () => {
    const r = normalize(
      parseScript('docker compose run --rm -e X=1 api rails db:drop', DEFAULT_LIMITS),
      filesContext({}),
    );
    const rails = r.commands.find((c) => c.program === 'rails');
    expect(rails?.remote).toBe(true);
    expect(rails?.container).toBeUndefined();
  });
});

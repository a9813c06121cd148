/**
 * SDK calls that empty a store (src/extract/cloud-sdk-stores.ts): the Docker Engine SDKs'
 * prunes and removals judged as the docker commands they stand for (docker pack), and Delta
 * tables' vacuums under the retention window (saas pack). Through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const docker = await packVerdict('docker');
const saas = await packVerdict('saas');
const VOLUMES = 'ask docker/volume-delete';

describe('Docker Engine SDKs (docker pack)', () => {
  it.each<[string, string]>([
    [
      `python3 -c "import docker; c = docker.from_env(); c.containers.prune(); c.volumes.prune(filters={'all': True})"`,
      VOLUMES,
    ],
    [
      `python3 -c "import docker; docker.from_env().images.prune(filters={'dangling': False})"`,
      'ask docker/prune-all',
    ],
    [
      `python3 -c "import docker; f = load(); docker.from_env().images.prune(filters=f)"`,
      'ask docker/prune-all',
    ],
    [`python3 -c "import docker; docker.APIClient().prune_volumes()"`, VOLUMES],
    [
      `python3 -c "from podman import PodmanClient; PodmanClient().volumes.get('pg').remove(force=True)"`,
      VOLUMES,
    ],
    [
      `python3 - <<'EOF'\nimport docker\nc = docker.from_env()\nfor x in c.containers.list(all=True):\n    x.remove(force=True)\nEOF`,
      'ask docker/remove-every-container',
    ],
    [`node -e "const Docker = require('dockerode'); new Docker().pruneVolumes()"`, VOLUMES],
    [`node -e "const D = require('dockerode'); new D().getVolume('pgdata').remove()"`, VOLUMES],
    [
      `cat > /tmp/p.go <<'EOF'\npackage main\nimport "github.com/docker/docker/client"\nfunc main() {\n\tcli, _ := client.NewClientWithOpts(client.FromEnv)\n\tcli.VolumeRemove(ctx, "pgdata", true)\n}\nEOF\ngo run /tmp/p.go`,
      VOLUMES,
    ],
    // what the CLI allows: dangling images, stopped containers, one container, listings
    [`python3 -c "import docker; docker.from_env().images.prune()"`, 'allow'],
    [`python3 -c "import docker; docker.from_env().containers.prune()"`, 'allow'],
    [`python3 -c "import docker; docker.from_env().containers.get('web').remove(force=True)"`, 'allow'],
    [`python3 -c "import docker; print(docker.from_env().volumes.list())"`, 'allow'],
    [`node -e "const D = require('dockerode'); new D().listVolumes().then(console.log)"`, 'allow'],
  ])('%s → %s', (script, want) => expect(docker(script)).toBe(want));
});

describe('Delta table vacuums (saas pack)', () => {
  const ASK = 'ask saas/unknown-cli-destroy';
  it.each<[string, string]>([
    [
      `python3 -c "from deltalake import DeltaTable; DeltaTable('s3://lake/prod/events').vacuum(retention_hours=0, enforce_retention_duration=False, dry_run=False)"`,
      ASK,
    ],
    [
      `python3 -c "from deltalake import DeltaTable; DeltaTable('/data/t').vacuum(dry_run=False, retention_hours=h)"`,
      ASK,
    ],
    [
      `python3 - <<'EOF'\nfrom delta.tables import DeltaTable\nDeltaTable.forPath(spark, 's3://lake/t').vacuum(0)\nEOF`,
      ASK,
    ],
    [
      `python3 -c "from pyspark.sql import SparkSession; spark.sql('VACUUM prod.events RETAIN 0 HOURS')"`,
      ASK,
    ],
    // a dry run (delta-rs's default), the default retention, a retention over 7 days, a read
    [
      `python3 -c "from deltalake import DeltaTable; print(DeltaTable('s3://lake/prod/events').vacuum(retention_hours=0, enforce_retention_duration=False))"`,
      'allow',
    ],
    [
      `python3 -c "from deltalake import DeltaTable; DeltaTable('s3://lake/t').vacuum(dry_run=False)"`,
      'allow',
    ],
    [
      `python3 -c "from deltalake import DeltaTable; DeltaTable('s3://lake/t').vacuum(retention_hours=240, dry_run=False)"`,
      'allow',
    ],
    [
      `python3 - <<'EOF'\nfrom delta.tables import DeltaTable\nDeltaTable.forPath(spark, 's3://lake/t').vacuum()\nEOF`,
      'allow',
    ],
    [
      `python3 -c "from pyspark.sql import SparkSession; spark.sql('VACUUM prod.events RETAIN 0 HOURS DRY RUN')"`,
      'allow',
    ],
    [`python3 -c "from deltalake import DeltaTable; print(DeltaTable('/data/t').history(5))"`, 'allow'],
  ])('%s → %s', (script, want) => expect(saas(script)).toBe(want));
});

import { describe, expect, it } from 'vitest';
import type { CloudFact } from '../../src/engine/types.js';
import { extractCloud } from '../../src/extract/cloud.js';
import { instanceCount } from '../../src/extract/cloud-scale.js';
import { analyzeContext, command } from '../helpers/command.js';

const w = (s: string) => s.split(' ');

describe('instanceCount: the smallest instance count a command sets', () => {
  it.each<[string, number | undefined]>([
    ['kubectl scale deploy api --replicas=0', 0],
    ['kubectl scale deploy api --replicas 0', 0],
    ['kubectl scale deploy api --replicas=3', 3],
    ['kubectl scale deploy api --current-replicas=0 --replicas=2', 2],
    ['kubectl patch deploy api -p {"spec":{"replicas":0}}', 0],
    ['kubectl set env deploy/api REPLICAS=0', undefined],
    ['kubectl get deploy', undefined],
    ['fly scale count 0 --app api', 0],
    ['flyctl scale count web=2 worker=0', 0],
    ['fly scale count 2 --app api', 2],
    ['heroku ps:scale web=0 worker=1', 0],
    ['heroku ps:scale web=2:standard-1x', 2],
    ['heroku ps --app acme', undefined],
    ['aws ecs update-service --service api --desired-count 0', 0],
    ['aws eks update-nodegroup-config --scaling-config minSize=0,maxSize=1,desiredSize=1', 0],
    ['aws autoscaling update-auto-scaling-group --max-size 4', 4],
    ['gcloud run services update api --max-instances=0', 0],
    ['az aks scale -g rg -n aks1 --node-count 0', 0],
    ['docker service scale api=0 web=3', 0],
    ['docker compose up -d --scale worker=0', 0],
    ['docker run --rm alpine echo 0', undefined],
    ['aws ecs update-service --desired-count $N', undefined],
  ])('%s → %s', (line, want) => {
    const argv = w(line);
    expect(instanceCount(argv[0], argv)).toBe(want);
  });
});

describe('the cloud fact carries the count, and says "to zero"', () => {
  const ctx = analyzeContext();
  it.each<[string, number | undefined, boolean]>([
    ['kubectl scale deployment api --replicas=0 -n prod', 0, true],
    ['kubectl scale deployment api --replicas=5 -n prod', 5, false],
    ['kubectl delete deployment api', undefined, false],
    ['npx fly scale count 0', 0, true],
  ])('%s', (line, replicas, zero) => {
    const [f] = extractCloud(command(w(line)), ctx, []) as CloudFact[];
    expect(f.replicas).toBe(replicas);
    expect(f.evidence.includes('to zero')).toBe(zero);
  });
});

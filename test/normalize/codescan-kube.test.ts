/**
 * Kubernetes API clients in code (src/normalize/codescan-kube.ts), read as the `kubectl delete`
 * they amount to: client-go, the Python client and @kubernetes/client-node.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);

/** A Go program using client-go whose main body is `body` (cs is the clientset), run with go run. */
const GO = (body: string, imports = '"k8s.io/client-go/kubernetes"') =>
  `cat > main.go <<'EOF'\npackage main\nimport (\n\t"context"\n\tmetav1 "k8s.io/apimachinery/pkg/apis/meta/v1"\n\t${imports}\n)\nfunc main() {\n\tctx := context.TODO()\n${body}\n}\nEOF\ngo run main.go`;
const PY = (body: string) =>
  `python3 - <<'EOF'\nfrom kubernetes import client, config\nconfig.load_kube_config()\nv1 = client.CoreV1Api()\n${body}\nEOF`;
const JS = (body: string) =>
  `node -e 'const k8s = require("@kubernetes/client-node"); const kc = new k8s.KubeConfig(); kc.loadFromDefault(); const api = kc.makeApiClient(k8s.CoreV1Api); ${body}'`;

describe('Kubernetes clients read as kubectl deletes', () => {
  it.each<[string, string]>([
    [
      GO('\tcs.CoreV1().Namespaces().Delete(ctx, "payments", metav1.DeleteOptions{})'),
      'kubectl delete namespaces payments',
    ],
    [
      GO('\tcs.CoreV1().Pods("jobs").DeleteCollection(ctx, metav1.DeleteOptions{}, metav1.ListOptions{})'),
      'kubectl delete pods -n jobs --all',
    ],
    [
      GO('\t_ = cs.AppsV1().Deployments("prod").Delete(ctx, "api", metav1.DeleteOptions{})'),
      'kubectl delete deployments api -n prod',
    ],
    [
      GO('\tcs.CoreV1().PersistentVolumeClaims("data").Delete(ctx, "pg-0", metav1.DeleteOptions{})'),
      'kubectl delete persistentvolumeclaims pg-0 -n data',
    ],
    [
      GO('\tcs.CoreV1().Pods("web").Delete(ctx, "web-1", metav1.DeleteOptions{})'),
      'kubectl delete pods web-1 -n web',
    ],
    [PY('v1.delete_namespace(name="staging")'), 'kubectl delete namespace staging'],
    [PY('v1.delete_namespaced_pod("web-1", "default")'), 'kubectl delete pod web-1 -n default'],
    [PY('v1.delete_collection_namespaced_secret(namespace="prod")'), 'kubectl delete secret -n prod --all'],
    [
      PY('client.AppsV1Api().delete_namespaced_stateful_set(name="db", namespace="data")'),
      'kubectl delete statefulset db -n data',
    ],
    [
      PY(
        'client.CustomObjectsApi().delete_namespaced_custom_object("acme.io", "v1", "prod", "widgets", "w1")',
      ),
      'kubectl delete widgets w1 -n prod',
    ],
    [
      GO(
        '\tc.Delete(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "payments"}})',
        '"sigs.k8s.io/controller-runtime/pkg/client"',
      ),
      'kubectl delete namespace payments',
    ],
    [
      GO(
        '\tc.DeleteAllOf(ctx, &appsv1.Deployment{}, client.InNamespace("prod"))',
        '"sigs.k8s.io/controller-runtime/pkg/client"',
      ),
      'kubectl delete deployment -n prod --all',
    ],
    [JS('api.deleteNamespace({ name: "payments" })'), 'kubectl delete namespace payments'],
    [JS('api.deleteNamespacedPod("web-1", "default")'), 'kubectl delete pod web-1 -n default'],
    [
      JS('api.deleteCollectionNamespacedConfigMap({ namespace: "prod" })'),
      'kubectl delete configmap -n prod --all',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // fail closed: a name, a namespace or a kind not known statically
    [
      GO(
        '\tfor _, n := range names {\n\t\tcs.CoreV1().Namespaces().Delete(ctx, n, metav1.DeleteOptions{})\n\t}',
      ),
      'dynamic:kubectl delete namespaces',
    ],
    [
      GO(
        '\tdyn.Resource(gvr).Namespace("prod").Delete(ctx, "x", metav1.DeleteOptions{})',
        '"k8s.io/client-go/dynamic"',
      ),
      'dynamic:kubectl delete (resource) x -n prod',
    ],
    [JS('const name = process.argv[2]; api.deleteNamespace({ name })'), 'dynamic:kubectl delete namespace'],
  ])('%s is not known', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<string>([
    GO('\tpods, _ := cs.CoreV1().Pods("default").List(ctx, metav1.ListOptions{})\n\t_ = pods'),
    PY('print([n.metadata.name for n in v1.list_namespace().items])'),
    JS('api.listNamespace().then((r) => console.log(r.items.length))'),
    // another library's Delete: not a Kubernetes client
    `cat > main.go <<'EOF'\npackage main\nimport "cloud.google.com/go/firestore"\nfunc main() {\n\tc.Collection("users").Doc("a").Delete(ctx)\n}\nEOF\ngo run main.go`,
  ])('%s deletes nothing', (script) => expect(commands(script).filter((c) => /kubectl/.test(c))).toEqual([]));
});

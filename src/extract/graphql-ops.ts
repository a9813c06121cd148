/**
 * A GraphQL document → the top-level fields it would execute, using the `graphql`
 * package's parser. Aliases are seen through, fragment spreads and inline fragments on the
 * root type are expanded, literal arguments are flattened (`input.id`) and `$variables`
 * are resolved from the request's `variables`. A string argument that is itself a GraphQL
 * operation (`bulkOperationRunMutation(mutation: "mutation { productDelete … }")`) is read
 * too: the server runs it, so its fields count like the carrier's own. A namespaced
 * mutation's sub-fields that take arguments (`mutation { pages { delete(id: 1) } }`) count as
 * fields of their own (`pages.delete`).
 */
import { createRequire } from 'node:module';
import type * as Graphql from 'graphql';
import type { FragmentDefinitionNode, SelectionSetNode, ValueNode } from 'graphql';

/** The `graphql` package, loaded on the first GraphQL body (most sessions never see one; it is slow to load). */
let graphqlLib: typeof Graphql | undefined;
const gql = (): typeof Graphql =>
  (graphqlLib ??= createRequire(import.meta.url)('graphql') as typeof Graphql);

/** One top-level field of one operation. */
export interface GraphqlField {
  /** query | mutation | subscription */
  operation: string;
  /** Operation name as written; empty = anonymous. */
  operationName: string;
  /** Field name (not the alias). */
  field: string;
  /** Alias; empty = none. */
  alias: string;
  /** Flattened argument values; a `$var` with no value given stays as `$var`. */
  args: Record<string, string>;
  /** Field whose string argument carried this field's document (`bulkOperationRunMutation`); empty = sent directly. */
  carrier: string;
}

/** A GraphQL request: document, optional operation name and variables. */
export interface GraphqlPayload {
  query: string;
  /** Operation to run; empty = all operations in the document are considered. */
  operationName: string;
  /** Variables object; empty = none given. */
  variables: Record<string, unknown>;
}

const MAX_FRAGMENT_DEPTH = 16;
/** How deep documents carried in string arguments are followed. */
const MAX_CARRIED_DEPTH = 3;
/** A string argument that is a GraphQL operation rather than data. */
const OPERATION_TEXT = /^\s*(mutation|query|subscription)\b[^{]*\{/;

/** Returns the fields, or undefined when the document does not parse. */
export function graphqlFields(p: GraphqlPayload): GraphqlField[] | undefined {
  const out = fieldsOf(p);
  if (!out) return undefined;
  const carried: GraphqlField[] = [];
  const follow = (fields: GraphqlField[], depth: number) => {
    for (const f of fields) {
      for (const v of Object.values(f.args)) {
        if (!OPERATION_TEXT.test(v)) continue;
        // Its variables come with the carrier's job (a staged upload), not with this request.
        const inner = fieldsOf({ query: v, operationName: '', variables: {} });
        if (!inner) continue;
        for (const x of inner) x.carrier = f.field;
        carried.push(...inner);
        if (depth < MAX_CARRIED_DEPTH) follow(inner, depth + 1);
      }
    }
  };
  follow(out, 1);
  return [...out, ...carried];
}

function fieldsOf(p: GraphqlPayload): GraphqlField[] | undefined {
  const { Kind, parse } = gql();
  let doc;
  try {
    doc = parse(p.query, { noLocation: true, maxTokens: 50_000 });
  } catch {
    return undefined;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const named = p.operationName ? ops.filter((o) => o.name?.value === p.operationName) : [];
  // fail closed: an operationName that matches nothing does not hide the document's operations.
  const chosen = named.length ? named : ops;
  const out: GraphqlField[] = [];
  for (const op of chosen) {
    const collect = (set: SelectionSetNode, depth: number, seen: Set<string>) => {
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          const args: Record<string, string> = {};
          for (const a of sel.arguments ?? []) flattenValue(a.value, a.name.value, args, p.variables);
          out.push({
            operation: op.operation,
            operationName: op.name?.value ?? '',
            field: sel.name.value,
            alias: sel.alias?.value ?? '',
            args,
            carrier: '',
          });
          // A namespaced mutation (`pages { delete(id: 42) { … } }`, as Wiki.js groups them):
          // a root field without arguments whose sub-fields take arguments runs those
          // sub-fields as mutations, read as `pages.delete`.
          if (op.operation === 'mutation' && !sel.arguments?.length && sel.selectionSet)
            for (const sub of sel.selectionSet.selections) {
              if (sub.kind !== Kind.FIELD || !sub.arguments?.length) continue;
              const subArgs: Record<string, string> = {};
              for (const a of sub.arguments) flattenValue(a.value, a.name.value, subArgs, p.variables);
              out.push({
                operation: op.operation,
                operationName: op.name?.value ?? '',
                field: `${sel.name.value}.${sub.name.value}`,
                alias: sub.alias?.value ?? '',
                args: subArgs,
                carrier: '',
              });
            }
        } else if (depth < MAX_FRAGMENT_DEPTH) {
          if (sel.kind === Kind.INLINE_FRAGMENT) collect(sel.selectionSet, depth + 1, seen);
          else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
            const f = fragments.get(sel.name.value);
            if (f) collect(f.selectionSet, depth + 1, new Set([...seen, sel.name.value]));
          }
        }
      }
    };
    collect(op.selectionSet, 0, new Set());
  }
  return out;
}

function flattenValue(
  v: ValueNode,
  key: string,
  out: Record<string, string>,
  vars: Record<string, unknown>,
): void {
  const { Kind } = gql();
  switch (v.kind) {
    case Kind.VARIABLE:
      if (Object.prototype.hasOwnProperty.call(vars, v.name.value)) flattenJson(vars[v.name.value], key, out);
      else out[key] = `$${v.name.value}`;
      return;
    case Kind.OBJECT:
      if (!v.fields.length) out[key] = '{}';
      for (const f of v.fields) flattenValue(f.value, `${key}.${f.name.value}`, out, vars);
      return;
    case Kind.LIST:
      if (!v.values.length) out[key] = '[]';
      v.values.forEach((x, i) => flattenValue(x, `${key}.${i}`, out, vars));
      return;
    case Kind.NULL:
      out[key] = 'null';
      return;
    case Kind.BOOLEAN:
      out[key] = String(v.value);
      return;
    default:
      out[key] = v.value;
  }
}

/** Flattens a JSON value under `key` (objects → `key.sub`, arrays → `key.0`). */
export function flattenJson(v: unknown, key: string, out: Record<string, string>): void {
  if (Array.isArray(v)) {
    if (!v.length) out[key] = '[]';
    v.forEach((x, i) => flattenJson(x, `${key}.${i}`, out));
  } else if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (!entries.length) out[key] = '{}';
    for (const [k, x] of entries) flattenJson(x, `${key}.${k}`, out);
  } else out[key] = String(v);
}

/**
 * The id of the resource a field acts on, for messages and typed confirmation: the first
 * literal argument that names an id (`id`, `volumeId`, `input.repositoryId`, `project_id`),
 * else one named name/slug, else the only argument, else the field name itself.
 */
export function resourceOf(f: GraphqlField): string {
  const entries = Object.entries(f.args).filter(([, v]) => v !== '' && !v.startsWith('$'));
  const leaf = (k: string) =>
    k
      .split('.')
      .filter((s) => !/^\d+$/.test(s))
      .pop() ?? k;
  const byId = entries.find(([k]) => /^(id|ids|uuid)$|Id$|Ids$|_id$|_ids$/.test(leaf(k)));
  if (byId) return byId[1];
  const byName = entries.find(([k]) => /^(name|slug|key)$|Name$|_name$/.test(leaf(k)));
  if (byName) return byName[1];
  // A lone flag (`purgeBackups(all: true)`) names nothing; the field name is clearer.
  if (entries.length === 1 && !/^(true|false|null)$/.test(entries[0][1])) return entries[0][1];
  return f.field;
}

/**
 * Query cost the way Shopify's Admin API computes it (shopify.dev "API rate limits"):
 * scalars and enums 0, an object 1, a connection 2 + `first`/`last` × the cost of one node, a list with
 * `first` first × its item, an interface or union the most expensive of its fragments, a mutation 10.
 * `requestedQueryCost` uses the arguments; `actualQueryCost` the items actually returned.
 * The leaky bucket below is Shopify's throttle: each request pays its requested cost up front, gets the
 * difference to its actual cost back, and the bucket refills at `restoreRate` points per second.
 */
import {
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export const MUTATION_COST = 10;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Actual mode: sizes come from the result instead of the arguments. */
  actual: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data?: Data,
): number {
  const walk: Walk = { schema, fragments, variables, actual: data !== undefined };
  if (operation.operation === "mutation") return rootFieldNames(operation, fragments).length * MUTATION_COST;
  const root = schema.getQueryType();
  if (!root) return 0;
  return selectionCost(walk, operation.selectionSet, root, data ?? null);
}

/** The root fields an operation selects (through fragments too), e.g. ["order", "shop"]. */
export function rootFieldNames(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): string[] {
  const names: string[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!sel.name.value.startsWith("__")) names.push(sel.name.value);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else if (fragments[sel.name.value]) visit(fragments[sel.name.value].selectionSet);
    }
  };
  visit(operation.selectionSet);
  return names;
}

function selectionCost(walk: Walk, set: SelectionSetNode, type: GraphQLNamedType, data: Data): number {
  let common = 0;
  const byType = new Map<string, number>();
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      common += fieldCost(walk, sel, type, data);
      continue;
    }
    const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : walk.fragments[sel.name.value];
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    const conditionType = (condition ? walk.schema.getType(condition) : type) ?? type;
    const cost = selectionCost(walk, fragment.selectionSet, conditionType, data);
    if (!condition || condition === type.name) common += cost;
    else byType.set(condition, (byType.get(condition) ?? 0) + cost);
  }
  return common + Math.max(0, ...byType.values());
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "nodes" in type.getFields();
}

function fieldCost(walk: Walk, field: FieldNode, parent: GraphQLNamedType, data: Data): number {
  const name = field.name.value;
  if (name.startsWith("__") || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
  const def = parent.getFields()[name];
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (isLeafType(named) || !field.selectionSet) return 0;
  const set = field.selectionSet;
  const value = data && typeof data === "object" ? data[field.alias?.value ?? name] : undefined;
  let args: Record<string, unknown> = {};
  try {
    args = getArgumentValues(def, field, walk.variables);
  } catch {
    // Invalid arguments are reported by execution; cost them as absent.
  }
  const size = (Number(args.first ?? args.last ?? 0) || 0) as number;
  if (isConnection(named)) {
    if (walk.actual) {
      const items: Data[] = value?.nodes ?? value?.edges?.map((e: Data) => e?.node) ?? [];
      return 2 + items.reduce((sum: number, item: Data) => sum + connectionItemCost(walk, set, named, item), 0);
    }
    return 2 + size * connectionItemCost(walk, set, named, null);
  }
  if (isListType(getNullableType(def.type))) {
    if (walk.actual) {
      const items: Data[] = Array.isArray(value) ? value : [];
      return items.reduce((sum: number, item: Data) => sum + 1 + selectionCost(walk, set, named, item), 0);
    }
    return (size || 1) * (1 + selectionCost(walk, field.selectionSet, named, null));
  }
  return 1 + selectionCost(walk, field.selectionSet, named, value ?? null);
}

/** Cost of one item of a connection: its `nodes { … }` or `edges { node { … } }` selection. */
function connectionItemCost(walk: Walk, set: SelectionSetNode, connection: GraphQLCompositeType, item: Data): number {
  if (!isObjectType(connection)) return 1;
  const fields = connection.getFields();
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD || !sel.selectionSet) continue;
    const def = fields[sel.name.value];
    if (!def) continue;
    const named = getNamedType(def.type);
    if (sel.name.value === "nodes") cost += 1 + selectionCost(walk, sel.selectionSet, named, item);
    else if (sel.name.value === "edges") {
      // edges { cursor node { … } }: the node object is counted by selectionCost on the Edge type.
      cost += selectionCost(walk, sel.selectionSet, named, item ? { node: item } : null);
    }
  }
  return cost || 1;
}

/**
 * The GraphQL Admin API bucket per plan. Shopify publishes the restore rates (shopify.dev, "GraphQL Admin API
 * rate limits": Standard 100, Advanced 200, Plus 1000, enterprise 2000 points/s); the bucket holds 20 seconds
 * of restore, as the 2000-point Standard bucket reported in `throttleStatus.maximumAvailable`.
 */
export const PLAN_BUCKETS = {
  STANDARD: { maximumAvailable: 2000, restoreRate: 100 },
  ADVANCED: { maximumAvailable: 4000, restoreRate: 200 },
  PLUS: { maximumAvailable: 20000, restoreRate: 1000 },
  ENTERPRISE: { maximumAvailable: 40000, restoreRate: 2000 },
} as const satisfies Record<string, BucketOptions>;

export interface BucketOptions {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private at: number;

  constructor(
    public options: BucketOptions,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.available = options.maximumAvailable;
    this.at = clock();
  }

  private refill(): void {
    const now = this.clock();
    this.available = Math.min(
      this.options.maximumAvailable,
      this.available + ((now - this.at) / 1000) * this.options.restoreRate,
    );
    this.at = now;
  }

  /** Pays `cost` if the bucket holds it; false means THROTTLED (nothing is charged). */
  take(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.options.maximumAvailable, this.available + points);
  }

  /** Empties the bucket (a test that wants the next request throttled for real). */
  drain(): void {
    this.refill();
    this.available = 0;
  }

  /** Lowers what is available to at most `points` (a chaos THROTTLED: another client of the app used the rest). */
  lowerTo(points: number): void {
    this.refill();
    this.available = Math.max(0, Math.min(this.available, points));
  }

  /** A new size and restore rate (chaos mode's tighter bucket); starts full. */
  configure(options: BucketOptions): void {
    if (!(options.maximumAvailable > 0) || !(options.restoreRate > 0)) {
      throw new Error(`bucket needs maximumAvailable > 0 and restoreRate > 0, got ${JSON.stringify(options)}`);
    }
    this.options = { ...options };
    this.reset();
  }

  reset(): void {
    this.available = this.options.maximumAvailable;
    this.at = this.clock();
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.options.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.options.restoreRate,
    };
  }
}

/**
 * Query-safety plugin: operation size, depth and a cost estimate, checked before execution.
 * Cost counts each field once, multiplied by the size of every list it sits in. A page size is priced
 * at what it can fetch however it is written (literal, variable, variable default, schema default):
 * anything that is not a whole number within the field's cap (negative, missing, null, too big) is
 * priced at the cap, because a resolver that mishandles it must not make the estimate lie. A list
 * without a page size is priced at its cap. Fragments are measured once and reused, so pricing stays
 * linear in the document even when fragments spread each other many times.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxQueryBytes: number;
  maxPageSize: number;
}

/** Page sizes whose cap is not the configured page size: the most each resolver accepts. */
const PAGE_CAPS: Record<string, number> = {
  'Query.auditEvents': 1000,
  'CoverageReport.communes': 5000,
  'Query.nearestProviders': 50,
  'Query.suggestSites': 10,
};

/**
 * Lists without a page size: the most they hold, where the code bounds it (34 provinces since the 2025
 * reform; chain-service keeps 5 providers per step; a pathway has fewer than 10 steps; a provider has
 * at most one reason per check in nearest-providers.ts), else a default.
 */
const LIST_CAPS: Record<string, number> = {
  'Query.provinces': 34,
  'CoverageReport.provinces': 34,
  'Query.suggestNextSteps': 10,
  'SuggestedStep.providers': 5,
  'ProviderMatch.reasons': 10,
  'ExcludedProvider.reasons': 10,
  'RemoteProvider.reasons': 10,
};
export const DEFAULT_LIST_CAP = 20;

/** Where a field takes its page size: a `first` argument, or `first`/`count` inside its `input`. */
const PAGE_SIZE_NAMES = ['first', 'count'];

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

interface Pricing {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  variableDefaults: Map<string, ValueNode>;
  maxPageSize: number;
  memo: Map<string, Measure>;
}

interface Measure {
  depth: number;
  complexity: number;
}

/** The value a page-size argument takes at run time, as far as the document and variables tell. */
function pageValue(
  node: ValueNode | undefined,
  arg: { type: GraphQLArgument['type']; defaultValue?: unknown },
  p: Pricing,
): unknown {
  if (!node) return arg.defaultValue;
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (name in p.variables) return p.variables[name];
    const fallback = p.variableDefaults.get(name);
    return fallback ? valueFromAST(fallback, arg.type) : arg.defaultValue;
  }
  return valueFromAST(node, arg.type, p.variables);
}

/**
 * Items a field can return per parent: its page size within its cap, or its list cap; 1 otherwise.
 * Lists directly inside a paged object (a connection's nodes and edges, nearestProviders' matches)
 * were priced by that page size, so they count once.
 */
function multiplierOf(
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  args: ReadonlyMap<string, ValueNode>,
  p: Pricing,
  insidePage: boolean,
): { multiplier: number; paged: boolean } {
  const key = `${parent.name}.${field.name}`;
  const cap = PAGE_CAPS[key] ?? p.maxPageSize;
  const priced = (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= cap ? value : cap;
  for (const arg of field.args) {
    if (PAGE_SIZE_NAMES.includes(arg.name))
      return { multiplier: priced(pageValue(args.get(arg.name), arg, p)), paged: true };
    const inputType = getNullableType(arg.type);
    if (arg.name !== 'input' || !isInputObjectType(inputType)) continue;
    const inner = Object.values(inputType.getFields()).find((f) => PAGE_SIZE_NAMES.includes(f.name));
    if (!inner) continue;
    let input = pageValue(args.get('input'), arg, p);
    if (input === undefined) input = {};
    const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[inner.name] : null;
    return { multiplier: priced(value === undefined ? inner.defaultValue : value), paged: true };
  }
  if (!isListType(getNullableType(field.type)) || insidePage) return { multiplier: 1, paged: false };
  return { multiplier: LIST_CAPS[key] ?? DEFAULT_LIST_CAP, paged: false };
}

function measure(
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  p: Pricing,
  seen: ReadonlySet<string>,
  insidePage: boolean,
): Measure {
  let depth = 0;
  let complexity = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
      const field = fields[selection.name.value];
      depth = Math.max(depth, 1);
      if (!field || !selection.selectionSet) {
        complexity += 1;
        continue;
      }
      const args = new Map((selection.arguments ?? []).map((a) => [a.name.value, a.value]));
      const { multiplier, paged } = multiplierOf(type, field, args, p, insidePage);
      const returnsPage = paged && !isListType(getNullableType(field.type));
      const namedType = getNamedType(field.type) as GraphQLCompositeType;
      const inner = measure(selection.selectionSet, namedType, p, seen, returnsPage);
      complexity += 1 + multiplier * inner.complexity;
      depth = Math.max(depth, 1 + inner.depth);
      continue;
    }
    let inner: Measure;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition
        ? (p.schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined)
        : type;
      inner = measure(selection.selectionSet, condition ?? type, p, seen, insidePage);
    } else {
      const name = selection.name.value;
      const fragment = p.fragments.get(name);
      if (!fragment || seen.has(name)) continue; // cycles are a validation error anyway
      const key = `${name}|${insidePage}`;
      const cached = p.memo.get(key);
      if (cached) inner = cached;
      else {
        const condition = p.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
        inner = measure(fragment.selectionSet, condition ?? type, p, new Set([...seen, name]), insidePage);
        p.memo.set(key, inner);
      }
    }
    complexity += inner.complexity;
    depth = Math.max(depth, inner.depth);
  }
  return { depth, complexity };
}

/** Depth and estimated cost of `operation`, with its variables as sent. */
export function measureOperation(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  maxPageSize: number;
}): Measure {
  const { schema, document, operation, variables, maxPageSize } = input;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const variableDefaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? [])
    if (v.defaultValue) variableDefaults.set(v.variable.name.value, v.defaultValue);
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return { depth: 0, complexity: 0 };
  const pricing: Pricing = { schema, fragments, variables, variableDefaults, maxPageSize, memo: new Map() };
  return measure(operation.selectionSet, root, pricing, new Set(), false);
}

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        // Apollo turns errors thrown here (not in requestDidStart) into client errors. The HTTP route
        // has already screened the text (screen-document.ts); this runs on the validated document.
        async didResolveOperation({ document, operation, request: req, schema }) {
          const size = Buffer.byteLength(req.query ?? '', 'utf8');
          if (size > limits.maxQueryBytes) {
            throw limitError(
              'OPERATION_TOO_LARGE',
              `The operation is ${size} bytes; the limit is ${limits.maxQueryBytes}`,
            );
          }
          const { depth, complexity } = measureOperation({
            schema,
            document,
            operation: operation as OperationDefinitionNode,
            variables: req.variables ?? {},
            maxPageSize: limits.maxPageSize,
          });
          if (depth > limits.maxDepth) {
            throw limitError(
              'QUERY_TOO_DEEP',
              `The operation is ${depth} levels deep; the limit is ${limits.maxDepth}`,
            );
          }
          if (complexity > limits.maxComplexity) {
            throw limitError(
              'QUERY_TOO_COMPLEX',
              `The operation's estimated cost is ${complexity}; the limit is ${limits.maxComplexity}. Ask for fewer items per page.`,
            );
          }
        },
      };
    },
  };
}

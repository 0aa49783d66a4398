/**
 * Query-safety plugin: operation size, depth and a complexity estimate, checked before execution.
 * Complexity counts each field once, multiplied by the `first` of enclosing list fields (default 10),
 * so `facilities(first: 200) { offerings { facility { … } } }` is priced like the work it causes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxQueryBytes: number;
}

const DEFAULT_LIST_SIZE = 10;
const CONNECTION_PARTS = new Set(['nodes', 'edges']);

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

function firstArg(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/** Walks a selection set and returns [depth, complexity]. Fragments are expanded once per use. */
export function measureSelection(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: ReadonlySet<string> = new Set(),
): { depth: number; complexity: number } {
  let depth = 0;
  let complexity = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const first = firstArg(selection.arguments?.find((a) => a.name.value === 'first')?.value, variables);
      if (!selection.selectionSet) {
        complexity += 1;
        depth = Math.max(depth, 1);
        continue;
      }
      const inner = measureSelection(selection.selectionSet, fragments, variables, seen);
      const name = selection.name.value;
      // A connection's `first` prices its nodes/edges; other plural fields are assumed to hold ~10 items.
      const multiplier = first ?? (CONNECTION_PARTS.has(name) || !name.endsWith('s') ? 1 : DEFAULT_LIST_SIZE);
      complexity += 1 + multiplier * inner.complexity;
      depth = Math.max(depth, 1 + inner.depth);
    } else {
      const target = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (!target) continue;
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (name && seen.has(name)) continue; // cycles are a validation error anyway
      const inner = measureSelection(
        target.selectionSet,
        fragments,
        variables,
        name ? new Set([...seen, name]) : seen,
      );
      complexity += inner.complexity;
      depth = Math.max(depth, inner.depth);
    }
  }
  return { depth, complexity };
}

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        // Apollo turns errors thrown here (not in requestDidStart) into client errors; the size check
        // comes after parsing, but the HTTP body cap already bounds what reaches the parser.
        async didResolveOperation({ document, operation, request: req }) {
          const size = Buffer.byteLength(req.query ?? '', 'utf8');
          if (size > limits.maxQueryBytes) {
            throw limitError(
              'OPERATION_TOO_LARGE',
              `The operation is ${size} bytes; the limit is ${limits.maxQueryBytes}`,
            );
          }
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions)
            if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          const { depth, complexity } = measureSelection(
            (operation as OperationDefinitionNode).selectionSet,
            fragments,
            req.variables ?? {},
          );
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

/**
 * Cheap checks on an operation's text, run before GraphQL validation. Validation is not linear: the
 * overlapping-fields rule compares fields that share a response name pairwise, so 500 `x: commune(…)`
 * fields cost seconds. Parsing with a token cap and one walk over the tree bound the cost of rejecting
 * any document, however written, before that rule runs.
 */
import { GraphQLError, Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';

export interface DocumentLimits {
  maxQueryBytes: number;
  maxTokens: number;
  /** Field selections written in the document (fragments counted once, where written). */
  maxFields: number;
  maxAliases: number;
  maxDirectives: number;
  /** Nesting of selection sets as written; the operation's real depth is checked after validation. */
  maxDepth: number;
  /** Fields counted at every use of their fragment, across the whole document. */
  maxExpandedFields: number;
  /** Fields answering at one response path (same name under the same parents), fragments included. */
  maxSameName: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxQueryBytes: 20_000,
  maxTokens: 3_000,
  maxFields: 500,
  maxAliases: 50,
  maxDirectives: 30,
  maxDepth: 10,
  maxExpandedFields: 2_000,
  maxSameName: 8,
};

export class DocumentRejectedError extends GraphQLError {
  constructor(code: string, message: string) {
    super(message, { extensions: { code, http: { status: 400 } } });
  }
}

function tooMany(what: string, count: number, limit: number): DocumentRejectedError {
  return new DocumentRejectedError(
    'OPERATION_TOO_LARGE',
    `The operation has ${count} ${what}; the limit is ${limit}`,
  );
}

/**
 * Parses `query` within the limits and returns the document, or throws DocumentRejectedError
 * (OPERATION_TOO_LARGE, QUERY_TOO_DEEP) or graphql's own syntax error.
 */
export function screenDocument(
  query: string,
  limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
): DocumentNode {
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes > limits.maxQueryBytes) throw tooMany('bytes', bytes, limits.maxQueryBytes);
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (err) {
    if (err instanceof GraphQLError && /tokens\. Parsing aborted/.test(err.message))
      throw new DocumentRejectedError(
        'OPERATION_TOO_LARGE',
        `The operation has more than ${limits.maxTokens} tokens; the limit is ${limits.maxTokens}`,
      );
    throw new DocumentRejectedError('GRAPHQL_PARSE_FAILED', (err as Error).message);
  }
  countNodes(document, limits);
  checkSameNames(document, limits);
  return document;
}

/** One pass over the tree: fields, aliases, directives and written depth. */
function countNodes(document: DocumentNode, limits: DocumentLimits): void {
  let fields = 0;
  let aliases = 0;
  let directives = 0;
  let deepest = 0;
  const walk = (set: SelectionSetNode, depth: number): void => {
    deepest = Math.max(deepest, depth);
    for (const s of set.selections) {
      directives += s.directives?.length ?? 0;
      if (s.kind === Kind.FIELD) {
        fields += 1;
        if (s.alias) aliases += 1;
        if (s.selectionSet) walk(s.selectionSet, depth + 1);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, depth);
      }
    }
  };
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    directives += def.directives?.length ?? 0;
    if (def.kind === Kind.OPERATION_DEFINITION)
      for (const v of def.variableDefinitions ?? []) directives += v.directives?.length ?? 0;
    walk(def.selectionSet, 1);
  }
  if (deepest > limits.maxDepth)
    throw new DocumentRejectedError(
      'QUERY_TOO_DEEP',
      `The operation is ${deepest} levels deep; the limit is ${limits.maxDepth}`,
    );
  if (fields > limits.maxFields) throw tooMany('fields', fields, limits.maxFields);
  if (aliases > limits.maxAliases) throw tooMany('aliases', aliases, limits.maxAliases);
  if (directives > limits.maxDirectives) throw tooMany('directives', directives, limits.maxDirectives);
}

/**
 * The overlapping-fields rule compares every pair of fields that answer at one response path (through
 * fragments too), and compares their sub-selections in turn. Walking the tree with fragments expanded,
 * under a budget of expanded fields, and capping the fields per path caps that rule's work.
 */
function checkSameNames(document: DocumentNode, limits: DocumentLimits): void {
  const fragments = new Map<string, SelectionSetNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def.selectionSet);
  const perPath = new Map<string, number>();
  let expanded = 0;
  const walk = (set: SelectionSetNode, path: string, visiting: readonly string[]): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        expanded += 1;
        if (expanded > limits.maxExpandedFields)
          throw tooMany('fields once fragments are expanded', expanded, limits.maxExpandedFields);
        const name = (s.alias ?? s.name).value;
        const key = `${path}/${name}`;
        const count = (perPath.get(key) ?? 0) + 1;
        if (count > limits.maxSameName)
          throw new DocumentRejectedError(
            'OPERATION_TOO_LARGE',
            `The operation asks for "${name.slice(0, 40)}" more than ${limits.maxSameName} times at one place; the limit is ${limits.maxSameName}`,
          );
        perPath.set(key, count);
        if (s.selectionSet) walk(s.selectionSet, key, visiting);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, path, visiting);
      } else {
        const target = fragments.get(s.name.value);
        // Unknown and cyclic spreads are validation errors; validation reports them.
        if (target && !visiting.includes(s.name.value)) walk(target, path, [...visiting, s.name.value]);
      }
    }
  };
  document.definitions.forEach((def, i) => {
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION)
      walk(def.selectionSet, `#${i}`, def.kind === Kind.FRAGMENT_DEFINITION ? [def.name.value] : []);
  });
}

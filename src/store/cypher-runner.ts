/**
 * What an adapter must provide: run one Cypher statement, and run a unit of work in one transaction
 * that is rolled back on any error and retried on transient write conflicts. Rows are plain JSON.
 */
export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;
export type RunFn = (query: string, params?: Params) => Promise<Row[]>;

export interface CypherRunner {
  readonly kind: 'embedded' | 'neo4j';
  read(query: string, params?: Params): Promise<Row[]>;
  write<T>(work: (run: RunFn) => Promise<T>): Promise<T>;
  /** Store-specific DDL (the dialects differ: see src/store/cypher/schema.ts). */
  applySchema(statements: readonly string[]): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Counts statements sent; tests use it to prove a bounded number of store calls. */
  readonly statementCount: number;
}

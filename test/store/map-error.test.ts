import { GrafeoDB } from '@grafeo-db/js';
import neo4j from 'neo4j-driver';
import { ConflictError, NotFoundError } from '../../src/domain/errors';
import { isTransientStoreError, mapStoreError, StoreError } from '../../src/store/map-error';

/** A Neo4jError as the driver builds it from a server failure; 50N42 is the driver's generic GQL status. */
const neo4jError = (code: string, gqlStatus = '50N42') =>
  new neo4j.Neo4jError(`failure ${code}`, code, gqlStatus, 'error: general processing exception', {
    OPERATION: '',
    OPERATION_CODE: '0',
    CURRENT_SCHEMA: '/',
  });

describe('mapStoreError on Grafeo errors', () => {
  const db = GrafeoDB.create(null);
  const failure = async (query: string): Promise<unknown> =>
    db.executeCypher(query).then(
      () => null,
      (e: unknown) => e,
    );

  beforeAll(async () => {
    await db.executeCypher(`CREATE CONSTRAINT f_id IF NOT EXISTS FOR (f:Facility) REQUIRE f.id IS UNIQUE`);
    await db.executeCypher(`CREATE (:Facility {id: 'F-1'})`);
  });
  afterAll(() => db.close());

  it('maps a unique-key violation (G2000) to CONFLICT', async () => {
    const mapped = mapStoreError(await failure(`CREATE (:Facility {id: 'F-1'})`));
    expect(mapped).toBeInstanceOf(ConflictError);
    expect(mapped).toMatchObject({ code: 'CONFLICT', message: 'That identifier is already in use' });
  });

  it('keeps other failures internal with their GQLSTATUS, not retryable', async () => {
    const syntax = mapStoreError(await failure(`RETRN 1`));
    expect(syntax).toBeInstanceOf(StoreError);
    expect(syntax).toMatchObject({ status: '42001', transient: false });
    expect(mapStoreError(await failure(`RETURN 1 / 0 AS x`))).toMatchObject({ status: '22012' });
    expect(mapStoreError(await failure(`RETURN $missing AS x`))).toMatchObject({ status: '42002' });
  });

  it('reads the status from the error cause when the wrapper left it there', () => {
    const raw = Object.assign(new Error('Database error: write conflict'), {
      code: 'GenericFailure',
      cause: new Error('GQLSTATUS 40000'),
    });
    const mapped = mapStoreError(raw);
    expect(mapped).toMatchObject({ status: '40000', transient: true });
    expect(isTransientStoreError(mapped)).toBe(true);
  });
});

describe('mapStoreError on Neo4j errors', () => {
  it('maps a constraint violation to CONFLICT by its Neo4j code, whatever its GQL status', () => {
    expect(mapStoreError(neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed'))).toBeInstanceOf(
      ConflictError,
    );
    expect(
      mapStoreError(neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed', '22N41')),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('maps a lost or unreachable server to STORE_UNAVAILABLE', () => {
    expect(mapStoreError(neo4jError('ServiceUnavailable'))).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(mapStoreError(neo4jError('SessionExpired'))).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('marks transient errors retryable and client errors not', () => {
    const deadlock = mapStoreError(neo4jError('Neo.TransientError.Transaction.DeadlockDetected'));
    expect(deadlock).toMatchObject({
      status: 'Neo.TransientError.Transaction.DeadlockDetected',
      transient: true,
    });
    const syntax = mapStoreError(neo4jError('Neo.ClientError.Statement.SyntaxError', '42001'));
    expect(syntax).toMatchObject({ status: 'Neo.ClientError.Statement.SyntaxError', transient: false });
  });
});

describe('mapStoreError on everything else', () => {
  it('passes domain errors and already-mapped errors through', () => {
    const notFound = new NotFoundError('Facility', 'F-9');
    expect(mapStoreError(notFound)).toBe(notFound);
    const mapped = new StoreError('x', '22000', false);
    expect(mapStoreError(mapped)).toBe(mapped);
  });

  it('wraps a non-error throw as an internal StoreError', () => {
    expect(mapStoreError('boom')).toMatchObject({ message: 'boom', status: 'UNKNOWN', transient: false });
    expect(mapStoreError(null)).toMatchObject({ message: 'null', status: 'UNKNOWN' });
  });
});

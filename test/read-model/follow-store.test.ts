/**
 * Two apps over one store, as two servers over one Neo4j: what A writes reaches B's read model through
 * B's change-feed follower (facilities, offerings with their capacity, deletions), and B's routing
 * answers from it. Polls are driven by hand here; the timer is only a loop around pollOnce().
 */
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { StoreFollower } from '../../src/read-model/follow-store';
import { runInCausalScope } from '../../src/store/causal-scope';
import { facility, offering, seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let a: TestApp;
let b: App;
let follower: StoreFollower;

beforeAll(async () => {
  a = await createTestApp();
  await seedTinyDirectory(a.app);
  const from = new Date().toISOString();
  b = await createApp(loadConfig({ KETNOI_DATA_FILE: ':memory:' }), a.store);
  follower = new StoreFollower(a.store, b.readModel, { intervalMs: 1_000_000, from });
});
afterAll(() => a.close());

const now = () => new Date().toISOString();
const offeringOf = (app: App, id: string) =>
  app.readModel.offeringsOf('SCR.ASD').find((o) => o.offering.id === id)?.offering;

describe('a second read model following the store', () => {
  it('sees another process’s capacity change, new facility and deletion after one poll each', async () => {
    const before = offeringOf(b, 'off-b1');
    expect(before?.currentLoad).toBe(0);
    const full = { ...before!, currentLoad: 10, capacity: 10, updatedAt: now() };
    await a.app.directory.write({ offerings: [full] });
    expect(offeringOf(a.app, 'off-b1')?.currentLoad).toBe(10);
    expect(offeringOf(b, 'off-b1')?.currentLoad).toBe(0);
    expect(await follower.pollOnce()).toBeGreaterThan(0);
    expect(offeringOf(b, 'off-b1')?.currentLoad).toBe(10);

    const at = now();
    await a.app.directory.write({
      facilities: [facility({ id: 'fac-new', name: 'Trạm Y tế mới', communeCode: '06652', updatedAt: at })],
      offerings: [offering({ id: 'off-new', facilityId: 'fac-new', serviceCode: 'SCR.ASD', updatedAt: at })],
    });
    expect(b.readModel.facilities.has('fac-new')).toBe(false);
    await follower.pollOnce();
    expect(b.readModel.facilities.get('fac-new')?.name).toBe('Trạm Y tế mới');
    expect(offeringOf(b, 'off-new')?.facilityId).toBe('fac-new');
    const near = await b.routing.nearestProviders({
      communeCode: '06652',
      serviceCode: 'SCR.ASD',
      childAgeMonths: 30,
    });
    expect(near.matches.map((m) => m.facilityId)).toContain('fac-new');

    await a.app.directory.deleteFacility('fac-new', now());
    await follower.pollOnce();
    expect(b.readModel.facilities.has('fac-new')).toBe(false);
    expect(offeringOf(b, 'off-new')).toBeUndefined();
  });

  it('re-applies what the look-back window covers without changing the result', async () => {
    const snapshot = JSON.stringify(offeringOf(b, 'off-b1'));
    await follower.pollOnce();
    await follower.pollOnce();
    expect(JSON.stringify(offeringOf(b, 'off-b1'))).toBe(snapshot);
  });
});

describe('catching up for a request that carries a bookmark', () => {
  it('applies the write the bookmark names', async () => {
    const before = offeringOf(a.app, 'off-b1')!;
    const bookmarks = await runInCausalScope([], async (scope) => {
      await a.app.directory.write({ offerings: [{ ...before, capacity: 33, updatedAt: now() }] });
      return scope.written;
    });
    expect(offeringOf(b, 'off-b1')?.capacity).not.toBe(33);
    await follower.catchUp(bookmarks);
    expect(offeringOf(b, 'off-b1')?.capacity).toBe(33);
  });

  it('serves callers that arrive together with one poll', async () => {
    const polls = follower.polls;
    await Promise.all([follower.catchUp(), follower.catchUp(), follower.catchUp()]);
    expect(follower.polls).toBe(polls + 1);
  });

  it('runs another poll for a caller that arrives after a poll began', async () => {
    const polls = follower.polls;
    const first = follower.catchUp();
    // Microtasks run before setImmediate: by then the first poll has begun its reads.
    await new Promise((resolve) => setImmediate(resolve));
    const second = follower.catchUp();
    await Promise.all([first, second]);
    expect(follower.polls).toBe(polls + 2);
  });
});

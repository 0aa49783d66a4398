/**
 * Hostile load, bounded in count and time on 127.0.0.1: several clients without a token send the worst
 * documents they can build while a signed-in caseworker's nearestProviders keeps its p99 under 1 s and
 * /health keeps answering (p95 under 500 ms, none over 1 s). Generous bounds for a shared 2-core machine,
 * which catch a stalled event loop; the figures measured are in docs/security.md.
 */
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { startHttpTestApp } from '../fixtures/http-test-app';
import { WORST_DOCUMENTS } from '../fixtures/worst-documents';

const SECONDS = 6;
const ATTACKERS = 4;
const MAX_REQUESTS_PER_CLIENT = 400;

let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  // The anonymous limit is raised so the attackers reach the screening instead of stopping at 429.
  ({ base, close } = await startHttpTestApp({ KETNOI_ANON_RATE_LIMIT: '100000' }));
});
afterAll(() => close());

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

describe('hostile load', () => {
  it('keeps a caseworker’s nearestProviders and /health answering while anonymous clients attack', async () => {
    const token = await signToken(
      { subject: 'cw', role: 'caseworker', organizationId: 'org-22-health', provinceCode: '22' },
      DEV_JWT_SECRET,
    );
    const until = Date.now() + SECONDS * 1000;
    const worst = Object.values(WORST_DOCUMENTS);
    const attackStatuses: number[] = [];
    const attacker = async (n: number) => {
      for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && Date.now() < until; i += 1) {
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: worst[(n + i) % worst.length] }),
        });
        await res.arrayBuffer();
        attackStatuses.push(res.status);
      }
    };
    const nearest: number[] = [];
    const caseworker = async () => {
      const query = `{ nearestProviders(input: { communeCode: "06652", serviceCode: "SCR.ASD", childAgeMonths: 30 }) { matches { facility { name } travelMinutes } } }`;
      while (Date.now() < until && nearest.length < MAX_REQUESTS_PER_CLIENT) {
        const started = performance.now();
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { errors?: unknown; data?: unknown };
        nearest.push(performance.now() - started);
        expect(body.errors).toBeUndefined();
      }
    };
    const health: number[] = [];
    const probe = async () => {
      while (Date.now() < until) {
        const started = performance.now();
        const res = await fetch(`${base}/health`);
        await res.arrayBuffer();
        health.push(performance.now() - started);
        expect(res.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await Promise.all([...Array.from({ length: ATTACKERS }, (_, n) => attacker(n)), caseworker(), probe()]);
    const cpu = process.cpuUsage(cpuBefore);
    // Cores' worth of CPU this process got. The attack keeps its one event loop busy, so with the machine
    // to itself this is 1 or more (GC threads add); when other work shares the 2 cores it falls below 1,
    // and every latency here stretches by about 1 / share. The bounds below are for a whole core.
    const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
    const stretch = Math.max(1, 1 / cpuShare);

    const figures = {
      attacks: attackStatuses.length,
      attackStatuses: [...new Set(attackStatuses)].sort(),
      nearestProviders: nearest.length,
      nearestP50: Math.round(percentile(nearest, 50)),
      nearestP99: Math.round(percentile(nearest, 99)),
      healthChecks: health.length,
      healthP95: Math.round(percentile(health, 95)),
      healthMax: Math.round(Math.max(...health)),
      cpuShare: Math.round(cpuShare * 100) / 100,
    };
    if (process.env.KETNOI_PRINT_FIGURES) console.log(JSON.stringify(figures));
    expect(attackStatuses.length).toBeGreaterThan(ATTACKERS * 5);
    expect(attackStatuses.every((s) => s === 400)).toBe(true);
    expect(nearest.length).toBeGreaterThan(10);
    expect(figures.nearestP99).toBeLessThan(1000 * stretch);
    expect(health.length).toBeGreaterThan(SECONDS * 3);
    // The clients run in the server's own process, so /health shares its event loop with them: p95 measured
    // 37 ms alone, 105-110 ms with two CI runs side by side, 267-303 ms at load 4-9 (CPU share 0.6-0.96,
    // and with Neo4j's JVM on the same 2 cores). The bounds (500 ms p95, 1 s at most, for a whole core) are
    // what a stalled loop breaks, not figures to aim at: with the screening bypassed the slowest /health
    // took 1.33 s at a share of 1 (every other figure passed), with it 43-50 ms. They stretch by the CPU
    // share so a machine busy with other work is not mistaken for a stall.
    expect(figures.healthP95).toBeLessThan(500 * stretch);
    expect(figures.healthMax).toBeLessThan(1000 * stretch);
  });
});

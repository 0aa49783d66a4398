/**
 * Generated case history: cases with a consent, each with a referral chain of 1–8 steps that follows its
 * pathway's template, sent to the nearest providers of each service, with times and statuses checked by
 * the status machine (referral-steps.ts). Case i draws only from its own stream (`seed:case:i`), so any
 * case can be rebuilt alone and the output does not depend on the order cases are written in.
 */
import { levelRank } from '../../src/domain/model';
import type {
  CaseRecord,
  CommuneRecord,
  ConsentRecord,
  ReferralEventRecord,
  ReferralRecord,
} from '../../src/store/port';
import { createRng, type Rng } from '../../seeds/demo/prng';
import { CHAIN_TEMPLATES, type ChainTemplate } from './chain-templates';
import type { ProviderIndex } from './provider-index';
import { buildStep } from './referral-steps';

/** The instant the generated history runs up to; nothing is dated after it. */
export const HISTORY_NOW = '2025-10-01T00:00:00.000Z';
const NOW_MS = Date.parse(HISTORY_NOW);
const DAY_MS = 86_400_000;
export const SKIP_REASON = 'The lower level does not offer this service';

export interface CaseBundle {
  case: CaseRecord;
  consent: ConsentRecord;
  referrals: ReferralRecord[];
  events: ReferralEventRecord[];
}

export interface HistoryContext {
  seed: number;
  providers: ProviderIndex;
  /** Communes sorted by code with cumulative population, to draw where a child lives. */
  communes: readonly CommuneRecord[];
  cumulative: Float64Array;
  serviceNames: ReadonlyMap<string, string>;
}

/** Builds the commune draw table of a history context. */
export function buildHistoryContext(
  input: Omit<HistoryContext, 'communes' | 'cumulative'> & {
    communes: readonly CommuneRecord[];
  },
): HistoryContext {
  const communes = [...input.communes].sort((a, b) => (a.code < b.code ? -1 : 1));
  const cumulative = new Float64Array(communes.length);
  let sum = 0;
  communes.forEach((c, i) => (cumulative[i] = sum += Math.max(1, c.population ?? 1)));
  return { ...input, communes, cumulative };
}

function drawCommune(ctx: HistoryContext, rng: Rng): CommuneRecord {
  const target = rng.next() * ctx.cumulative[ctx.cumulative.length - 1]!;
  let lo = 0;
  let hi = ctx.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return ctx.communes[lo]!;
}

function drawTemplate(rng: Rng): ChainTemplate {
  let u = rng.next();
  for (const t of CHAIN_TEMPLATES) {
    if (u < t.share) return t;
    u -= t.share;
  }
  return CHAIN_TEMPLATES[CHAIN_TEMPLATES.length - 1]!;
}

const pad = (i: number) => String(i).padStart(7, '0');

/** Case `index` (0-based) with a chain of `steps` referrals. */
export function generateCase(ctx: HistoryContext, index: number, steps: number): CaseBundle {
  const rng = createRng(`${ctx.seed}:case:${index}`);
  const commune = drawCommune(ctx, rng);
  const template = drawTemplate(rng);
  const ageAtStart = rng.int(template.ageMonths[0], template.ageMonths[1]);
  const offsetMs = rng.int(1, 365) * DAY_MS + rng.int(0, 86_399) * 1000;
  const chainKey = `${ctx.seed}:chain:${index}`;
  let chain = buildChain(ctx, { commune, template, steps, index, startMs: NOW_MS - offsetMs }, chainKey);
  // Durations come from the chain's own stream: rebuilding earlier gives the same chain, ending before now.
  if (chain.endMs > NOW_MS) {
    const startMs = NOW_MS - offsetMs - (chain.endMs - NOW_MS) - DAY_MS;
    chain = buildChain(ctx, { commune, template, steps, index, startMs }, chainKey);
  }
  const createdAt = new Date(chain.startMs - 2 * 3_600_000).toISOString();
  const birth = new Date(chain.startMs);
  birth.setUTCMonth(birth.getUTCMonth() - ageAtStart);
  const p = commune.provinceCode;
  const ageYears = ageAtStart / 12;
  const grantor =
    ageYears >= 14 && rng.chance(0.2)
      ? 'CHILD_14_PLUS'
      : rng.pick(['MOTHER', 'MOTHER', 'FATHER', 'GUARDIAN', 'CAREGIVER']);
  return {
    case: {
      id: chain.caseId,
      label: `G${ctx.seed}-${p}-${pad(index)}`,
      birthMonth: birth.toISOString().slice(0, 7),
      sex: rng.chance(0.002) ? 'X' : rng.chance(0.49) ? 'F' : 'M',
      communeCode: commune.code,
      provinceCode: p,
      languages: ctx.providers.languagesOf(commune.code),
      needs: [...template.needs],
      organizationId: `org-${p}-social`,
      createdBy: `gen-cw-${p}`,
      createdAt,
      updatedAt: createdAt,
    },
    consent: {
      id: chain.consentId,
      caseId: chain.caseId,
      purpose: 'REFERRAL',
      scopeOrganizationIds: [],
      scopeSectors: ['HEALTH', 'SOCIAL', 'EDUCATION'],
      grantedBy: grantor,
      grantedAt: new Date(chain.startMs - 3_600_000).toISOString(),
      expiresAt: null,
      withdrawnAt: null,
    },
    referrals: chain.referrals,
    events: chain.events,
  };
}

interface Chain {
  caseId: string;
  consentId: string;
  startMs: number;
  endMs: number;
  referrals: ReferralRecord[];
  events: ReferralEventRecord[];
}

function buildChain(
  ctx: HistoryContext,
  input: { commune: CommuneRecord; template: ChainTemplate; steps: number; index: number; startMs: number },
  key: string,
): Chain {
  const { commune, template, steps, index, startMs } = input;
  const rng = createRng(key);
  const p = commune.provinceCode;
  const caseId = `case-s${ctx.seed}-${pad(index)}`;
  const consentId = `consent-s${ctx.seed}-${pad(index)}`;
  const caseOrg = `org-${p}-social`;
  const caseworker = `gen-cw-${p}`;
  const start = ctx.providers.facilities.get(`fac-${p}-${template.startsAt}-${commune.code}`);
  if (!start) throw new Error(`No ${template.startsAt} facility in commune ${commune.code}`);
  const chain: Chain = { caseId, consentId, startMs, endMs: startMs, referrals: [], events: [] };
  let from = start;
  let parentId: string | null = null;
  let atMs = startMs;
  let service = 0;
  for (let k = 0; k < steps; k += 1) {
    let candidates: (typeof from)[] = [];
    for (
      let tries = 0;
      candidates.length === 0 && tries < template.services.length;
      tries += 1, service += 1
    ) {
      const code = template.services[service % template.services.length]!;
      candidates = ctx.providers.nearest(commune, code).filter((f) => f.id !== from.id);
    }
    const code = template.services[(service - 1) % template.services.length]!;
    const to = candidates[rng.int(0, Math.min(3, candidates.length) - 1)];
    if (!to) throw new Error(`No provider of ${code} near commune ${commune.code}`);
    const climbs =
      from.sector === 'HEALTH' && to.sector === 'HEALTH' && levelRank(to.level) - levelRank(from.level) > 1;
    const built = buildStep(
      {
        id: `ref-s${ctx.seed}-${pad(index)}-${k + 1}`,
        caseId,
        parentId,
        from,
        to,
        serviceCode: code,
        reason: `${ctx.serviceNames.get(code) ?? code}: step ${k + 1} of the ${template.pathway.toLowerCase().replace('_', ' ')} pathway (generated history)`,
        urgency: template.urgent?.[k] ?? (rng.chance(0.15) ? 'PRIORITY' : 'ROUTINE'),
        skipReason: climbs ? SKIP_REASON : null,
        consentId: to.organizationId === caseOrg ? null : consentId,
        caseworker,
        createdMs: atMs,
        last: k === steps - 1,
      },
      rng,
    );
    chain.referrals.push(built.referral);
    chain.events.push(...built.events);
    chain.endMs = built.endMs;
    parentId = built.referral.id;
    if (built.referral.status === 'COMPLETED') from = to;
    atMs = built.endMs + Math.round((1 + rng.next() * 20) * DAY_MS);
  }
  return chain;
}

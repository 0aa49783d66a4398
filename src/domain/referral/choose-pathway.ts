import { InvalidReferralInputError } from './errors';
import { parseInstant } from './measure-elapsed';
import { PATHWAYS, findPathway, type Pathway, type PathwayId } from './pathways';

/** The chosen pathway (null when nothing points to one), how it was chosen, and other candidates. */
export interface PathwayChoice {
  pathway: Pathway | null;
  chosenBy: 'EXPLICIT' | 'NEEDS' | 'FIRST_REFERRAL' | null;
  /** Other pathways the needs also selected, so a caseworker can switch. */
  alternatives: PathwayId[];
}

/** Picks a pathway: the explicit id, else the case's needs, else the service of its first referral. */
export function choosePathway(input: {
  pathwayId: string | null;
  needs: readonly string[];
  referrals: readonly { serviceCode: string; createdAt: string }[];
}): PathwayChoice {
  const { pathwayId, needs, referrals } = input;
  if (pathwayId !== null) {
    const pathway = findPathway(pathwayId);
    if (!pathway) {
      const known = PATHWAYS.map((p) => p.id).join(', ');
      throw new InvalidReferralInputError(`Unknown pathway "${pathwayId}"; known pathways: ${known}`);
    }
    return { pathway, chosenBy: 'EXPLICIT', alternatives: [] };
  }
  const wanted = needs.map((n) => n.trim().toUpperCase());
  // The first need the caseworker listed decides between pathways that several needs select.
  const byNeeds = PATHWAYS.map((pathway) => ({ pathway, rank: rankByNeeds(pathway, wanted) }))
    .filter((c) => c.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((c) => c.pathway);
  if (byNeeds[0])
    return { pathway: byNeeds[0], chosenBy: 'NEEDS', alternatives: byNeeds.slice(1).map((p) => p.id) };
  const byAge = [...referrals].sort(
    (a, b) => parseInstant(a.createdAt, 'createdAt') - parseInstant(b.createdAt, 'createdAt'),
  );
  const byFirst = byAge[0] ? findPathwayByService(byAge[0].serviceCode) : null;
  return { pathway: byFirst, chosenBy: byFirst ? 'FIRST_REFERRAL' : null, alternatives: [] };
}

/** Position of the first need that selects the pathway (a need keyword or a first-step service code), or -1. */
function rankByNeeds(pathway: Pathway, wanted: readonly string[]): number {
  return wanted.findIndex(
    (need) => pathway.needs.includes(need) || pathway.steps[0]!.serviceCodes.includes(need),
  );
}

/** The pathway with this service in its earliest step, so DX.MH starts the intellectual-disability one. */
function findPathwayByService(serviceCode: string): Pathway | null {
  let best: { pathway: Pathway; at: number } | null = null;
  for (const pathway of PATHWAYS) {
    const at = pathway.steps.findIndex((s) => s.serviceCodes.includes(serviceCode));
    if (at >= 0 && (!best || at < best.at)) best = { pathway, at };
  }
  return best?.pathway ?? null;
}

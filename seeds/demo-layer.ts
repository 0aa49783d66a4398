/**
 * The directory layer seeded on top of the real geography: the real facilities of the seed documents, the
 * commune health stations that exist by law, and a generated, clearly labelled demo layer (provenance DEMO,
 * "(demo)" in `source`). Deterministic: no Math.random and no clock, so every run gives the same rows.
 */
import type {
  CommuneRecord,
  FacilityRecord,
  OfferingRecord,
  OrganizationRecord,
  ProvinceRecord,
} from '../src/store/port';
import { clusterCommunes } from './demo/cluster-communes';
import { educationLayer } from './demo/education-layer';
import type { FacilitySpec } from './demo/facility-spec';
import { healthLayer } from './demo/health-layer';
import { toFacilityRecord, toOfferingRecords } from './demo/materialize';
import { buildOrganizations } from './demo/organizations';
import { buildProvinceContext } from './demo/province-context';
import { socialLayer } from './demo/social-layer';
import { realFacilitySpecs } from './real-facilities';

export interface DemoLayer {
  organizations: OrganizationRecord[];
  facilities: FacilityRecord[];
  offerings: OfferingRecord[];
}

/** Organizations, facilities and offerings for the given provinces (and their communes). */
export function generateDemoLayer(input: {
  provinces: readonly ProvinceRecord[];
  communes: readonly CommuneRecord[];
}): DemoLayer {
  const out: DemoLayer = { organizations: [], facilities: [], offerings: [] };
  const seen = new Set<string>();
  const allReal = realFacilitySpecs();
  for (const province of input.provinces) {
    const ctx = buildProvinceContext(
      province,
      input.communes.filter((c) => c.provinceCode === province.code),
    );
    const clusters = clusterCommunes(ctx.communes);
    const real = allReal.filter((f) => f.provinceCode === province.code);
    const specs: FacilitySpec[] = [
      ...real,
      ...healthLayer(ctx, clusters, real),
      ...socialLayer(ctx, real),
      ...educationLayer(ctx, clusters),
    ];
    out.organizations.push(...buildOrganizations(province));
    for (const spec of specs) {
      if (seen.has(spec.id)) throw new Error(`Duplicate facility id in the seed: ${spec.id}`);
      seen.add(spec.id);
      out.facilities.push(toFacilityRecord(spec, ctx));
      out.offerings.push(...toOfferingRecords(spec, ctx));
    }
  }
  return out;
}

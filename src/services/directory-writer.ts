/**
 * Every directory write after start-up goes through here: the store first, then the read model,
 * so a mutation's result is visible to the next routing or coverage query.
 */
import type { ReadModel } from '../read-model/read-model';
import type {
  CommuneRecord,
  FacilityRecord,
  GraphStore,
  LegacyCommuneRecord,
  OfferingRecord,
  OrganizationRecord,
  ProvinceRecord,
  RoadRecord,
  ServiceTypeRecord,
} from '../store/port';

export interface DirectoryBatch {
  provinces?: ProvinceRecord[];
  communes?: CommuneRecord[];
  legacyCommunes?: LegacyCommuneRecord[];
  serviceTypes?: ServiceTypeRecord[];
  organizations?: OrganizationRecord[];
  facilities?: FacilityRecord[];
  offerings?: OfferingRecord[];
  roads?: RoadRecord[];
}

export class DirectoryWriter {
  constructor(
    private readonly store: GraphStore,
    private readonly readModel: ReadModel,
  ) {}

  /** Writes a batch in dependency order (provinces before communes before facilities …). */
  async write(batch: DirectoryBatch, progress?: (step: string, count: number) => void): Promise<void> {
    const step = async <T>(name: string, rows: T[] | undefined, write: (rows: T[]) => Promise<void>) => {
      if (!rows || rows.length === 0) return;
      await write(rows);
      progress?.(name, rows.length);
    };
    await step('provinces', batch.provinces, (r) => this.store.upsertProvinces(r));
    await step('communes', batch.communes, async (r) => {
      await this.store.upsertCommunes(r);
      this.readModel.applyCommunes(r);
    });
    await step('legacyCommunes', batch.legacyCommunes, (r) => this.store.upsertLegacyCommunes(r));
    await step('serviceTypes', batch.serviceTypes, async (r) => {
      await this.store.upsertServiceTypes(r);
      this.readModel.applyServiceTypes(r);
    });
    await step('organizations', batch.organizations, (r) => this.store.upsertOrganizations(r));
    await step('facilities', batch.facilities, async (r) => {
      await this.store.upsertFacilities(r);
      this.readModel.applyFacilities(r);
    });
    await step('offerings', batch.offerings, async (r) => {
      await this.store.upsertOfferings(r);
      this.readModel.applyOfferings(r);
    });
    await step('roads', batch.roads, async (r) => {
      await this.store.upsertRoads(r);
      this.readModel.applyRoads(r);
    });
  }

  async deleteFacility(id: string, at: string): Promise<boolean> {
    const deleted = await this.store.deleteFacility(id, at);
    if (deleted) this.readModel.removeFacility(id);
    return deleted;
  }

  async deleteOffering(id: string, at: string): Promise<boolean> {
    const deleted = await this.store.deleteOffering(id, at);
    if (deleted) this.readModel.removeOffering(id);
    return deleted;
  }
}

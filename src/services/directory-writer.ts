/**
 * Every directory write after start-up goes through here: one store transaction for the whole batch
 * (all of it or none), then the read model, so a write's result is visible to the next routing or
 * coverage query and a failed write leaves both exactly as they were.
 */
import type { ReadModel } from '../read-model/read-model';
import type { DirectoryBatch, DirectoryWrites } from '../store/port';

export type { DirectoryBatch };

export class DirectoryWriter {
  constructor(
    private readonly store: Pick<
      DirectoryWrites,
      'deleteFacility' | 'deleteOffering' | 'writeDirectoryBatch'
    >,
    private readonly readModel: ReadModel,
  ) {}

  async write(batch: DirectoryBatch): Promise<void> {
    await this.store.writeDirectoryBatch(batch);
    // Only after the commit: the read model never shows what the store does not have.
    if (batch.communes?.length) this.readModel.applyCommunes(batch.communes);
    if (batch.serviceTypes?.length) this.readModel.applyServiceTypes(batch.serviceTypes);
    if (batch.facilities?.length) this.readModel.applyFacilities(batch.facilities);
    if (batch.offerings?.length) this.readModel.applyOfferings(batch.offerings);
    if (batch.roads?.length) this.readModel.applyRoads(batch.roads);
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

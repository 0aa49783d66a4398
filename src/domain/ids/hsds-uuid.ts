/**
 * Stable HSDS 3 ids: HSDS requires UUIDs, ours are readable slugs (`fac-22-chs-06652`). Each export id is the
 * name-based UUID (version 5, RFC 9562 §5.5) of `<entity>/<our id>` under the project's namespace, so the same
 * record always gets the same UUID, on every machine, without storing it; the slug travels as `ket_noi_id`.
 */
import { createHash } from 'node:crypto';

/** RFC 9562's namespace for URL names. */
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** The project namespace: uuidv5('urn:ket-noi:hsds', NAMESPACE_URL) (test/domain/ids checks it). */
export const KET_NOI_NAMESPACE = 'e23c5b33-a31a-563e-b7a0-8bbe418e7c70';

export type HsdsEntity = 'organization' | 'location' | 'service' | 'service_at_location';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether text is a UUID of the RFC 9562 form (any version 1–8). */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** A version 5 UUID of `name` in `namespace`. */
export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The HSDS id of one of our records. */
export function hsdsUuid(entity: HsdsEntity, id: string): string {
  return uuidv5(`${entity}/${id}`, KET_NOI_NAMESPACE);
}

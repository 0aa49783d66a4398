/**
 * Whether a point lies in Vietnam: the mainland and near-shore islands (lat 8–23.5, lon 102–110, which
 * takes in Phú Quốc, Thổ Chu, Côn Đảo and Bạch Long Vĩ), or one of the two offshore special zones.
 * Boxes, not borders: enough to catch swapped lat/lon, a missing minus sign or another country's point.
 */
interface Box {
  name: string;
  lat: [number, number];
  lon: [number, number];
}

export const VIETNAM_BOXES: readonly Box[] = [
  { name: 'mainland and near-shore islands', lat: [8, 23.5], lon: [102, 110] },
  { name: 'Đặc khu Hoàng Sa', lat: [15.6, 17.3], lon: [110.9, 113] },
  { name: 'Đặc khu Trường Sa', lat: [6, 12.1], lon: [111.4, 117.5] },
];

export function isInVietnam(lat: number, lon: number): boolean {
  return VIETNAM_BOXES.some((b) => lat >= b.lat[0] && lat <= b.lat[1] && lon >= b.lon[0] && lon <= b.lon[1]);
}

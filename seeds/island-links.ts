/**
 * Bridges and ferries to the 19 communes whose polygon shares no border with another
 * (seeds/vn-admin-2025/boundaries/PROVENANCE.md). Each link ends at the mainland commune that holds the pier
 * or bridgehead, found through the succession table where the pier's pre-2025 commune is known (e.g. Cửa Đại
 * → Phường Hội An Đông). Routes are the regular public passenger services as commonly published by the
 * provinces and operators; times are still estimated (docs/travel-model.md §1), so import real ones.
 * Hoàng Sa (20333) and Trường Sa (22736) get no link: there is no regular public service to either.
 */
import type { CommuneLink } from '../src/domain/routing/travel-model';

export interface IslandLink extends CommuneLink {
  route: string;
}

export const ISLAND_LINKS: readonly IslandLink[] = [
  { a: '06994', b: '06781', kind: 'BRIDGE', route: 'Vân Tiên bridge (QL334), Cửa Ông (Cẩm Phả) – Vân Đồn' },
  { a: '07192', b: '06994', kind: 'FERRY', route: 'Cái Rồng (Vân Đồn) – Cô Tô passenger boats' },
  { a: '06757', b: '06709', kind: 'FERRY', route: 'Móng Cái – Vĩnh Thực island boats' },
  { a: '06967', b: '06922', kind: 'FERRY', route: 'Hải Hà (Quảng Hà) – Cái Chiên island boats' },
  {
    a: '11948',
    b: '11311',
    kind: 'FERRY',
    route: 'Hải Phòng (Bến Bính, former Thượng Lý/Hạ Lý) – Bạch Long Vĩ ship',
  },
  { a: '19742', b: '19496', kind: 'FERRY', route: 'Cửa Việt port – Cồn Cỏ' },
  { a: '20434', b: '20413', kind: 'FERRY', route: 'Cửa Đại (Hội An) – Cù Lao Chàm (Tân Hiệp) boats' },
  { a: '21548', b: '21211', kind: 'FERRY', route: 'Sa Kỳ port (former Tịnh Kỳ) – Lý Sơn' },
  { a: '21607', b: '21583', kind: 'FERRY', route: 'Quy Nhơn – Nhơn Châu (Cù Lao Xanh) boats' },
  { a: '23272', b: '22945', kind: 'FERRY', route: 'Phan Thiết – Phú Quý' },
  { a: '26732', b: '26506', kind: 'FERRY', route: 'Vũng Tàu – Côn Đảo' },
  { a: '26732', b: '31673', kind: 'FERRY', route: 'Trần Đề – Côn Đảo' },
  { a: '31078', b: '30769', kind: 'FERRY', route: 'Hà Tiên – Phú Quốc' },
  { a: '31078', b: '30742', kind: 'FERRY', route: 'Rạch Giá – Phú Quốc' },
  { a: '31108', b: '30742', kind: 'FERRY', route: 'Rạch Giá – Kiên Hải (Hòn Tre, Lại Sơn, Nam Du)' },
  { a: '31105', b: '31078', kind: 'FERRY', route: 'An Thới (Phú Quốc) – Thổ Châu' },
  { a: '30781', b: '30769', kind: 'FERRY', route: 'Hà Tiên – Tiên Hải (Hải Tặc islands) boats' },
  { a: '30811', b: '30787', kind: 'FERRY', route: 'Ba Hòn (Kiên Lương) – Sơn Hải boats' },
  { a: '30814', b: '30787', kind: 'FERRY', route: 'Ba Hòn (Kiên Lương) – Hòn Nghệ boats' },
];

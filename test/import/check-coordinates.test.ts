import { isInVietnam } from '../../src/import/check-coordinates';

describe('isInVietnam', () => {
  it.each([
    ['Hà Nội', 21.0278, 105.8342],
    ['Sa Pa', 22.3364, 103.8438],
    ['Phú Quốc', 10.2899, 103.984],
    ['Thổ Chu', 9.2833, 103.4667],
    ['Côn Đảo', 8.6833, 106.6],
    ['Bạch Long Vĩ', 20.1333, 107.7167],
    ['Trường Sa (Spratly island)', 8.6447, 111.9197],
    ['Hoàng Sa (Woody Island)', 16.8333, 112.3333],
  ])('accepts %s', (_name, lat, lon) => expect(isInVietnam(lat, lon)).toBe(true));

  it.each([
    ['Paris', 48.8566, 2.3522],
    ['lat and lon swapped', 105.8342, 21.0278],
    ['a dropped minus sign of a southern point', -10.8, 106.6],
    ['Bangkok', 13.7563, 100.5018],
    ['Manila', 14.5995, 120.9842],
    ['Kunming', 25.0389, 102.7183],
    ['open sea between the two special zones', 14, 114],
  ])('rejects %s', (_name, lat, lon) => expect(isInVietnam(lat, lon)).toBe(false));
});

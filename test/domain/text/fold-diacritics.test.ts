import { foldDiacritics, tokenize } from '../../../src/domain/text/fold-diacritics';
import { rankSearchHits, scoreName } from '../../../src/domain/text/rank-search';

describe('foldDiacritics', () => {
  it.each([
    ['Phường Hà Tu', 'phuong ha tu'],
    ['Đông Xá', 'dong xa'],
    ['ĐẶC KHU VÂN ĐỒN', 'dac khu van don'],
    ['Xã Ea H’Leo', "xa ea h'leo"],
    ['  Hạ   Long ', 'ha long'],
    ['Ha\u0300 Tu', 'ha tu'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });

  it('tokenizes on anything but letters, digits and dots', () => {
    expect(tokenize('Trạm Y tế – điểm Đông Xá, SCR.ASD')).toEqual([
      'tram',
      'y',
      'te',
      'diem',
      'dong',
      'xa',
      'scr.asd',
    ]);
  });
});

describe('rankSearchHits', () => {
  const hit = (kind: string, id: string, name: string) => ({ kind, id, name, folded: foldDiacritics(name) });

  it('puts an exact name first, then whole-phrase matches, then loose ones', () => {
    const ranked = rankSearchHits(
      [
        hit('FACILITY', 'f1', 'Trường Mầm non Hà Tu'),
        hit('COMMUNE', 'c1', 'Phường Hà Tu'),
        hit('FACILITY', 'f2', 'Trạm Y tế Tuần Châu – Hà Nam'),
      ],
      'ha tu',
    );
    expect(ranked.map((h) => h.id)).toEqual(['c1', 'f1', 'f2']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('drops hits that do not contain every token', () => {
    expect(scoreName('phuong ha tu', 'ha long')).toBe(0);
    expect(rankSearchHits([hit('COMMUNE', 'c', 'Phường Hà Tu')], 'ha long')).toEqual([]);
  });
});

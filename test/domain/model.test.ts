import { levelRank } from '../../src/domain/model';

describe('levelRank', () => {
  it('ranks the commune level first and the central level last', () => {
    expect(levelRank('COMMUNE')).toBe(1);
    expect(levelRank('CENTRAL')).toBe(4);
  });
});

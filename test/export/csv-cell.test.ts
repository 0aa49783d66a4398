import { csvCell, neutraliseCell } from '../../src/export/csv-cell';

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['  =HYPERLINK("x")', `"'  =HYPERLINK(""x"")"`],
    ['Trạm Y tế Hà Tu', 'Trạm Y tế Hà Tu'],
    ['a,b', '"a,b"'],
  ])('writes %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('keeps numbers as numbers, negative ones too, and empties null', () => {
    expect(csvCell(-2.345)).toBe('-2.35');
    expect(csvCell(null)).toBe('');
  });
});

describe('neutraliseCell', () => {
  it('prefixes formula-like text and leaves other text alone', () => {
    expect(neutraliseCell(' =1')).toBe("' =1");
    expect(neutraliseCell('Xã Bảo Ái')).toBe('Xã Bảo Ái');
  });
});

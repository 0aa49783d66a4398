import { parseCsv, parseCsvObjects } from '../../seeds/load-geography';

describe('parseCsv', () => {
  it('splits plain fields and rows, with or without a final line break', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'code,name\n"06688","Phường Hạ Long, Quảng Ninh"\n"x","say ""hi""\nthere"\n';
    expect(parseCsv(text)).toEqual([
      ['code', 'name'],
      ['06688', 'Phường Hạ Long, Quảng Ninh'],
      ['x', 'say "hi"\nthere'],
    ]);
  });

  it('keeps Vietnamese diacritics, leading zeros and empty fields as written', () => {
    expect(parseCsv('00004,Phường Ba Đình,,Đặc khu Vân Đồn,\n')).toEqual([
      ['00004', 'Phường Ba Đình', '', 'Đặc khu Vân Đồn', ''],
    ]);
  });

  it('accepts CRLF line endings and a leading byte-order mark', () => {
    expect(parseCsv('\ufeffa,b\r\n"1\r\n2",3\r\n')).toEqual([
      ['a', 'b'],
      ['1\r\n2', '3'],
    ]);
  });

  it('rejects a file that ends inside a quoted field', () => {
    expect(() => parseCsv('a,"b\n')).toThrow('CSV ends inside a quoted field');
  });
});

describe('parseCsvObjects', () => {
  it('keys rows by the header', () => {
    expect(parseCsvObjects('code,flags\n07015,a;b\n')).toEqual([{ code: '07015', flags: 'a;b' }]);
  });

  it('rejects a row of the wrong width with its line number', () => {
    expect(() => parseCsvObjects('a,b\n1,2\n3\n')).toThrow('CSV row 3 has 1 fields, expected 2');
  });
});

/** Where the copied 2025 geography lives, whether the code runs from source or from the build. */
import fs from 'node:fs';
import path from 'node:path';

/** The CSV folder: beside this file when run from source, or back in seeds/ when run from dist/seeds. */
export function geographyDir(): string {
  const candidates = [
    path.join(__dirname, 'vn-admin-2025'),
    path.resolve(__dirname, '../../seeds/vn-admin-2025'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'communes.csv'))) ?? candidates[0]!;
}

import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS } from '../../src/auth/policy';
import { ROLES } from '../../src/auth/viewer';

describe('docs/security.md', () => {
  it('shows exactly the roles × operations table that policy.ts enforces', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/security.md'), 'utf8');
    const rows = doc.split('\n').filter((line) => /^\| `[a-z]+\.[a-z]+` +\|/.test(line));
    const documented = Object.fromEntries(
      rows.map((line) => {
        const cells = line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim());
        const op = cells[0]!.replace(/`/g, '');
        return [op, ROLES.filter((_, i) => cells[i + 1] === 'yes')];
      }),
    );
    const enforced = Object.fromEntries(
      Object.entries(OPERATIONS).map(([op, roles]) => [
        op,
        ROLES.filter((r) => (roles as readonly string[]).includes(r)),
      ]),
    );
    expect(documented).toEqual(enforced);
  });
});

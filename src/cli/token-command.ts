/** `npm run token -- --role caseworker --org <id> --province 15`: prints a local HS256 token. */
import { signToken } from '../auth/tokens';
import { ROLES, type Role } from '../auth/viewer';
import { loadConfig } from '../config';
import { flag, parseArgs } from './args';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runTokenCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const role = (flag(args, 'role') ?? 'caseworker') as Role;
  if (!(ROLES as readonly string[]).includes(role) || role === 'anonymous') {
    io.err(`--role must be one of ${ROLES.filter((r) => r !== 'anonymous').join(', ')}`);
    return 2;
  }
  const config = loadConfig();
  if (!config.jwtSecret) {
    io.err('KETNOI_JWT_SECRET is not set; local tokens need the HS256 secret the server uses');
    return 2;
  }
  const token = await signToken(
    {
      subject: flag(args, 'sub') ?? `${role}-demo`,
      role: role as Exclude<Role, 'anonymous'>,
      organizationId: flag(args, 'org'),
      provinceCode: flag(args, 'province'),
      facilityId: flag(args, 'facility'),
    },
    config.jwtSecret,
    flag(args, 'ttl') ?? '8h',
  );
  io.out(token);
  return 0;
}

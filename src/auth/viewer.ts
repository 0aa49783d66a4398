/** Who is calling, as established from the bearer token; anonymous callers read the public directory only. */
export const ROLES = ['anonymous', 'caseworker', 'facility_staff', 'planner', 'integrator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  subject: string;
  role: Role;
  organizationId: string | null;
  provinceCode: string | null;
  facilityId: string | null;
}

export const ANONYMOUS: Viewer = {
  subject: 'anonymous',
  role: 'anonymous',
  organizationId: null,
  provinceCode: null,
  facilityId: null,
};

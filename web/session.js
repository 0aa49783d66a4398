// @ts-check
/** Who is signed in (from the pasted token) and which pages each role sees; the server enforces the same. */
import { decodeToken, getToken } from './api.js';

export const ROLE_NAMES = {
  anonymous: ['Khách', 'anonymous'],
  caseworker: ['Cán bộ công tác xã hội', 'caseworker'],
  facility_staff: ['Nhân viên cơ sở', 'facility staff'],
  planner: ['Cán bộ kế hoạch', 'planner'],
  integrator: ['Tích hợp hệ thống', 'integrator'],
  admin: ['Quản trị', 'admin'],
};

/** Pages by id, in menu order. */
export const PAGES = {
  caseworker: { vi: 'Tìm dịch vụ & chuyển gửi', en: 'Find & refer' },
  facility: { vi: 'Chuyển gửi đến', en: 'Incoming referrals' },
  planner: { vi: 'Độ bao phủ', en: 'Coverage' },
  directory: { vi: 'Danh bạ', en: 'Directory' },
};

const PAGES_BY_ROLE = {
  anonymous: ['directory'],
  caseworker: ['caseworker', 'directory'],
  facility_staff: ['facility', 'directory'],
  planner: ['planner', 'directory'],
  integrator: ['directory'],
  admin: ['planner', 'caseworker', 'directory'],
};

/** The current session: role and scope claims, or anonymous. `expired` when the token's exp has passed. */
export function currentSession() {
  const token = getToken();
  const claims = token ? decodeToken(token) : null;
  if (!token || !claims) return { role: 'anonymous', token: null, claims: {} };
  const role = PAGES_BY_ROLE[claims.role] ? claims.role : 'anonymous';
  const expired = typeof claims.exp === 'number' && claims.exp * 1000 < Date.now();
  return { role, token, claims, expired };
}

export function pagesFor(role) {
  return PAGES_BY_ROLE[role] ?? PAGES_BY_ROLE.anonymous;
}

/** Roles that may open a page, for the "this page is for…" notice. */
export function rolesFor(page) {
  return Object.keys(PAGES_BY_ROLE).filter((role) => PAGES_BY_ROLE[role].includes(page));
}

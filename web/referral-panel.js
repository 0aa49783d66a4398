/**
 * Referring a child in three visible steps: create the (pseudonymous) case, record the family's consent,
 * then create the referral from a local facility to the chosen provider.
 */
import { gql } from './api.js';
import { bi, field, h, replace, select, withStatus } from './dom.js';
import { printSlip } from './chain.js';

const CREATE_CASE = `mutation CreateCase($input: CreateCaseInput!) {
  createCase(input: $input) { id label ageMonths birthMonth commune { code name } }
}`;
const GRANT_CONSENT = `mutation GrantConsent($input: GrantConsentInput!) {
  grantConsent(input: $input) { id purpose grantedBy active }
}`;
const CREATE_REFERRAL = `mutation CreateReferral($input: CreateReferralInput!) {
  createReferral(input: $input) { id status dueDate toFacility { name } service { code nameVi } }
}`;
const LOCAL_FACILITIES = `query Local($communeCode: String!) {
  facilities(where: { communeCode: $communeCode }, first: 30) { nodes { id name sector level kind } }
}`;

const GRANTORS = [['MOTHER', 'Mẹ · mother'], ['FATHER', 'Bố · father'], ['GUARDIAN', 'Người giám hộ · guardian'], ['CARER', 'Người chăm sóc · carer'], ['CHILD_14_PLUS', 'Trẻ từ 14 tuổi · child 14+']];
const SECTORS = [['HEALTH', 'Y tế · health'], ['SOCIAL', 'Xã hội · social'], ['EDUCATION', 'Giáo dục · education']];
const URGENCIES = [['ROUTINE', 'Thường · routine'], ['PRIORITY', 'Ưu tiên · priority'], ['EMERGENCY', 'Khẩn cấp · emergency']];

/** YYYY-MM of the month `ageMonths` before today. */
export function birthMonthFor(ageMonths) {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - ageMonths);
  return d.toISOString().slice(0, 7);
}

/**
 * `getContext()` returns { commune, serviceCode, serviceName, ageMonths, language, match } from the search;
 * `onReferred(caseId)` runs after a referral is created. Returns { element, refresh(), useCase(c) }.
 */
export function referralPanel({ getContext, onReferred }) {
  const state = { caseRecord: null, consent: null };
  const label = h('input', { id: 'case-label', value: `LC-${Date.now().toString(36).slice(-5).toUpperCase()}`, maxlength: 40 });
  const birthMonth = h('input', { id: 'case-birth', type: 'month' });
  const sex = select({ id: 'case-sex' }, [['F', 'Nữ · F'], ['M', 'Nam · M'], ['X', 'Khác · X']], 'F');
  const grantor = select({ id: 'consent-by' }, GRANTORS, 'MOTHER');
  // Consent is purpose-bound and scoped: the family agrees to share with these sectors only.
  const scopes = SECTORS.map(([value, text]) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'consent-sector', value }), text));
  const fromFacility = select({ id: 'referral-from' }, [['', '— chọn xã trước · pick a commune first —']], '');
  const reason = h('input', { id: 'referral-reason', maxlength: 300 });
  const urgency = select({ id: 'referral-urgency' }, URGENCIES, 'ROUTINE');
  const skipReason = h('input', { id: 'referral-skip', placeholder: 'vd. tuyến dưới không có dịch vụ', maxlength: 300 });
  const caseInfo = h('div', { class: 'step-result', id: 'case-result' });
  const consentInfo = h('div', { class: 'step-result', id: 'consent-result' });
  const referralInfo = h('div', { class: 'step-result', id: 'referral-result' });
  const target = h('div', { class: 'chosen', id: 'chosen-provider' });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  let localFor = null;

  const createCase = async () => {
    const ctx = getContext();
    if (!ctx.commune) return replace(status, h('p', { class: 'warn' }, 'Chọn xã/phường của trẻ trước · Pick the child’s commune first'));
    const input = {
      label: label.value.trim(),
      birthMonth: birthMonth.value,
      sex: sex.value,
      communeCode: ctx.commune.code,
      languages: [ctx.language || 'vie'],
      needs: ctx.serviceCode ? [ctx.serviceCode] : [],
    };
    const data = await withStatus(status, () => gql(CREATE_CASE, { input }));
    if (data) useCase(data.createCase);
  };
  const grantConsent = async () => {
    if (!state.caseRecord) return;
    const scopeSectors = scopes.map((l) => l.firstChild).filter((box) => box.checked).map((box) => box.value);
    if (!scopeSectors.length) return replace(status, h('p', { class: 'warn' }, 'Chọn ít nhất một ngành được chia sẻ · Pick at least one sector to share with'));
    const input = { caseId: state.caseRecord.id, purpose: 'REFERRAL', grantedBy: grantor.value, scopeSectors };
    const data = await withStatus(status, () => gql(GRANT_CONSENT, { input }));
    if (!data) return;
    state.consent = data.grantConsent;
    replace(consentInfo, `✓ Đã ghi nhận đồng ý (${data.grantConsent.grantedBy}, ${data.grantConsent.purpose}, ${scopeSectors.join(', ')}) · ${data.grantConsent.id}`);
    refresh();
  };
  const createReferral = async () => {
    const ctx = getContext();
    if (!state.caseRecord || !ctx.match) return;
    const input = {
      caseId: state.caseRecord.id,
      fromFacilityId: fromFacility.value,
      toFacilityId: ctx.match.facility.id,
      serviceCode: ctx.serviceCode,
      reason: reason.value.trim() || `Đề nghị ${ctx.serviceName.toLowerCase()} cho trẻ ${ctx.ageMonths} tháng`,
      urgency: urgency.value,
      skipReason: skipReason.value.trim() || null,
    };
    const data = await withStatus(status, () => gql(CREATE_REFERRAL, { input }));
    if (!data) return;
    const r = data.createReferral;
    replace(
      referralInfo,
      `✓ Đã chuyển gửi tới ${r.toFacility.name} (${r.service.code}) · trạng thái ${r.status}`,
      h('button', { type: 'button', id: 'print-new-slip', onClick: () => printSlip(r.id).catch((e) => withStatus(status, () => Promise.reject(e))) }, bi('In phiếu', 'Print slip')),
    );
    onReferred?.(state.caseRecord.id);
  };

  const caseButton = h('button', { type: 'button', id: 'create-case', onClick: createCase }, bi('Tạo ca', 'Create case'));
  const consentButton = h('button', { type: 'button', id: 'grant-consent', onClick: grantConsent }, bi('Ghi nhận đồng ý', 'Record consent'));
  const referButton = h('button', { type: 'button', id: 'create-referral', class: 'primary', onClick: createReferral }, bi('Chuyển gửi', 'Create referral'));

  async function loadLocalFacilities(commune) {
    if (localFor === commune.code) return;
    localFor = commune.code;
    const data = await withStatus(status, () => gql(LOCAL_FACILITIES, { communeCode: commune.code }));
    const nodes = data?.facilities.nodes ?? [];
    // The commune health station first: the usual starting point of a health referral.
    nodes.sort((a, b) => Number(b.kind === 'COMMUNE_HEALTH_STATION') - Number(a.kind === 'COMMUNE_HEALTH_STATION'));
    replace(fromFacility, nodes.map((f) => h('option', { value: f.id }, `${f.name} (${f.sector})`)));
  }

  function useCase(caseRecord) {
    state.caseRecord = caseRecord;
    state.consent = null;
    replace(caseInfo, `✓ Ca ${caseRecord.label} · ${caseRecord.ageMonths} tháng · ${caseRecord.commune.name} · mã ${caseRecord.id}`);
    replace(consentInfo);
    replace(referralInfo);
    refresh();
  }

  function refresh() {
    const ctx = getContext();
    if (ctx.ageMonths !== undefined && !state.caseRecord) birthMonth.value = birthMonthFor(ctx.ageMonths);
    if (ctx.commune) loadLocalFacilities(ctx.commune);
    replace(target, ctx.match ? ['Chuyển tới · To: ', h('strong', {}, ctx.match.facility.name), ` (${ctx.serviceCode})`] : h('span', { class: 'muted' }, 'Chọn một nơi ở bảng kết quả · Choose a provider in the results'));
    // Until consent is recorded, the chosen provider's sector is ticked for the family to confirm.
    const box = scopes.map((l) => l.firstChild).find((b) => b.value === (ctx.match?.facility.sector ?? 'HEALTH'));
    if (!state.consent && box) box.checked = true;
    consentButton.disabled = !state.caseRecord;
    referButton.disabled = !state.caseRecord || !state.consent || !ctx.match;
  }

  const element = h(
    'section',
    { class: 'panel', id: 'refer' },
    h('h2', {}, bi('2. Chuyển gửi trẻ', 'Refer the child')),
    h('p', { class: 'muted' }, 'Chỉ dùng mã bí danh, không ghi tên trẻ. · Use a pseudonymous label, never the child’s name.'),
    h('div', { class: 'steps' },
      h('fieldset', {}, h('legend', {}, bi('Ca', 'Case')), field('Mã bí danh · Label', label), field('Tháng sinh · Birth month', birthMonth), field('Giới tính · Sex', sex), caseButton, caseInfo),
      h('fieldset', {}, h('legend', {}, bi('Đồng ý', 'Consent')), field('Người đồng ý · Granted by', grantor),
        h('div', { class: 'field' }, h('span', { class: 'label' }, 'Được chia sẻ với · Shared with'), scopes), consentButton, consentInfo),
      h('fieldset', {}, h('legend', {}, bi('Phiếu chuyển gửi', 'Referral')), target,
        field('Từ cơ sở · From', fromFacility), field('Lý do · Reason', reason), field('Mức độ · Urgency', urgency),
        field('Lý do vượt tuyến · Skip reason', skipReason, 'Bắt buộc khi chuyển y tế vượt tuyến · Required when a health referral skips a level'),
        referButton, referralInfo),
    ),
    status,
  );
  refresh();
  return { element, refresh, useCase };
}

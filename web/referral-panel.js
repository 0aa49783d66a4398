// @ts-check
/**
 * Referring a child in three visible steps: create the (pseudonymous) case, record the family's consent,
 * then create the referral from a local facility to the chosen provider.
 */
import { gql, submissionKeys } from './api.js';
import { bi, field, h, replace, select, withStatus } from './dom.js';
import { printSlip } from './chain.js';
import { SECTOR_LABELS, pick, t } from './i18n.js';

const CREATE_CASE = `mutation CreateCase($input: CreateCaseInput!) {
  createCase(input: $input) { id label ageMonths birthMonth commune { code name } }
}`;
const GRANT_CONSENT = `mutation GrantConsent($input: GrantConsentInput!) {
  grantConsent(input: $input) { id purpose grantedBy active }
}`;
const CONSENTS = `query Consents($id: ID!) { case(id: $id) { id consents { id purpose grantedBy active scopeSectors } } }`;
const CREATE_REFERRAL = `mutation CreateReferral($input: CreateReferralInput!) {
  createReferral(input: $input) { id status statusLabel dueDate toFacility { name } service { code nameVi } }
}`;
const LOCAL_FACILITIES = `query Local($communeCode: String!) {
  facilities(where: { communeCode: $communeCode }, first: 30) { nodes { id name sector sectorLabel level kind } }
}`;

const GRANTORS = [
  ['MOTHER', 'Mẹ', 'Mother'],
  ['FATHER', 'Bố', 'Father'],
  ['GUARDIAN', 'Người giám hộ', 'Guardian'],
  ['CAREGIVER', 'Người chăm sóc', 'Caregiver'],
  ['CHILD_14_PLUS', 'Trẻ từ 14 tuổi', 'Child aged 14+'],
];
const URGENCIES = [['ROUTINE', 'Thường', 'Routine'], ['PRIORITY', 'Ưu tiên', 'Priority'], ['EMERGENCY', 'Khẩn cấp', 'Emergency']];

/** YYYY-MM of the month `ageMonths` before today. */
export function birthMonthFor(ageMonths) {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - ageMonths);
  return d.toISOString().slice(0, 7);
}

/**
 * `getContext()` returns { commune, serviceCode, serviceName, ageMonths, language, match } from the search;
 * `onReferred(caseRecord)` runs after a referral is created. Returns { element, refresh(), useCase(c) }.
 */
export function referralPanel({ getContext, onReferred }) {
  const state = { caseRecord: null, consent: null };
  const label = h('input', { id: 'case-label', value: `LC-${Date.now().toString(36).slice(-5).toUpperCase()}`, maxlength: 40 });
  const birthMonth = h('input', { id: 'case-birth', type: 'month' });
  const sex = select({ id: 'case-sex' }, [['F', t('Nữ', 'Female')], ['M', t('Nam', 'Male')], ['X', t('Khác', 'Other')]], 'F');
  const grantor = select({ id: 'consent-by' }, GRANTORS.map(([v, vi, en]) => [v, t(vi, en)]), 'MOTHER');
  // Consent is purpose-bound and scoped: the family agrees to share with these sectors only.
  const scopes = Object.entries(SECTOR_LABELS).map(([value, pair]) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'consent-sector', value }), pick(pair)));
  const fromFacility = select({ id: 'referral-from' }, [['', t('— chọn xã trước —', '— pick a commune first —')]], '');
  const reason = h('input', { id: 'referral-reason', maxlength: 300 });
  const urgency = select({ id: 'referral-urgency' }, URGENCIES.map(([v, vi, en]) => [v, t(vi, en)]), 'ROUTINE');
  const skipReason = h('input', { id: 'referral-skip', placeholder: t('vd. tuyến dưới không có dịch vụ', 'e.g. the lower level lacks the service'), maxlength: 300 });
  const caseInfo = h('div', { class: 'step-result', id: 'case-result' });
  const consentInfo = h('div', { class: 'step-result', id: 'consent-result' });
  const referralInfo = h('div', { class: 'step-result', id: 'referral-result' });
  const target = h('div', { class: 'chosen', id: 'chosen-provider' });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  let localFor = null;
  const caseKeys = submissionKeys();
  const referralKeys = submissionKeys();

  const createCase = async () => {
    const ctx = getContext();
    if (!ctx.commune) return replace(status, h('p', { class: 'warn' }, t('Chọn xã/phường của trẻ trước', 'Pick the child’s commune first')));
    const input = {
      label: label.value.trim(),
      birthMonth: birthMonth.value,
      sex: sex.value,
      communeCode: ctx.commune.code,
      languages: [ctx.language || 'vie'],
      needs: ctx.serviceCode ? [ctx.serviceCode] : [],
    };
    const idempotencyKey = caseKeys.for(input);
    const data = await withStatus(status, () => gql(CREATE_CASE, { input: { ...input, idempotencyKey } }));
    if (!data) return;
    caseKeys.done();
    useCase(data.createCase);
  };
  const showConsent = (consent, sectors) => {
    state.consent = consent;
    const names = sectors.map((s) => pick(SECTOR_LABELS[s], s)).join(', ');
    const by = pick(GRANTORS.find((g) => g[0] === consent.grantedBy)?.slice(1), consent.grantedBy);
    replace(consentInfo, t(`✓ Đã ghi nhận đồng ý (${by}, chia sẻ với: ${names})`, `✓ Consent recorded (${by}, shared with: ${names})`));
  };
  const grantConsent = async () => {
    if (!state.caseRecord) return;
    const scopeSectors = scopes.map((l) => l.firstChild).filter((box) => box.checked).map((box) => box.value);
    if (!scopeSectors.length) return replace(status, h('p', { class: 'warn' }, t('Chọn ít nhất một ngành được chia sẻ', 'Pick at least one sector to share with')));
    const input = { caseId: state.caseRecord.id, purpose: 'REFERRAL', grantedBy: grantor.value, scopeSectors };
    const data = await withStatus(status, () => gql(GRANT_CONSENT, { input }));
    if (!data) return;
    showConsent(data.grantConsent, scopeSectors);
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
      reason: reason.value.trim() || t(`Đề nghị ${ctx.serviceName.toLowerCase()} cho trẻ ${ctx.ageMonths} tháng`, `Please provide ${ctx.serviceName} for a ${ctx.ageMonths}-month-old`),
      urgency: urgency.value,
      skipReason: skipReason.value.trim() || null,
    };
    const idempotencyKey = referralKeys.for(input);
    const data = await withStatus(status, () => gql(CREATE_REFERRAL, { input: { ...input, idempotencyKey } }));
    if (!data) return;
    referralKeys.done();
    const r = data.createReferral;
    replace(
      referralInfo,
      t(`✓ Đã chuyển gửi tới ${r.toFacility.name} (${r.service.code}) · ${r.statusLabel}`, `✓ Referred to ${r.toFacility.name} (${r.service.code}) · ${r.statusLabel}`),
      h('button', { type: 'button', id: 'print-new-slip', onClick: () => printSlip(r.id).catch((e) => withStatus(status, () => Promise.reject(e))) }, bi('In phiếu', 'Print slip')),
    );
    onReferred?.(state.caseRecord);
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
    replace(fromFacility, nodes.map((f) => h('option', { value: f.id }, `${f.name} (${f.sectorLabel})`)));
  }

  /** Works on an existing or new case; an active consent already on record is used as it is. */
  function useCase(caseRecord) {
    state.caseRecord = caseRecord;
    state.consent = null;
    replace(caseInfo, t(`✓ Ca ${caseRecord.label} · ${caseRecord.ageMonths} tháng · ${caseRecord.commune.name}`, `✓ Case ${caseRecord.label} · ${caseRecord.ageMonths} months · ${caseRecord.commune.name}`));
    replace(consentInfo);
    replace(referralInfo);
    refresh();
    gql(CONSENTS, { id: caseRecord.id }).then((data) => {
      const active = data.case.consents.filter((c) => c.active && c.purpose === 'REFERRAL').at(-1);
      if (active && state.caseRecord?.id === caseRecord.id) {
        showConsent(active, active.scopeSectors);
        refresh();
      }
    }, () => undefined);
  }

  function refresh() {
    const ctx = getContext();
    if (ctx.ageMonths !== undefined && !state.caseRecord) birthMonth.value = birthMonthFor(ctx.ageMonths);
    if (ctx.commune) loadLocalFacilities(ctx.commune);
    replace(target, ctx.match
      ? [t('Chuyển tới: ', 'To: '), h('strong', {}, ctx.match.facility.name), ` (${ctx.serviceCode})`]
      : h('span', { class: 'muted' }, t('Chọn một nơi ở bảng kết quả', 'Choose a provider in the results')));
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
    h('p', { class: 'muted' }, t('Chỉ dùng mã bí danh, không ghi tên trẻ.', 'Use a pseudonymous label, never the child’s name.')),
    h('div', { class: 'steps' },
      h('fieldset', {}, h('legend', {}, bi('Ca', 'Case')), field(bi('Mã bí danh', 'Label'), label), field(bi('Tháng sinh', 'Birth month'), birthMonth), field(bi('Giới tính', 'Sex'), sex), caseButton, caseInfo),
      h('fieldset', {}, h('legend', {}, bi('Đồng ý', 'Consent')), field(bi('Người đồng ý', 'Granted by'), grantor),
        h('div', { class: 'field' }, h('span', { class: 'label' }, bi('Được chia sẻ với', 'Shared with')), scopes), consentButton, consentInfo),
      h('fieldset', {}, h('legend', {}, bi('Phiếu chuyển gửi', 'Referral')), target,
        field(bi('Từ cơ sở', 'From'), fromFacility), field(bi('Lý do', 'Reason'), reason), field(bi('Mức độ', 'Urgency'), urgency),
        field(bi('Lý do vượt tuyến', 'Skip reason'), skipReason, t('Bắt buộc khi chuyển y tế vượt tuyến', 'Required when a health referral skips a level')),
        referButton, referralInfo),
    ),
    status,
  );
  refresh();
  return { element, refresh, useCase };
}

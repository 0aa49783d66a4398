// @ts-check
/**
 * Onward referral from the receiving facility: the next service for the child, the nearest providers from
 * the child's commune, and a referral that follows this one (parentId). The server checks that the consent
 * covers the new receiver (CONSENT_REQUIRED otherwise) and that staff refer only from their own facility.
 */
import { gql, submissionKeys } from './api.js';
import { bi, field, fmt, h, replace, select, withStatus } from './dom.js';
import { lang, t } from './i18n.js';

const ONWARD_SERVICES = `{ serviceTypes { code name nameVi } }`;
const ONWARD_NEAREST = `query OnwardNearest($input: NearestProvidersInput!) {
  nearestProviders(input: $input) {
    matches { facility { id name sectorLabel commune { name } } travelMinutes distanceKm longTrip reasons { code text } }
  }
}`;
const REFER = `mutation Onward($input: CreateReferralInput!) {
  createReferral(input: $input) { id statusLabel toFacility { name } }
}`;

export function onwardPanel({ item, facilityId, onDone }) {
  const r = item.referral;
  const service = select({ id: 'onward-service' }, [], '');
  const reason = h('input', { id: 'onward-reason', maxlength: 300, value: t(`Tiếp theo ${r.service.code}`, `Following ${r.service.code}`) });
  const results = h('div', { id: 'onward-results' });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  let chosen = null;
  const keys = submissionKeys();

  const find = async () => {
    chosen = null;
    const input = {
      communeCode: r.case.commune.code,
      serviceCode: service.value,
      childAgeMonths: r.case.ageMonths,
      language: r.case.languages.find((l) => l !== 'vie') ?? 'vie',
      first: 5,
    };
    const data = await withStatus(status, () => gql(ONWARD_NEAREST, { input }));
    if (!data) return;
    const matches = data.nearestProviders.matches.filter((m) => m.facility.id !== facilityId);
    replace(results, matches.length
      ? h('ul', { class: 'cards' }, matches.map((m) =>
          h('li', { 'data-facility': m.facility.id },
            h('strong', {}, m.facility.name), ` · ${m.facility.sectorLabel} · ${m.facility.commune.name} · ${fmt.minutes(m.travelMinutes)} · ${fmt.km(m.distanceKm)}`,
            m.longTrip ? h('span', { class: 'tag long-trip' }, t('đường xa', 'long trip')) : null,
            h('button', { type: 'button', class: 'onward-choose', onClick: (e) => {
              chosen = m;
              results.querySelectorAll('li').forEach((li) => li.classList.toggle('chosen', li.dataset.facility === m.facility.id));
              e.currentTarget.blur();
            } }, t('Chọn', 'Choose')))))
      : h('p', { class: 'warn' }, t('Không có nơi phù hợp gần trẻ', 'No suitable provider near the child')));
  };
  const refer = async () => {
    if (!chosen) return replace(status, h('p', { class: 'warn' }, t('Chọn một nơi nhận trước', 'Choose a receiving provider first')));
    const input = { caseId: r.case.id, parentId: r.id, fromFacilityId: facilityId, toFacilityId: chosen.facility.id, serviceCode: service.value, reason: reason.value.trim() };
    const idempotencyKey = keys.for(input);
    const data = await withStatus(status, () => gql(REFER, { input: { ...input, idempotencyKey } }));
    if (!data) return;
    keys.done();
    replace(status, h('p', { class: 'done', id: 'onward-done' }, t(`✓ Đã chuyển gửi tiếp tới ${data.createReferral.toFacility.name}`, `✓ Referred on to ${data.createReferral.toFacility.name}`)));
    onDone?.();
  };

  withStatus(status, () => gql(ONWARD_SERVICES)).then((data) => {
    if (!data) return;
    replace(service, data.serviceTypes.filter((s) => s.code !== r.service.code).map((s) => h('option', { value: s.code }, `${lang() === 'en' ? s.name : s.nameVi} (${s.code})`)));
  });

  return h('section', { class: 'panel', id: 'onward' },
    h('h2', {}, bi(`Chuyển gửi tiếp ${r.case.label}`, 'Refer onward')),
    h('div', { class: 'grid-form' },
      field(t('Dịch vụ tiếp theo', 'Next service'), service, null, true),
      h('button', { type: 'button', id: 'onward-find', onClick: find }, t('Tìm nơi nhận', 'Find providers'))),
    results,
    field(t('Lý do', 'Reason'), reason, null, true),
    h('button', { type: 'button', id: 'onward-refer', class: 'primary', onClick: refer }, t('Chuyển gửi tiếp', 'Refer onward')),
    status);
}

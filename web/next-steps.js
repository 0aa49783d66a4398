// @ts-check
/**
 * The pathway's next steps beside the chain (Query.suggestNextSteps): why each step comes next and its
 * nearest providers (one row per facility), each with one click to fill in the referral form.
 */
import { fmt, h } from './dom.js';
import { t } from './i18n.js';
import { sectorChip } from './providers.js';

export const NEXT_STEPS = `query NextSteps($caseId: ID!) {
  suggestNextSteps(caseId: $caseId) {
    stepId stepNumber name sector serviceCodes condition why
    providers {
      facility { id name sector commune { name } }
      offering { id service { code } }
      travelMinutes distanceKm longTrip
    }
  }
}`;

export function nextStepsView(steps, onPrefill) {
  return h(
    'section',
    { class: 'next-steps', id: 'next-steps' },
    h('h3', {}, t('Bước tiếp theo', 'Next steps')),
    steps.length
      ? h('ol', { class: 'cards' }, steps.map((s) =>
          h('li', { class: 'next-step', 'data-step': s.stepId },
            h('div', {}, h('strong', {}, s.name), ' ', sectorChip(s.sector), ' ', s.serviceCodes.map((c) => h('code', {}, c))),
            h('p', { class: 'why' }, s.why),
            s.condition ? h('p', { class: 'muted' }, s.condition) : null,
            s.providers.length
              ? h('ul', { class: 'step-providers' }, s.providers.map((m) =>
                  h('li', { 'data-facility': m.facility.id },
                    h('strong', {}, m.facility.name), ` · ${m.facility.commune.name} · ${fmt.minutes(m.travelMinutes)} · ${fmt.km(m.distanceKm)}`,
                    m.longTrip ? h('span', { class: 'tag long-trip' }, t('đường xa', 'long trip')) : null,
                    h('button', { type: 'button', class: 'prefill', onClick: () => onPrefill(m, m.offering.service.code) },
                      t('Chuyển gửi tới đây', 'Refer here')))))
              : h('p', { class: 'muted' }, t('Chưa thấy nơi cung cấp phù hợp gần trẻ', 'No suitable provider found near the child')))))
      : h('p', { class: 'muted' }, t('Không có gợi ý: lộ trình đã xong hoặc chưa xác định', 'No suggestion: the pathway is complete or not known')),
  );
}

/**
 * "Tänään" (today) in a meeting side panel. Placeholder until the intake and turn-order work lands:
 * it reads GET /api/meetings/{meetingId}/today when the server offers it and otherwise says, in the
 * user's language, that the view is not available yet. It never writes anything.
 */
import { h } from '../dom';
import { tr } from '../i18n';
import type { Lang } from '../i18n';

/** The shape this view understands; everything is optional so a partial backend still renders. */
interface TodayData {
  tally?: number;
  order?: Array<{ position?: number; label?: string; endsAt?: string }>;
  serverNow?: string;
}

/** Fetches and renders the view into a fresh element. */
export function renderToday(lang: Lang, meetingId: string | undefined): HTMLElement {
  const section = h('section', { class: 'today', 'aria-labelledby': 'today-heading' }, h('h2', { id: 'today-heading' }, tr(lang, 'today.title')));
  const body = h('div', { 'aria-live': 'polite' });
  section.append(body);
  if (!meetingId) {
    body.append(h('p', { class: 'notice' }, tr(lang, 'today.notInMeeting')));
    return section;
  }
  const unavailable = () => body.replaceChildren(h('p', { class: 'notice' }, tr(lang, 'today.notAvailable')));
  fetch(`/api/meetings/${encodeURIComponent(meetingId)}/today`, { headers: { accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return unavailable();
      const data = (await res.json()) as TodayData;
      // Deadlines are the server's; correct for this device's clock skew before counting down.
      const skew = data.serverNow ? Date.parse(data.serverNow) - Date.now() : 0;
      const items = (data.order ?? []).map((item) => {
        const left = item.endsAt ? Math.max(0, Math.ceil((Date.parse(item.endsAt) - (Date.now() + skew)) / 60000)) : undefined;
        return h('li', {}, item.label ?? String(item.position ?? ''), left !== undefined ? h('span', { class: 'chip' }, tr(lang, 'today.remaining', { minutes: left })) : null);
      });
      body.replaceChildren(
        typeof data.tally === 'number' ? h('p', { class: 'tally' }, tr(lang, 'today.tally', { count: data.tally })) : h('p', { class: 'notice' }, tr(lang, 'today.notAvailable')),
        ...(items.length ? [h('h3', {}, tr(lang, 'today.order')), h('ol', { class: 'order' }, ...items)] : []));
    })
    .catch(unavailable);
  return section;
}

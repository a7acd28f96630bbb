/**
 * The workshop calendar tab: wires the host (Teams or plain browser), the API and the views.
 * Renders as soon as the calendar data and the host are known; teams-js never blocks for more
 * than 1.5 s.
 */
import type { CalendarView, WorkshopView } from '../../bot/domain/calendar/calendar-view';
import { localText } from '../../bot/domain/calendar/model';
import { cycleIcsUrl, fetchAttendance, fetchCalendar, fetchIsCoordinator, sendChange } from './api';
import { h } from './dom';
import { connectHost } from './host';
import type { Host, ThemeName } from './host';
import { langFromLocale, tr } from './i18n';
import type { Lang } from './i18n';
import { showDetails } from './views/details';
import { openEditForm } from './views/edit-form';
import type { FormMode } from './views/edit-form';
import { renderLegend, renderList } from './views/list';
import { renderNextUp } from './views/next-up';
import { renderWheel } from './views/wheel';
import { renderToday } from './today/today-view';
import { fetchSubscribed, renderReminderSwitch } from './views/reminder-switch';

type ViewName = 'wheel' | 'list' | 'today';

interface State {
  lang: Lang;
  host: Host;
  view: ViewName;
  data: CalendarView;
  /** The next workshop's record, which may sit in a cycle other than the one shown. */
  next?: WorkshopView;
  coordinator: boolean;
  token?: string;
  /** The person's reminder subscription; undefined hides the switch (no token, e.g. a plain browser). */
  reminders?: boolean;
}

declare global {
  interface Window { vuoroFirstRenderMs?: number }
}

const root = document.getElementById('app')!;
const announcer = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
let state: State;

function applyTheme(theme: ThemeName): void {
  document.documentElement.dataset.theme = theme;
}

function hasToday(s: State): boolean {
  return !!s.host.info.meetingId || s.host.info.frameContext === 'sidePanel';
}

function announce(text: string): void {
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = text; }, 50);
}

async function loadNext(s: State): Promise<WorkshopView | undefined> {
  const next = s.data.next;
  if (!next) return undefined;
  if (next.cycleId === s.data.cycle.id) return s.data.cycle.workshops.find((w) => w.id === next.workshopId);
  const other = await fetchCalendar(s.lang, next.cycleId);
  return other.cycle.workshops.find((w) => w.id === next.workshopId);
}

async function reload(cycleId = state.data.cycle.id): Promise<void> {
  state.data = await fetchCalendar(state.lang, cycleId);
  state.next = await loadNext(state);
  render();
}

function open(w: WorkshopView, opener: Element): void {
  const { lang } = state;
  showDetails(lang, w, opener, state.coordinator ? {
    edit: (x) => openForm({ kind: 'edit', workshop: x }, opener),
    move: (x) => openForm({ kind: 'move', workshop: x }, opener),
    cancel: async (x) => {
      const result = await sendChange('POST', `/${x.id}/cancel`, {}, await freshToken(), lang, x.etag);
      if (result.ok) { await reload(); announce(tr(lang, 'ui.saved')); } else announce(result.message ?? tr(lang, 'errors.network'));
    },
    attendance: async (x) => fetchAttendance(x.id, await freshToken()),
  } : undefined);
}

async function freshToken(): Promise<string | undefined> {
  state.token = (await state.host.getToken()) ?? state.token;
  return state.token;
}

function openForm(mode: FormMode, opener: Element | null): void {
  const { lang } = state;
  openEditForm(lang, state.data, mode, async (m, body, ifMatch) => {
    const token = await freshToken();
    const result = m.kind === 'create'
      ? await sendChange('POST', '', { ...body, cycleId: state.data.cycle.id }, token, lang)
      : m.kind === 'move'
        ? await sendChange('POST', `/${m.workshop.id}/move`, body, token, lang, ifMatch)
        : await sendChange('PATCH', `/${m.workshop.id}`, body, token, lang, ifMatch);
    if (result.ok) { await reload(); announce(tr(lang, 'ui.saved')); }
    return result;
  }, opener);
}

function tabs(s: State): HTMLElement {
  const names: ViewName[] = hasToday(s) ? ['wheel', 'list', 'today'] : ['wheel', 'list'];
  const label: Record<ViewName, string> = { wheel: 'ui.viewWheel', list: 'ui.viewList', today: 'ui.viewToday' };
  const list = h('div', { role: 'tablist', class: 'tabs', 'aria-label': tr(s.lang, 'ui.views') });
  const buttons = names.map((name) => {
    const selected = s.view === name;
    const b = h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': 'panel', 'aria-selected': String(selected), tabindex: selected ? '0' : '-1', class: 'tab' }, tr(s.lang, label[name]));
    b.addEventListener('click', () => { state.view = name; render(); document.getElementById(`tab-${name}`)?.focus(); });
    return b;
  });
  list.addEventListener('keydown', (e) => {
    const i = names.indexOf(s.view);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    buttons[(i + step + names.length) % names.length].click();
  });
  list.append(...buttons);
  return list;
}

function cycleSwitch(s: State): HTMLElement {
  const select = h('select', { id: 'cycle-select' }, ...s.data.cycles.map((c) =>
    h('option', { value: c.id, selected: c.id === s.data.cycle.id }, `${c.id.replace('-', '–')} (${tr(s.lang, `phases.${c.phase}`)})`)));
  select.addEventListener('change', () => { void reload(select.value).then(() => document.getElementById('cycle-select')?.focus()); });
  return h('div', { class: 'cycle-switch' }, h('label', { for: 'cycle-select' }, tr(s.lang, 'ui.cycle')), select);
}

function panel(s: State): HTMLElement {
  const el = h('div', { role: 'tabpanel', id: 'panel', 'aria-labelledby': `tab-${s.view}`, class: `panel panel-${s.view}` });
  if (s.view === 'wheel') el.append(renderWheel(s.lang, s.data, open), renderLegend(s.lang));
  else if (s.view === 'list') el.append(renderList(s.lang, s.data, open));
  else el.append(renderToday(s.lang, s.host.info.meetingId, freshToken));
  return el;
}

function render(): void {
  const s = state;
  const focusedWorkshop = (document.activeElement as HTMLElement | null)?.dataset?.workshop;
  const footer = h('footer', { class: 'foot' },
    h('a', { class: 'btn', href: cycleIcsUrl(s.data.cycle.id, s.lang), download: `ppt-vuosikello-${s.data.cycle.id}.ics` }, tr(s.lang, 'ui.addCycle')));
  if (s.coordinator) {
    const add = h('button', { type: 'button', class: 'btn primary' }, tr(s.lang, 'ui.newWorkshop'));
    add.addEventListener('click', () => openForm({ kind: 'create' }, add));
    footer.append(add);
  }
  if (s.reminders !== undefined) footer.append(renderReminderSwitch(s.lang, s.reminders, freshToken, (on) => { state.reminders = on; }));
  root.replaceChildren(
    h('header', { class: 'top' }, h('h1', {}, localText(s.data.cycle.title, s.lang)), cycleSwitch(s)),
    h('div', { class: 'layout' },
      h('div', { class: 'area-next' }, renderNextUp(s.lang, s.data, s.next, open)),
      h('div', { class: 'area-main' }, tabs(s), panel(s)),
      h('div', { class: 'area-foot' }, footer)),
    announcer);
  root.removeAttribute('aria-busy');
  if (focusedWorkshop) (root.querySelector(`[data-workshop="${focusedWorkshop}"]`) as HTMLElement | null)?.focus();
}

function renderError(lang: Lang, retry: () => void): void {
  const button = h('button', { type: 'button', class: 'btn' }, tr(lang, 'ui.retry'));
  button.addEventListener('click', retry);
  root.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('p', {}, tr(lang, 'ui.loadError')), button));
  root.removeAttribute('aria-busy');
}

async function start(): Promise<void> {
  const url = new URL(location.href);
  const early = langFromLocale(url.searchParams.get('lang') ?? navigator.language);
  const dataPromise = fetchCalendar(early, url.searchParams.get('cycle') ?? undefined);
  dataPromise.catch(() => undefined);
  const host = await connectHost(url);
  const lang = langFromLocale(host.info.locale);
  document.documentElement.lang = lang;
  document.title = tr(lang, 'appTitle');
  applyTheme(host.info.theme);
  host.onThemeChange(applyTheme);
  if (host.info.frameContext === 'settings') host.enableConfigSave(`${url.origin}/tab/`, tr(lang, 'appTitle'));
  let data: CalendarView;
  try {
    data = await dataPromise;
  } catch {
    return renderError(lang, () => location.reload());
  }
  const wanted = url.searchParams.get('view');
  const view: ViewName = wanted === 'list' || wanted === 'today' ? wanted : 'wheel';
  state = { lang, host, view, data, coordinator: false };
  if (view === 'today' && !hasToday(state)) state.view = 'wheel';
  state.next = await loadNext(state).catch(() => undefined);
  render();
  window.vuoroFirstRenderMs = performance.now();
  const token = freshToken();
  void token.then(fetchIsCoordinator).then((coordinator) => {
    if (coordinator) { state.coordinator = true; render(); }
  });
  void token.then((tk) => fetchSubscribed(tk, lang)).then((subscribed) => {
    if (subscribed !== undefined) { state.reminders = subscribed; render(); }
  });
}

void start();

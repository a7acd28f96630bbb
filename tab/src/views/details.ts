/** The workshop details dialog (native <dialog>: focus moves in, Esc closes, focus returns to the opener). */
import type { WorkshopView } from '../../../bot/domain/calendar/calendar-view';
import type { ServiceAttendance } from '../../../bot/domain/reminders/attendance';
import { localText } from '../../../bot/domain/calendar/model';
import { h } from '../dom';
import { longDate } from '../format';
import { tr } from '../i18n';
import type { Lang } from '../i18n';
import { statusChip } from './list';
import { workshopActions } from './next-up';
import { themeIcon } from './theme-marks';

/** Coordinator actions offered in the dialog. */
export interface DetailActions {
  edit(w: WorkshopView): void;
  move(w: WorkshopView): void;
  cancel(w: WorkshopView): Promise<void>;
  /** Expected attendance per service; undefined when it cannot be read. */
  attendance(w: WorkshopView): Promise<ServiceAttendance[] | undefined>;
}

/** Opens a modal dialog with `content`, returning focus to `opener` when it closes. */
export function openDialog(labelId: string, content: HTMLElement[], opener: Element | null): HTMLDialogElement {
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': labelId });
  dialog.append(...content);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener instanceof HTMLElement || opener instanceof SVGElement) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function row(label: string, value: Node | string): HTMLElement {
  return h('div', { class: 'row' }, h('dt', {}, label), h('dd', {}, value));
}

/** The coordinator's table of expected attendance per service, filled in when the API answers. */
function attendanceSection(lang: Lang, load: Promise<ServiceAttendance[] | undefined>): HTMLElement {
  const section = h('section', { class: 'attendance', 'aria-labelledby': 'attendance-title', 'aria-busy': 'true' },
    h('h3', { id: 'attendance-title' }, tr(lang, 'attendance.title')));
  void load.catch(() => undefined).then((services) => {
    section.removeAttribute('aria-busy');
    if (!services) { section.append(h('p', { class: 'attendance-error' }, tr(lang, 'attendance.error'))); return; }
    const head = h('tr', {},
      h('th', { scope: 'col' }, tr(lang, 'attendance.service')),
      h('th', { scope: 'col' }, tr(lang, 'attendance.attending')),
      h('th', { scope: 'col' }, tr(lang, 'attendance.substitutes')));
    const rows = services.map((s) => h('tr', { 'data-service': s.service, class: s.attending + s.substitutes > 0 ? 'covered' : 'uncovered' },
      h('th', { scope: 'row' }, tr(lang, `today.services.${s.service}`)),
      h('td', {}, String(s.attending)),
      h('td', {}, String(s.substitutes))));
    section.append(h('table', { class: 'attendance-table', 'aria-labelledby': 'attendance-title' }, h('thead', {}, head), h('tbody', {}, ...rows)));
  });
  return section;
}

/** Shows one workshop; coordinators also get edit, move and cancel. */
export function showDetails(lang: Lang, w: WorkshopView, opener: Element, coordinator: DetailActions | undefined): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'btn close' }, tr(lang, 'ui.close'));
  const description = localText(w.description, lang);
  const body: HTMLElement[] = [
    h('h2', { id: 'details-title' }, localText(w.title, lang)),
    h('dl', { class: 'facts' },
      row(tr(lang, 'fields.date'), `${longDate(lang, w.date)} ${tr(lang, 'ui.timeRange', { start: w.start, end: w.end })}`),
      row(tr(lang, 'fields.theme'), h('span', {}, themeIcon(w.theme), ' ', tr(lang, `themes.${w.theme}`))),
      row(tr(lang, 'fields.host'), tr(lang, `hosts.${w.host}`)),
      row(tr(lang, 'fields.status'), statusChip(lang, w.status))),
  ];
  if (w.movedFrom) body.push(h('p', { class: 'moved' }, tr(lang, 'ui.movedFrom', { date: longDate(lang, w.movedFrom.date) })));
  if (description) body.push(h('p', { class: 'description' }, description));
  const actions = workshopActions(lang, w);
  if (w.materialsUrl) actions.append(h('a', { class: 'btn', href: w.materialsUrl, target: '_blank', rel: 'noopener noreferrer' }, tr(lang, 'ui.materials')));
  body.push(actions);
  const holder: { dialog?: HTMLDialogElement } = {};
  if (coordinator) {
    const edit = h('button', { type: 'button', class: 'btn' }, tr(lang, 'ui.edit'));
    const move = h('button', { type: 'button', class: 'btn' }, tr(lang, 'ui.move'));
    const cancel = h('button', { type: 'button', class: 'btn danger' }, tr(lang, 'ui.cancelWorkshop'));
    edit.addEventListener('click', () => { holder.dialog?.close(); coordinator.edit(w); });
    move.addEventListener('click', () => { holder.dialog?.close(); coordinator.move(w); });
    cancel.addEventListener('click', () => {
      const confirmBox = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': tr(lang, 'ui.cancelWorkshop') },
        h('p', {}, tr(lang, 'ui.confirmCancel')));
      const yes = h('button', { type: 'button', class: 'btn danger' }, tr(lang, 'ui.cancelWorkshop'));
      const no = h('button', { type: 'button', class: 'btn' }, tr(lang, 'ui.cancelEdit'));
      yes.addEventListener('click', () => { void coordinator.cancel(w).then(() => holder.dialog?.close()); });
      no.addEventListener('click', () => { confirmBox.remove(); cancel.focus(); });
      confirmBox.append(h('div', { class: 'actions' }, yes, no));
      cancel.after(confirmBox);
      no.focus();
    });
    if (w.status !== 'cancelled') body.push(h('div', { class: 'actions coordinator', 'aria-label': tr(lang, 'ui.coordinator'), role: 'group' }, edit, move, cancel));
    else body.push(h('div', { class: 'actions coordinator', role: 'group', 'aria-label': tr(lang, 'ui.coordinator') }, edit));
    body.push(attendanceSection(lang, coordinator.attendance(w)));
  }
  body.push(h('div', { class: 'dialog-footer' }, close));
  const dialog = openDialog('details-title', body, opener);
  holder.dialog = dialog;
  close.addEventListener('click', () => dialog.close());
  return dialog;
}

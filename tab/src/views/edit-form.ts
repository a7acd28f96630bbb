/**
 * The coordinator's form for creating, editing and moving a workshop. It runs the very same domain
 * functions as the API (bot/domain/calendar), so the messages match; the server still decides.
 */
import type { CalendarView, WorkshopView } from '../../../bot/domain/calendar/calendar-view';
import { HOSTS, THEMES } from '../../../bot/domain/calendar/model';
import type { Cycle } from '../../../bot/domain/calendar/model';
import { addWorkshop, editWorkshop, moveWorkshop } from '../../../bot/domain/calendar/cycle-ops';
import type { OpResult } from '../../../bot/domain/calendar/cycle-ops';
import { EDITABLE_STATUSES } from '../../../bot/domain/calendar/status';
import type { ApiFieldError, ChangeResult } from '../api';
import { h } from '../dom';
import { tr } from '../i18n';
import type { Lang } from '../i18n';
import { openDialog } from './details';

/** What the form edits. */
export type FormMode = { kind: 'create' } | { kind: 'edit'; workshop: WorkshopView } | { kind: 'move'; workshop: WorkshopView };

/** Sends the validated body; resolves with the server's answer. */
export type Submit = (mode: FormMode, body: Record<string, unknown>, ifMatch: string | undefined) => Promise<ChangeResult>;

interface FieldSpec { name: string; label: string; kind: 'text' | 'date' | 'time' | 'url' | 'textarea' | 'select'; options?: Array<[string, string]>; required?: boolean }

function fieldsFor(lang: Lang, mode: FormMode): FieldSpec[] {
  const slot: FieldSpec[] = [
    { name: 'date', label: tr(lang, 'fields.date'), kind: 'date', required: true },
    { name: 'start', label: tr(lang, 'fields.start'), kind: 'time', required: true },
    { name: 'end', label: tr(lang, 'fields.end'), kind: 'time', required: true },
  ];
  if (mode.kind === 'move') return slot;
  const current = mode.kind === 'edit' ? mode.workshop.status : 'planned';
  const statuses = [...new Set([current, ...EDITABLE_STATUSES])];
  return [
    { name: 'title.fi', label: tr(lang, 'fields.titleFi'), kind: 'text', required: true },
    { name: 'title.sv', label: tr(lang, 'fields.titleSv'), kind: 'text' },
    { name: 'title.en', label: tr(lang, 'fields.titleEn'), kind: 'text' },
    ...slot,
    { name: 'theme', label: tr(lang, 'fields.theme'), kind: 'select', required: true, options: THEMES.map((t) => [t, tr(lang, `themes.${t}`)]) },
    { name: 'host', label: tr(lang, 'fields.host'), kind: 'select', required: true, options: HOSTS.map((k) => [k, tr(lang, `hosts.${k}`)]) },
    { name: 'description.fi', label: tr(lang, 'fields.descriptionFi'), kind: 'textarea' },
    { name: 'joinUrl', label: tr(lang, 'fields.joinUrl'), kind: 'url' },
    { name: 'materialsUrl', label: tr(lang, 'fields.materialsUrl'), kind: 'url' },
    { name: 'status', label: tr(lang, 'fields.status'), kind: 'select', options: statuses.map((st) => [st, tr(lang, `statuses.${st}`)]) },
  ];
}

function valueOf(w: WorkshopView | undefined, name: string): string {
  if (!w) return name === 'start' ? '13:00' : name === 'end' ? '15:00' : name === 'status' ? 'planned' : '';
  const [top, sub] = name.split('.');
  const v = (w as unknown as Record<string, unknown>)[top];
  if (sub) return ((v as Record<string, string> | undefined)?.[sub]) ?? '';
  return typeof v === 'string' ? v : '';
}

function toCycle(view: CalendarView): Cycle {
  return { id: view.cycle.id, startMonth: view.cycle.startMonth, phase: view.cycle.phase, title: view.cycle.title, workshops: view.cycle.workshops };
}

/** Opens the form in a dialog. */
export function openEditForm(lang: Lang, view: CalendarView, mode: FormMode, submit: Submit, opener: Element | null): HTMLDialogElement {
  let workshop = mode.kind === 'create' ? undefined : mode.workshop;
  const specs = fieldsFor(lang, mode);
  const summary = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1' });
  const form = h('form', { class: 'edit-form', novalidate: true });
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const errorSlots = new Map<string, HTMLElement>();
  for (const spec of specs) {
    const id = `f-${spec.name.replace('.', '-')}`;
    const control = spec.kind === 'select'
      ? h('select', { id, name: spec.name }, ...(spec.options ?? []).map(([v, label]) => h('option', { value: v }, label)))
      : spec.kind === 'textarea'
        ? h('textarea', { id, name: spec.name, rows: 3 })
        : h('input', { id, name: spec.name, type: spec.kind === 'text' ? 'text' : spec.kind, autocomplete: 'off' });
    control.value = valueOf(workshop, spec.name);
    if (spec.required) control.setAttribute('aria-required', 'true');
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    inputs.set(spec.name, control);
    errorSlots.set(spec.name, error);
    form.append(h('div', { class: 'field' },
      h('label', { for: id }, spec.label, spec.required || spec.kind === 'select' ? '' : h('span', { class: 'optional' }, ` (${tr(lang, 'ui.optional')})`)), control, error));
  }
  const save = h('button', { type: 'submit', class: 'btn primary' }, tr(lang, 'ui.save'));
  const cancel = h('button', { type: 'button', class: 'btn' }, tr(lang, 'ui.cancelEdit'));
  form.append(h('div', { class: 'actions' }, save, cancel));

  const body = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [name, input] of inputs) {
      const [top, sub] = name.split('.');
      if (sub) out[top] = { ...(out[top] as object | undefined), [sub]: input.value };
      else out[top] = input.value;
    }
    return out;
  };

  const showErrors = (errors: ApiFieldError[], message?: string) => {
    for (const [name, slot] of errorSlots) {
      slot.textContent = '';
      inputs.get(name)!.removeAttribute('aria-invalid');
      inputs.get(name)!.removeAttribute('aria-describedby');
    }
    const loose: string[] = [];
    for (const e of errors) {
      const text = tr(lang, `errors.${e.code}`);
      const slot = errorSlots.get(e.field);
      const input = inputs.get(e.field);
      if (slot && input) {
        slot.textContent = text;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', slot.id);
      } else loose.push(text);
    }
    summary.textContent = message ?? (errors.length ? [tr(lang, 'ui.formErrors'), ...loose].join(' ') : '');
    const first = errors.map((e) => inputs.get(e.field)).find(Boolean);
    (first ?? summary).focus();
  };

  const localCheck = (b: Record<string, unknown>): OpResult => {
    const cycle = toCycle(view);
    if (mode.kind === 'create') return addWorkshop(cycle, 'new', b);
    if (mode.kind === 'move') return moveWorkshop(cycle, mode.workshop.id, b);
    return editWorkshop(cycle, mode.workshop.id, b);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const b = body();
    const local = localCheck(b);
    if (!local.ok && local.kind === 'invalid') return showErrors(local.errors);
    save.disabled = true;
    void submit(mode, b, workshop?.etag).then((result) => {
      save.disabled = false;
      if (result.ok) return dialog.close();
      if (result.status === 412 && result.current) {
        workshop = result.current;
        for (const [name, input] of inputs) input.value = valueOf(workshop, name);
        return showErrors([], tr(lang, 'errors.stale'));
      }
      if (result.status === 401) return showErrors([], tr(lang, 'errors.unauthenticated'));
      if (result.status === 403) return showErrors([], tr(lang, 'errors.forbidden'));
      showErrors(result.fields ?? [], result.fields ? undefined : tr(lang, 'errors.network'));
    }, () => { save.disabled = false; showErrors([], tr(lang, 'errors.network')); });
  });

  const heading = mode.kind === 'create' ? tr(lang, 'ui.newWorkshop') : mode.kind === 'move' ? tr(lang, 'ui.move') : tr(lang, 'ui.edit');
  const dialog = openDialog('form-title', [h('h2', { id: 'form-title' }, heading), summary, form], opener);
  cancel.addEventListener('click', () => dialog.close());
  return dialog;
}

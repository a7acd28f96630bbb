/**
 * The reminders on/off switch (issue 7): the signed-in person's own subscription through
 * GET/POST/DELETE /api/reminders/subscription with the Teams SSO token. Without a token (a plain
 * browser) there is nothing to switch, so it is not shown at all.
 */
import { h } from '../dom';
import { tr } from '../i18n';
import type { Lang } from '../i18n';

const URL_PATH = '/api/reminders/subscription';

async function call(method: 'GET' | 'POST' | 'DELETE', token: string, lang: Lang): Promise<boolean | undefined> {
  try {
    const res = await fetch(`${URL_PATH}?lang=${lang}`, { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { subscribed?: unknown };
    return typeof body.subscribed === 'boolean' ? body.subscribed : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the caller's subscription; undefined when signed out or the API cannot say. */
export async function fetchSubscribed(token: string | undefined, lang: Lang): Promise<boolean | undefined> {
  return token ? call('GET', token, lang) : undefined;
}

/**
 * The switch, showing `subscribed`; a press asks the server and shows what it answered.
 * `onChange` keeps the caller's copy current so a re-render shows the same state.
 */
export function renderReminderSwitch(lang: Lang, subscribed: boolean, getToken: () => Promise<string | undefined>, onChange: (on: boolean) => void): HTMLElement {
  const button = h('button', { type: 'button', role: 'switch', id: 'reminder-switch', class: 'switch', 'aria-checked': String(subscribed), 'aria-describedby': 'reminder-help' },
    h('span', { class: 'switch-track', 'aria-hidden': 'true' }, h('span', { class: 'switch-thumb' })),
    h('span', { class: 'switch-label' }, tr(lang, 'reminders.label')));
  const status = h('p', { class: 'switch-status', role: 'status' });
  button.addEventListener('click', async () => {
    const want = button.getAttribute('aria-checked') !== 'true';
    button.setAttribute('aria-busy', 'true');
    const token = await getToken();
    const now = token ? await call(want ? 'POST' : 'DELETE', token, lang) : undefined;
    button.removeAttribute('aria-busy');
    if (now === undefined) { status.textContent = tr(lang, 'reminders.error'); return; }
    button.setAttribute('aria-checked', String(now));
    status.textContent = tr(lang, now ? 'reminders.on' : 'reminders.off');
    onChange(now);
  });
  return h('div', { class: 'reminder-switch' }, button, h('p', { id: 'reminder-help', class: 'muted' }, tr(lang, 'reminders.help')), status);
}

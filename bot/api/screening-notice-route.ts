/**
 * A small localised page explaining why a message was flagged. Targeted in-meeting notifications
 * can only show a web page, and the Graph policy tip links to one. It carries finding types only.
 */
import { Request, Response, Server } from 'restify';
import { FINDING_TYPES } from '../domain/screening';
import { langFromLocale, t } from '../i18n';

/** The page's path. */
export const NOTICE_PATH = '/notice/screening';

const KINDS = ['sender', 'senderBlocked', 'chair', 'policy'] as const;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page URL for a notice, under the public base URL. */
export function noticeUrl(publicBaseUrl: string, lang: string, kind: (typeof KINDS)[number], types: readonly string[] = []): string {
  const q = new URLSearchParams({ lang, kind });
  if (types.length) q.set('types', types.join(','));
  return `${publicBaseUrl}${NOTICE_PATH}?${q.toString()}`;
}

/** Registers GET /notice/screening. */
export function screeningNoticeRoute(server: Server): void {
  server.get(NOTICE_PATH, async (req: Request, res: Response) => {
    const query = (req.query ?? {}) as Record<string, string | undefined>;
    const lang = langFromLocale(query.lang);
    const kind = (KINDS as readonly string[]).includes(query.kind ?? '') ? query.kind! : 'policy';
    const types = (query.types ?? '').split(',').filter((x) => (FINDING_TYPES as readonly string[]).includes(x)).map((x) => t(lang, `screening.type.${x}`));
    const lead = kind === 'policy' ? t(lang, 'screening.policyTip') : t(lang, `screening.notice.${kind}`, { types: types.join(', ') });
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t(lang, 'screening.notice.title'))}</title>`
      + '<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:1.5rem;line-height:1.5;color:CanvasText;background:Canvas}</style></head>'
      + `<body><main><h1>${escapeHtml(t(lang, 'screening.notice.title'))}</h1><p><strong>${escapeHtml(lead)}</strong></p><p>${escapeHtml(t(lang, 'screening.notice.pageBody'))}</p></main></body></html>`;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft");
    res.sendRaw(200, html);
  });
}

/**
 * The small page the "you're next" in-meeting notification opens (Teams shows a URL in the
 * meeting stage bubble). Static, localised, no script, no data.
 */
import { Request, Response } from 'restify';
import { langFromLocale, t } from '../i18n';
import { RouteRegistrar } from '../server';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Registers GET /round/next?lang=fi|sv|en. */
export function roundPages(): RouteRegistrar {
  return (server) => {
    server.get('/round/next', async (req: Request, res: Response) => {
      const raw = (req.query as Record<string, unknown> | undefined)?.lang;
      const lang = langFromLocale(typeof raw === 'string' ? raw : undefined);
      const title = escapeHtml(t(lang, 'round.notification.title'));
      const text = escapeHtml(t(lang, 'round.notification.text'));
      const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>`
        + '<meta name="viewport" content="width=device-width,initial-scale=1">'
        + '<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:1.5rem;line-height:1.4}h1{font-size:1.4rem}</style>'
        + `</head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
      res.header('Content-Type', 'text/html; charset=utf-8');
      res.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft");
      res.sendRaw(200, html);
    });
  };
}

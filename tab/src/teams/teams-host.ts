/** The only module that imports @microsoft/teams-js (bundled as its own chunk, loaded on demand). */
import { app, authentication, pages } from '@microsoft/teams-js';
import type { Host } from '../host';
import { themeName } from '../host';

/** Initialises teams-js and reads the context; rejects when not hosted by Teams. */
export async function connectTeams(url: URL): Promise<Host> {
  await app.initialize([url.origin]);
  const context = await app.getContext();
  app.notifySuccess();
  return {
    info: {
      inTeams: true,
      locale: context.app.locale,
      theme: themeName(context.app.theme),
      frameContext: context.page.frameContext,
      meetingId: context.meeting?.id,
    },
    onThemeChange: (cb) => app.registerOnThemeChangeHandler((theme) => cb(themeName(theme))),
    getToken: async () => {
      try {
        return await authentication.getAuthToken();
      } catch {
        return undefined;
      }
    },
    enableConfigSave: (contentUrl, name) => {
      pages.config.registerOnSaveHandler((event) => {
        pages.config.setConfig({ contentUrl, websiteUrl: contentUrl, entityId: 'vuoro-calendar', suggestedDisplayName: name })
          .then(() => event.notifySuccess(), () => event.notifyFailure('config'));
      });
      pages.config.setValidityState(true);
    },
  };
}

/** The `calendar` sections of bot/i18n/{fi,sv,en}.json, bundled by tab/build.js. */
declare module 'virtual:calendar-i18n' {
  type Catalogue = { [key: string]: string | Catalogue };
  const catalogues: { fi: Catalogue; sv: Catalogue; en: Catalogue };
  export default catalogues;
}

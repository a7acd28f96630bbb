/**
 * Test stand-in for tab/src/host.ts, bundled only into the test build of the tab: it plays a Teams
 * meeting side panel, hands out the SSO token the test put on window, and lets the test change the
 * Teams theme as Teams would (window.vuoroTestSetTheme). A test may name the meeting
 * (window.vuoroTestMeetingId) to open the Today view of a meeting it has seeded.
 */
export async function connectHost(url) {
  const listeners = [];
  window.vuoroTestSetTheme = (theme) => listeners.forEach((cb) => cb(theme));
  return {
    info: { inTeams: true, locale: url.searchParams.get('lang') || 'fi', theme: 'default', frameContext: 'sidePanel', meetingId: window.vuoroTestMeetingId || '19:meeting_test@thread.v2' },
    onThemeChange: (cb) => listeners.push(cb),
    getToken: async () => window.vuoroTestToken,
    enableConfigSave: () => undefined,
  };
}

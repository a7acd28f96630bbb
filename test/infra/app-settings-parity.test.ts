/**
 * The web app's settings in Bicep and the variables bot/config.ts reads must match, both ways:
 * a variable the app reads but Azure never sets is a production start-up failure or a silent default;
 * a setting Azure sets but nothing reads is a stale leftover.
 */
import path from 'node:path';
import { CONFIG_VARIABLES } from '../../bot/config';
import { blockFrom, readBicep, varObjectKeys } from './bicep-text';

const WEB_APP = path.resolve(__dirname, '..', '..', 'infra', 'modules', 'web-app.bicep');

/** Set by the template for Azure itself, not for bot/config.ts. */
const PLATFORM_SETTINGS: Record<string, string> = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'read by the App Service Application Insights agent',
  ApplicationInsightsAgent_EXTENSION_VERSION: 'turns that agent on for Linux Node apps',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'zip deploy runs npm install and npm run build (Oryx)',
};

/** Read by bot/config.ts but deliberately left to their defaults or to the platform in Azure. */
const NOT_SET_IN_AZURE: Record<string, string> = {
  PORT: 'App Service passes the port it routes to in PORT itself',
  VUORO_DATA_DIR: 'only the single-machine file store uses it; Azure runs VUORO_STORAGE=blob',
  AZURE_STORAGE_CONNECTION_STRING: 'the managed identity reaches Blob storage; shared keys are disabled on the account',
  VUORO_LOCAL_CLOCK: 'a shifted test clock for local mode only; start-up refuses it when MicrosoftAppId is set',
};

const text = readBicep(WEB_APP);
const settingVars = [...text.matchAll(/^var\s+(\w*[aA]ppSettings)\s*=/gm)].map((m) => m[1]!);
const setByTemplate = new Set(settingVars.flatMap((name) => varObjectKeys(text, name)));
const readByApp = new Set<string>(CONFIG_VARIABLES);

describe('app settings in infra/modules/web-app.bicep versus bot/config.ts', () => {
  it('puts every setting through the appsettings resource, which uses every settings var', () => {
    expect(settingVars).toEqual(expect.arrayContaining(['appSettings', 'secretAppSettings']));
    const resource = /resource\s+\w+\s+'Microsoft\.Web\/sites\/config@[^']+'/.exec(text);
    expect(resource).not.toBeNull();
    const body = blockFrom(text, resource!.index);
    expect(body).toMatch(/name:\s*'appsettings'/);
    for (const name of settingVars) expect(body).toContain(name);
    expect(blockFrom(text, text.indexOf('siteConfig:'))).not.toMatch(/appSettings/);
  });

  it('sets every variable the app reads, except the listed ones', () => {
    const missing = [...readByApp].filter((v) => !setByTemplate.has(v) && !(v in NOT_SET_IN_AZURE));
    expect(missing).toEqual([]);
  });

  it('sets nothing the app does not read, except the listed platform settings', () => {
    const extra = [...setByTemplate].filter((v) => !readByApp.has(v) && !(v in PLATFORM_SETTINGS));
    expect(extra).toEqual([]);
  });

  it('keeps both exception lists honest (no entry that has become wrong)', () => {
    expect(Object.keys(NOT_SET_IN_AZURE).filter((v) => !readByApp.has(v) || setByTemplate.has(v))).toEqual([]);
    expect(Object.keys(PLATFORM_SETTINGS).filter((v) => readByApp.has(v) || !setByTemplate.has(v))).toEqual([]);
  });

  it('runs shared Blob storage and passes the bot secret only as a Key Vault reference', () => {
    expect(blockFrom(text, text.search(/^var\s+appSettings\s*=/m))).toMatch(/^\s*VUORO_STORAGE:\s*'blob'\s*$/m);
    const secret = blockFrom(text, text.search(/^var\s+secretAppSettings\s*=/m));
    expect(secret).toMatch(/MicrosoftAppPassword:\s*'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\}\)'/);
  });
});

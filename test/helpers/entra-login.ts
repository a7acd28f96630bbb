/**
 * Microsoft Entra's login endpoints as MSAL (inside @azure/identity) calls them for an app's
 * client-credentials token: instance discovery, the tenant's OpenID metadata, and the token
 * endpoint, which answers only the requests `accept` approves, counting them.
 */
import nock from 'nock';
import { TENANT } from './sso-test-keys';

/** Serves login.microsoftonline.com for `tenant` until nock.cleanAll(); returns the token counter. */
export function serveEntraLogin(accept: (body: Record<string, string>) => boolean, tenant = TENANT): { tokenRequests: () => number } {
  let tokenRequests = 0;
  nock('https://login.microsoftonline.com')
    .persist()
    .get(/\/common\/discovery\/instance.*/).reply(200, {
      tenant_discovery_endpoint: `https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration`,
      metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com'] }],
    })
    .get(`/${tenant}/v2.0/.well-known/openid-configuration`).reply(200, {
      token_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
      authorization_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
      issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
      jwks_uri: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
      end_session_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/logout`,
    })
    .post(`/${tenant}/oauth2/v2.0/token`, accept)
    .query(true)
    .reply(() => {
      tokenRequests++;
      return [200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'graph-token' }];
    });
  return { tokenRequests: () => tokenRequests };
}

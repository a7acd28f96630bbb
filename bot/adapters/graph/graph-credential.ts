/**
 * The credential Vuoro uses for Graph: the bot's own app registration (client secret) or the
 * managed identity, whichever the bot authenticates with. Local mode has none.
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { Config } from '../../config';

/** A Graph credential and whether it can ask for tokens of other tenants. */
export interface GraphAccess {
  credential: TokenCredential;
  perTenantTokens: boolean;
}

/** The configured Graph access; undefined in local mode. */
export function graphCredential(config: Config): GraphAccess | undefined {
  const { auth } = config;
  if (auth.mode === 'secret') {
    const credential = new ClientSecretCredential(auth.tenantId || 'organizations', auth.appId, auth.appPassword, { additionallyAllowedTenants: ['*'] });
    return { credential, perTenantTokens: auth.appType === 'MultiTenant' };
  }
  if (auth.mode === 'managed-identity') {
    return { credential: new ManagedIdentityCredential({ clientId: config.managedIdentityClientId || auth.appId }), perTenantTokens: false };
  }
  return undefined;
}

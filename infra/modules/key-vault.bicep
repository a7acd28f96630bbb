// Key Vault for secrets the web app reads through Key Vault references. With a managed-identity
// bot there is no bot secret; with an app registration (SingleTenant) the client secret lives here.

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Object id of the managed identity granted Key Vault Secrets User.')
param principalId string

@description('Client secret of the bot\'s app registration; empty for a managed-identity bot.')
@secure()
param botAppPassword string

@description('Bearer key of the statistics API (VUORO_STATS_KEY); empty stores none and the API refuses every caller.')
@secure()
param statsApiKey string

@description('Purge protection: deleted secrets cannot be purged before the retention ends (cannot be turned off later).')
param enablePurgeProtection bool

// Built-in role: Key Vault Secrets User.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var botPasswordSecretName = 'bot-app-password'
var statsKeySecretName = 'stats-api-key'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource botPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: botPasswordSecretName
  properties: {
    value: botAppPassword
    contentType: 'Bot Framework client secret (MicrosoftAppPassword)'
  }
}

resource statsKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(statsApiKey)) {
  parent: vault
  name: statsKeySecretName
  properties: {
    value: statsApiKey
    contentType: 'Bearer key of GET /api/stats (VUORO_STATS_KEY)'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Key Vault name.')
output name string = vault.name

@description('Versionless URI of the bot secret (for a Key Vault reference), or empty when there is none.')
output botPasswordSecretUri string = empty(botAppPassword) ? '' : '${vault.properties.vaultUri}secrets/${botPasswordSecretName}'

@description('Versionless URI of the statistics API key (for a Key Vault reference), or empty when there is none.')
output statsKeySecretUri string = empty(statsApiKey) ? '' : '${vault.properties.vaultUri}secrets/${statsKeySecretName}'

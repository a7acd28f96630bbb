// Vuoro in one resource group: Azure Bot with the Teams channel, a Linux Node 20 web app running as a
// user-assigned managed identity on two or more instances, Blob storage for the shared state,
// Application Insights with Log Analytics, and Key Vault for secrets. See infra/README.md.
targetScope = 'resourceGroup'

@description('Azure region for every resource except the bot (which is global).')
param location string = resourceGroup().location

@description('Prefix of every resource name: 3-11 lowercase letters and digits.')
@minLength(3)
@maxLength(11)
param baseName string = 'vuoro'

@description('Tags applied to every resource.')
param tags object = {
  application: 'vuoro'
}

@description('How the bot authenticates to the Bot Framework: UserAssignedMSI (recommended, no secret) or SingleTenant (an Entra app registration with a client secret kept in Key Vault).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuthType string = 'UserAssignedMSI'

@description('SingleTenant only: the application (client) id of the bot\'s Entra app registration.')
param botAppId string = ''

@description('SingleTenant only: the client secret of that app registration; stored in Key Vault, never in app settings.')
@secure()
param botAppPassword string = ''

@description('Bearer key of the statistics API GET /api/stats (VUORO_STATS_KEY, at least 24 characters); stored in Key Vault. Empty leaves the API closed.')
@secure()
param statsApiKey string = ''

@description('Entra tenant ids whose Teams Vuoro serves (VUORO_ALLOWED_TENANTS); defaults to this deployment\'s tenant.')
param allowedTenantIds array = [
  tenant().tenantId
]

@description('Custom host name already bound to the web app (e.g. vuoro.hyvinvointialue.fi); empty uses <app>.azurewebsites.net.')
param customHostName string = ''

@description('App Service plan SKU (Linux). Basic or higher allows always-on and several instances.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'P0v3'

@description('Number of web app instances sharing the state in Blob storage.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Replication of the state storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Blob container for the state (VUORO_BLOB_CONTAINER): 3-63 lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(63)
param blobContainerName string = 'vuoro-state'

@description('Azure Bot pricing tier; the Teams channel is free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Default consultation meeting length in minutes before a centre sets its own (VUORO_MEETING_MINUTES).')
@minValue(15)
@maxValue(240)
param meetingMinutes int = 60

@description('Entra object ids of the workshop coordinators who may edit the calendar in the tab (VUORO_COORDINATORS).')
param coordinatorIds array = []

@description('Accepted audiences of tab single sign-on tokens (VUORO_SSO_AUDIENCE), e.g. api://<host>/<sso app id>; empty derives them from the public URL and bot id.')
param ssoAudiences array = []

@description('Teams app id (manifest id) for workshop reminders in the Teams activity feed; empty turns the feed off. Needs the Graph application permission TeamsActivity.Send for the identity.')
param activityFeedAppId string = ''

@description('Log level of the service (VUORO_LOG_LEVEL). Logs hold ids and counts, never chat text.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'silent'
])
param logLevel string = 'info'

@description('Chat safety net: block messages holding client identifiers with a Graph policy violation (VUORO_GRAPH_DLP). Turn on only after an admin has granted the app Chat.UpdatePolicyViolation.All (and ChannelMessage.UpdatePolicyViolation.All for channel meetings); otherwise Vuoro warns the sender and the chair.')
@allowed([
  'on'
  'off'
])
param graphDlp string = 'off'

@description('Microsoft 365 group whose calendar the workshop cycle syncs from (Outlook categories name the themes); empty keeps the calendar in Vuoro only. An admin must grant the app Calendars.Read (application) first.')
param calendarGroupId string = ''

@description('Minutes between group calendar syncs.')
@minValue(5)
@maxValue(1440)
param calendarSyncMinutes int = 15

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Key Vault purge protection; recommended in production, cannot be turned off once on.')
param keyVaultPurgeProtection bool = true

var suffix = uniqueString(resourceGroup().id)
var tenantId = tenant().tenantId

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${baseName}-${suffix}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${baseName}-${suffix}'
    appInsightsName: 'appi-${baseName}-${suffix}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${baseName}${suffix}', 24)
    location: location
    tags: tags
    skuName: storageSku
    containerName: blobContainerName
    principalId: identity.outputs.principalId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'keyVault'
  params: {
    name: take('kv-${baseName}-${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    botAppPassword: botAppPassword
    statsApiKey: statsApiKey
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

var botAppIdEffective = botAuthType == 'UserAssignedMSI' ? identity.outputs.clientId : botAppId

module webApp 'modules/web-app.bicep' = {
  name: 'webApp'
  params: {
    planName: 'asp-${baseName}-${suffix}'
    webAppName: 'app-${baseName}-${suffix}'
    location: location
    tags: tags
    skuName: appServicePlanSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    botAuthType: botAuthType
    botAppId: botAppIdEffective
    tenantId: tenantId
    botPasswordSecretUri: keyVault.outputs.botPasswordSecretUri
    statsKeySecretUri: keyVault.outputs.statsKeySecretUri
    allowedTenantIds: allowedTenantIds
    blobAccountUrl: storage.outputs.blobAccountUrl
    blobContainerName: storage.outputs.containerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    meetingMinutes: meetingMinutes
    logLevel: logLevel
    customHostName: customHostName
    coordinatorIds: coordinatorIds
    ssoAudiences: ssoAudiences
    activityFeedAppId: activityFeedAppId
    graphDlp: graphDlp
    calendarGroupId: calendarGroupId
    calendarSyncMinutes: calendarSyncMinutes
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${baseName}-${suffix}'
    displayName: 'Vuoro'
    tags: tags
    sku: botSku
    endpoint: 'https://${webApp.outputs.publicHost}/api/messages'
    botAuthType: botAuthType
    botAppId: botAppIdEffective
    identityId: identity.outputs.id
    tenantId: tenantId
  }
}

@description('Web app to deploy the code to (az webapp deploy --name).')
output webAppName string = webApp.outputs.name

@description('Public base URL: VUORO_PUBLIC_URL for `npm run package`.')
output publicUrl string = 'https://${webApp.outputs.publicHost}'

@description('Bot id: MicrosoftAppId for `npm run package`.')
output microsoftAppId string = botAppIdEffective

@description('Client id of the managed identity the app runs as.')
output identityClientId string = identity.outputs.clientId

@description('Azure Bot resource name.')
output botName string = bot.outputs.name

@description('State storage account name.')
output storageAccountName string = storage.outputs.accountName

@description('Key Vault name.')
output keyVaultName string = keyVault.outputs.name

@description('Application Insights name.')
output appInsightsName string = monitoring.outputs.appInsightsName

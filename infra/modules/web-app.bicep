// Linux App Service plan and the Node 20 web app that serves the bot endpoint, the tab and its API.
// Runs as the user-assigned identity; secrets come in as Key Vault references resolved by that identity.
// The app settings below are exactly what bot/config.ts reads (test/infra checks both directions).

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; the default host is <name>.azurewebsites.net.')
param webAppName string

@description('Azure region of the plan and the web app.')
param location string

@description('Tags applied to the plan and the web app.')
param tags object

@description('App Service plan SKU; Basic or higher is needed for always-on and several instances.')
param skuName string

@description('Number of instances; two or more keep meetings running while one restarts.')
@minValue(1)
@maxValue(10)
param instanceCount int

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity (AZURE_CLIENT_ID).')
param identityClientId string

@description('How the bot authenticates: UserAssignedMSI (no secret) or SingleTenant (app registration and secret).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuthType string

@description('Bot id (MicrosoftAppId): the identity\'s client id, or the app registration\'s id.')
param botAppId string

@description('Entra tenant of the bot identity (MicrosoftAppTenantId).')
param tenantId string

@description('Versionless Key Vault URI of the bot secret; empty for a managed-identity bot.')
param botPasswordSecretUri string

@description('Versionless Key Vault URI of the statistics API key (VUORO_STATS_KEY); empty leaves the API closed.')
param statsKeySecretUri string

@description('Entra tenant ids Vuoro serves (VUORO_ALLOWED_TENANTS).')
param allowedTenantIds array

@description('Blob endpoint of the state storage account (VUORO_BLOB_ACCOUNT_URL).')
param blobAccountUrl string

@description('Blob container holding the state (VUORO_BLOB_CONTAINER).')
param blobContainerName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Default meeting length in minutes (VUORO_MEETING_MINUTES).')
param meetingMinutes int

@description('Log level (VUORO_LOG_LEVEL).')
param logLevel string

@description('Entra object ids of the workshop coordinators (VUORO_COORDINATORS).')
param coordinatorIds array

@description('Accepted tab SSO token audiences (VUORO_SSO_AUDIENCE); empty derives them.')
param ssoAudiences array

@description('Teams app id (manifest id) for workshop reminders in the activity feed (VUORO_ACTIVITY_FEED_APP_ID); empty turns the feed off.')
param activityFeedAppId string

@description('Chat safety net through Graph policy violations, on or off (VUORO_GRAPH_DLP).')
param graphDlp string

@description('Microsoft 365 group whose calendar the workshop cycle syncs from (VUORO_CALENDAR_GROUP_ID); empty turns the sync off. Needs the Graph application permission Calendars.Read (or Group.Read.All) granted by an admin.')
param calendarGroupId string

@description('Minutes between group calendar syncs (VUORO_CALENDAR_SYNC_MINUTES, 5-1440).')
param calendarSyncMinutes int

@description('Custom host name bound to the app (e.g. vuoro.example.fi); empty uses the default azurewebsites.net host.')
param customHostName string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The heap cap keeps V8 collecting near the live set (about 90 MB at 300 meetings) instead of
      // letting garbage grow the heap to 350 MB; test/bench/round-http.bench.js runs with these flags.
      appCommandLine: 'node --max-old-space-size=160 dist/bot/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: false
    }
  }
}

var publicHost = empty(customHostName) ? webApp.properties.defaultHostName : customHostName

var appSettings = {
  // Read by bot/config.ts.
  HOST: '0.0.0.0'
  MicrosoftAppType: botAuthType
  MicrosoftAppId: botAppId
  MicrosoftAppTenantId: tenantId
  AZURE_CLIENT_ID: identityClientId
  VUORO_STORAGE: 'blob'
  VUORO_BLOB_ACCOUNT_URL: blobAccountUrl
  VUORO_BLOB_CONTAINER: blobContainerName
  VUORO_ALLOWED_TENANTS: join(allowedTenantIds, ',')
  VUORO_PUBLIC_URL: 'https://${publicHost}'
  VUORO_MEETING_MINUTES: string(meetingMinutes)
  VUORO_LOG_LEVEL: logLevel
  VUORO_COORDINATORS: join(coordinatorIds, ',')
  VUORO_SSO_AUDIENCE: join(ssoAudiences, ',')
  VUORO_ACTIVITY_FEED_APP_ID: activityFeedAppId
  VUORO_GRAPH_DLP: graphDlp
  VUORO_CALENDAR_GROUP_ID: calendarGroupId
  VUORO_CALENDAR_SYNC_MINUTES: string(calendarSyncMinutes)
  // Read by the platform.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
}

var secretAppSettings = botAuthType == 'SingleTenant' ? {
  MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})'
} : {}

var statsAppSettings = !empty(statsKeySecretUri) ? {
  VUORO_STATS_KEY: '@Microsoft.KeyVault(SecretUri=${statsKeySecretUri})'
} : {}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(appSettings, secretAppSettings, statsAppSettings)
}

@description('Web app name (for az webapp deploy).')
output name string = webApp.name

@description('Public host name Teams loads the tab from and the bot endpoint lives on.')
output publicHost string = publicHost

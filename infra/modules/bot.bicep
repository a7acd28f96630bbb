// The Azure Bot registration and its Microsoft Teams channel (the only channel Vuoro serves).

@description('Name of the Azure Bot resource.')
param name string

@description('Display name shown in the Bot Framework portal.')
param displayName string

@description('Tags applied to the bot.')
param tags object

@description('Pricing tier; Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('How the bot authenticates: UserAssignedMSI or SingleTenant.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuthType string

@description('Bot id: the identity\'s client id, or the app registration\'s id.')
param botAppId string

@description('Resource id of the managed identity (used in UserAssignedMSI mode only).')
param identityId string

@description('Entra tenant of the bot identity.')
param tenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: botAuthType
    msaAppId: botAppId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: botAuthType == 'UserAssignedMSI' ? identityId : null
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Azure Bot resource name.')
output name string = bot.name

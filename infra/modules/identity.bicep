// The user-assigned managed identity Vuoro runs as: the bot's identity towards the Bot Framework
// (MicrosoftAppType=UserAssignedMSI), and the web app's identity towards Blob storage and Key Vault.

@description('Name of the managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity (for the web app and the Azure Bot).')
output id string = identity.id

@description('Client (application) id: the bot id in managed-identity mode, and AZURE_CLIENT_ID.')
output clientId string = identity.properties.clientId

@description('Object id of the identity\'s service principal, for role assignments.')
output principalId string = identity.properties.principalId

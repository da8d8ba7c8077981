// Core Group on Azure: one Linux Web App (Node 24 LTS) running the server, the Azure Bot that routes
// Teams to it, PostgreSQL for its data, Key Vault for its secrets, and Log Analytics /
// Application Insights for its logs and an availability test. The Web App reaches PostgreSQL
// and Key Vault over a virtual network; neither accepts traffic from the internet.
//
// Deployed by `atk provision` (teamsapp.yml, arm/deploy) with main.parameters.json, or by hand:
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json …
// Outputs in UPPER_CASE are written back to env/.env.<name> by the Toolkit.

targetScope = 'resourceGroup'

@description('Lower-case letters and digits that make the globally unique names (app-coregroup-<suffix>…).')
@minLength(3)
@maxLength(8)
param resourceSuffix string

@description('The Toolkit environment (dev, prod…), recorded as a tag.')
param environmentName string

param location string = resourceGroup().location

@description('App Service plan SKU: B1 or larger (virtual network integration needs Basic or above).')
param appServiceSku string = 'B1'

@description('How many app instances run (App Service scale-out). They share the PostgreSQL database: its job queue, Teams rate limits and hourly leases (docs/operations.md, "More than one instance"). Basic allows up to 3.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('PostgreSQL flexible server compute, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

param postgresAdminLogin string = 'coregroupadmin'

@description('The PostgreSQL administrator password. It is written only to Key Vault (inside the database URL).')
@secure()
@minLength(16)
param postgresAdminPassword string

@description('Keep backups in the paired region too (UK South ↔ UK West). Cannot be changed after the server is created.')
param postgresGeoRedundantBackup bool = false

@description('Optional: the object id of an Entra group made PostgreSQL Entra administrator (for operators); empty for none.')
param postgresEntraAdminObjectId string = ''

@description('The display name of that Entra group.')
param postgresEntraAdminName string = ''

@description('The bot\'s single-tenant app registration: client id (MICROSOFT_APP_ID, also the Graph client).')
param botId string

@description('The tenant the bot is registered in (MICROSOFT_APP_TENANT_ID).')
param botTenantId string = tenant().tenantId

@description('The bot app registration\'s client secret. It is written only to Key Vault.')
@secure()
param botPassword string

@maxLength(42)
param botDisplayName string = 'Core Group'

@description('The app registration in the manifest\'s webApplicationInfo: tab tokens are issued for it (TAB_SSO_AUDIENCE) and the server calls Microsoft Graph as it (GRAPH_CLIENT_ID).')
param appClientId string

@description('That app registration\'s client secret, for Microsoft Graph. It is written only to Key Vault.')
@secure()
param appClientSecret string

@description('The Teams app id from the manifest.')
param teamsAppId string

@description('The org app catalogue\'s id for the app, once published; empty until then (the manifest id is used).')
param teamsAppCatalogId string = ''

@description('Comma-separated tenant ids allowed to use the app; empty means the bot\'s own tenant.')
param allowedTenantIds string = ''

@description('A shared mailbox that organises every core group meeting; empty for each lead social worker\'s own.')
param organiserMailbox string = ''

@description('The Children Services co-ordinator\'s mailbox, where CP9 records go (seed 001); empty where no profile in use sends CP9.')
param cp9CoordinatorMailbox string = ''

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
param logLevel string = 'info'

@description('How long Log Analytics keeps logs, in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

var suffix = toLower(resourceSuffix)
var names = {
  plan: 'plan-coregroup-${suffix}'
  web: 'app-coregroup-${suffix}'
  bot: 'bot-coregroup-${suffix}'
  vault: 'kv-coregroup-${suffix}'
  postgres: 'psql-coregroup-${suffix}'
  vnet: 'vnet-coregroup-${suffix}'
  logs: 'log-coregroup-${suffix}'
  insights: 'appi-coregroup-${suffix}'
}
var tags = {
  application: 'core-group'
  environment: environmentName
}
var databaseName = 'coregroup'
// Built-in role: read secret contents (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var hasEntraAdmin = !empty(postgresEntraAdminObjectId)

// ---------------------------------------------------------------------------------------------
// Logs: Log Analytics receives the app's stdout (pino JSON), HTTP and platform logs and Key Vault's
// audit events. Application Insights only runs an availability test on /healthz: the Node
// auto-instrumentation agent is deliberately not enabled, because it would record outbound Graph
// URLs, which contain mailbox addresses.
// ---------------------------------------------------------------------------------------------
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableIpMasking: false
  }
}

// ---------------------------------------------------------------------------------------------
// Network: the Web App's outbound traffic goes through the "app" subnet; PostgreSQL lives in the
// delegated "database" subnet with a private DNS name; Key Vault admits only the "app" subnet.
// ---------------------------------------------------------------------------------------------
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: names.vnet
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.1.0/24'
          delegations: [{ name: 'web', properties: { serviceName: 'Microsoft.Web/serverFarms' } }]
          serviceEndpoints: [{ service: 'Microsoft.KeyVault' }]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }]
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: 'app'
}

resource databaseSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: 'database'
}

resource postgresDns 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: '${names.postgres}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: postgresDns
  name: 'link-${names.vnet}'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: private access only, TLS required, 35 days of point-in-time restore. The app signs
// in with the administrator password from Key Vault; operators can sign in with Entra ID.
// ---------------------------------------------------------------------------------------------
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: names.postgres
  location: location
  tags: tags
  sku: {
    name: postgresSkuName
    tier: postgresTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: hasEntraAdmin ? 'Enabled' : 'Disabled'
      passwordAuth: 'Enabled'
      tenantId: tenant().tenantId
    }
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: postgresGeoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
    network: {
      delegatedSubnetResourceId: databaseSubnet.id
      privateDnsZoneArmResourceId: postgresDns.id
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [postgresDnsLink]
}

resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [requireTls]
}

resource postgresEntraAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = if (hasEntraAdmin) {
  parent: postgres
  name: hasEntraAdmin ? postgresEntraAdminObjectId : 'none'
  properties: {
    principalType: 'Group'
    principalName: postgresEntraAdminName
    tenantId: tenant().tenantId
  }
  dependsOn: [database]
}

// ---------------------------------------------------------------------------------------------
// Key Vault: RBAC only, purge protection, reachable from the app subnet. Holds the two client
// secrets (bot, Graph) and the database URL (which carries the database password); the Web App
// reads them as Key Vault references with its managed identity.
// ---------------------------------------------------------------------------------------------
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      virtualNetworkRules: [{ id: appSubnet.id, ignoreMissingVnetServiceEndpoint: false }]
      ipRules: []
    }
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botPassword
    contentType: 'Entra client secret of the Core Group bot app registration'
  }
}

resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'graph-client-secret'
  properties: {
    value: appClientSecret
    contentType: 'Entra client secret of the Core Group tab sign-in and Graph app registration'
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    // sslmode=verify-full: TLS with the server's certificate and host name checked.
    value: 'postgres://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'
    contentType: 'PostgreSQL connection URL'
  }
}

// ---------------------------------------------------------------------------------------------
// The Web App: Node 24 LTS on Linux, system-assigned identity, https only, outbound through the
// VNet. The upload is the compiled app (`npm run build`: dist/, with bin/ and the package files;
// .webappignore). App Service installs its production dependencies (CUSTOM_BUILD_COMMAND below:
// no dev or optional ones, so nothing is compiled there) and starts it with the migrations first;
// the app then migrates again under Kysely's lock, which is harmless.
// ---------------------------------------------------------------------------------------------
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: appServiceSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: names.web
  location: location
  tags: tags
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    virtualNetworkSubnetId: appSubnet.id
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node bin/coregroup.cjs migrate && npm run serve'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      vnetRouteAllEnabled: true
    }
  }
}

resource webReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, web.id, keyVaultSecretsUserRoleId)
  properties: {
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

var publicBaseUrl = 'https://${web.properties.defaultHostName}'
var secretsUri = '${vault.properties.vaultUri}secrets'

// The server's configuration (src/config/config.ts), one setting per variable. Secrets are Key
// Vault references (no version: App Service picks up a rotated secret within a day, or at restart).
resource webSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'appsettings'
  properties: union(
    {
      CORE_GROUP_MODE: 'production'
      HOST: '0.0.0.0'
      PORT: '8080'
      WEBSITES_PORT: '8080'
      NODE_ENV: 'production'
      SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
      // Replaces the platform's build (`npm install` then `npm run build`, which needs the dev
      // dependencies): the code arrives built, and production needs neither tsx nor better-sqlite3.
      CUSTOM_BUILD_COMMAND: 'npm install --omit=dev --omit=optional --no-audit --no-fund'
      LOG_LEVEL: logLevel
      DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${secretsUri}/${databaseUrlSecret.name}/)'
      MICROSOFT_APP_ID: botId
      MICROSOFT_APP_TENANT_ID: botTenantId
      MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${secretsUri}/${botPasswordSecret.name}/)'
      ALLOWED_TENANT_IDS: empty(allowedTenantIds) ? botTenantId : allowedTenantIds
      GRAPH_MODE: 'microsoft'
      TEAMS_APP_ID: empty(teamsAppCatalogId) ? teamsAppId : teamsAppCatalogId
      PUBLIC_BASE_URL: publicBaseUrl
      GRAPH_CLIENT_ID: appClientId
      GRAPH_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${secretsUri}/${graphSecret.name}/)'
      TAB_SSO_AUDIENCE: appClientId
    },
    // The server refuses an empty ORGANISER_MAILBOX or CP9_COORDINATOR_MAILBOX (each must be an address), so each is set only when given.
    empty(organiserMailbox) ? {} : { ORGANISER_MAILBOX: organiserMailbox },
    empty(cp9CoordinatorMailbox) ? {} : { CP9_COORDINATOR_MAILBOX: cp9CoordinatorMailbox }
  )
  dependsOn: [webReadsSecrets]
}

resource webDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: web
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceAppLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [{ category: 'AuditEvent', enabled: true }]
  }
}

resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'healthz-${names.web}'
  location: location
  tags: union(tags, { 'hidden-link:${insights.id}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: 'healthz-${names.web}'
    Name: 'Core Group /healthz'
    Kind: 'standard'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      { Id: 'emea-ru-msa-edge' } // UK South
      { Id: 'emea-se-sto-edge' } // UK West
      { Id: 'emea-nl-ams-azr' } // West Europe
    ]
    Request: {
      RequestUrl: '${publicBaseUrl}/healthz'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 14
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The Azure Bot: single-tenant, messages to /api/messages on the Web App; the Teams channel, and
// the Microsoft 365 channel that Outlook and the Microsoft 365 app use for Teams apps' bots.
// ---------------------------------------------------------------------------------------------
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: '${publicBaseUrl}/api/messages'
    msaAppId: botId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource microsoft365Channel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'M365Extensions'
  location: 'global'
  properties: {
    channelName: 'M365Extensions'
  }
}

output TAB_DOMAIN string = web.properties.defaultHostName
output TAB_ENDPOINT string = publicBaseUrl
output BOT_DOMAIN string = web.properties.defaultHostName
output BOT_ENDPOINT string = publicBaseUrl
output AZURE_APP_SERVICE_RESOURCE_ID string = web.id
output KEY_VAULT_NAME string = vault.name
output POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName

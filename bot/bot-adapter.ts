import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { CertificateServiceClientCredentialsFactory } from 'botframework-connector';
import { errorLogFields, translationOf } from '../src/errors/error-codes';
import { failureIn } from '../src/errors/refusal-words';
import { type Language, languageOfLocale } from '../src/i18n/language';
import type { LanguageChoices } from '../src/services/language-choice.service';
import { callerOf } from './activity';
import { wordsIn } from '../src/i18n/words';

/** How outbound calls to the channel are signed (botframework-connector's factory, via botbuilder). */
export type ChannelCredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/** What the adapter needs to know; the composition root fills it from Config. */
export interface BotAdapterOptions {
  /** Empty only in local mode on loopback (Config refuses it otherwise): botbuilder then checks no token at all. */
  readonly appId?: string | undefined;
  readonly password?: string | undefined;
  /** The app registration's certificate, preferred over the password when both are set. */
  readonly certificate?: { readonly thumbprintSha1: string; readonly privateKeyPem: string } | undefined;
  readonly tenantId?: string | undefined;
  /** Where the channel's signing keys are published (tests point it at a local stand-in). */
  readonly openIdMetadataUrl?: string | undefined;
  /** How outbound calls to the channel are signed (tests inject a local one; production uses the app's secret). */
  readonly credentialsFactory?: ChannelCredentialsFactory | undefined;
  readonly log: (level: 'info' | 'warn' | 'error', details: Record<string, unknown>, message: string) => void;
  /** Each person's own choice of language, to answer a failed turn in; without it, the turn's Teams locale. */
  readonly languages?: Pick<LanguageChoices, 'languageFor'> | undefined;
}

/** The CloudAdapter with one entry point that lets the HTTP layer map failures itself (see bot-mount). */
export class CoreGroupAdapter extends CloudAdapter {
  /** Authenticates the request and runs the turn; throws on a bad token instead of writing a response. */
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * The botbuilder CloudAdapter, single-tenant, with the one turn-error handler that translates
 * failures for the user from the error table, in the sender's language: a domain error's words,
 * otherwise a generic line — never a stack trace. Logs carry the error code, the activity type and the internal
 * message, at the table's level; never the user's text.
 */
export function createBotAdapter(options: BotAdapterOptions): CoreGroupAdapter {
  const settings = {
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.password ?? '',
    MicrosoftAppType: options.appId ? 'SingleTenant' : undefined,
    MicrosoftAppTenantId: options.tenantId,
    // Overriding one endpoint makes botbuilder build its settings from the ones given only, so a
    // local metadata URL comes with the public cloud's values for everything else.
    ...(options.openIdMetadataUrl
      ? {
          ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: options.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${options.tenantId ?? 'botframework.com'}`,
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          OAuthUrl: 'https://api.botframework.com',
          CallerId: 'urn:botframework:azure',
          ValidateAuthority: true,
        }
      : {}),
  };
  const credentials =
    options.credentialsFactory ??
    (options.appId && options.certificate
      ? new CertificateServiceClientCredentialsFactory(options.appId, options.certificate.thumbprintSha1, options.certificate.privateKeyPem, options.tenantId)
      : new ConfigurationServiceClientCredentialFactory(settings));
  const adapter = new CoreGroupAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const translation = translationOf(error);
    const logged = errorLogFields(error);
    options.log(translation.log, { code: logged.code, activityType: context.activity.type, err: translation.code === 'internal' ? { name: error.name, stack: error.stack } : logged.err }, 'bot turn failed');
    if (context.activity.type === 'invoke') return;
    // Only a person's message gets an answer. Anything else fails to its caller: a proactive send
    // to the job runner (which retries it), a Teams event (a meeting starting) to Teams as a 500, so
    // it is delivered again — and no error text ever lands in a meeting chat.
    if (context.activity.type !== 'message') throw error;
    await context.sendActivity(failureIn(wordsIn(await senderLanguage(context, options)), error));
  };
  return adapter;
}

/** The sender's own language, else their Teams locale's: a failure to read it (the store down) is no reason not to answer. */
async function senderLanguage(context: TurnContext, options: BotAdapterOptions): Promise<Language> {
  const caller = callerOf(context);
  const fromLocale = languageOfLocale(context.activity.locale);
  if (!caller || !options.languages) return fromLocale;
  return options.languages.languageFor(caller, context.activity.locale).catch((error: unknown) => {
    options.log('warn', errorLogFields(error), 'the sender’s language could not be read; answering in their Teams locale’s');
    return fromLocale;
  });
}

import type { CaseCommandVerb } from '../../src/contracts/card-actions.contract';
import type { CaseAction } from '../../src/domain/permissions';
import type { Language } from '../../src/i18n/language';
import { type Words, wordsIn } from '../../src/i18n/words';
import type { Caller } from '../../src/services/authorise';
import type { CaseChoice, CaseOption } from '../../src/services/case-status.service';
import { answerRefusals } from '../answer-refusals';
import type { BotServices } from '../bot-services';
import { chooseCaseCard } from '../cards/choose-case.card';
import { escapeCardText } from '../cards/escape';
import { messageCard } from '../cards/notice.card';

/** A `/coregroup …` command as the bot read it from a message. */
export interface CommandRequest {
  readonly caller: Caller;
  /** What follows the verb, as plain text. */
  readonly rest: string;
  /** A 1:1 chat with the app (case details may be shown), or a group or meeting chat (they may not). */
  readonly personal: boolean;
  /** The language to answer in: the caller's choice, else their Teams locale's. */
  readonly language: Language;
  readonly conversationId: string;
  /** The message's id: a retried delivery of the same message carries the same one. */
  readonly activityId: string;
  /** The Entra object id of the first person mentioned in the message (not the app), looked up only when asked. */
  firstPersonMentioned(): Promise<string | undefined>;
}

/** What the bot sends back: a card, or a line of text. */
export type Reply = { readonly card: object } | { readonly text: string };

/** One command: its handler, and whether it shows case details (then it answers in a 1:1 chat only). */
export interface Command {
  readonly run: (request: CommandRequest, services: BotServices) => Promise<Reply>;
  readonly personalOnly: boolean;
}

/** A command about one case: what it needs the caller to be allowed, and its card for the chosen case. */
export interface CaseCommand {
  readonly verb: CaseCommandVerb;
  /** What the caller's role must allow in a case for it to be offered or chosen. */
  readonly need: CaseAction;
  /** The card for the chosen case, in the caller's language (what a role without `need` is told it does not include is the catalogue's `choose.notIncluded.<verb>`). */
  readonly card: (coreGroup: CaseOption, caller: Caller, services: BotServices, words: Words) => Promise<object> | object;
  /** Shown when no case is named, instead of choosing one: an overview of every case; undefined when it has nothing to show, and the case is chosen as usual (which says why there is none). */
  readonly overview?: (caller: Caller, services: BotServices, words: Words) => Promise<object | undefined>;
}

/**
 * A case command: about the case named after the verb (`/coregroup plan DEMO-0002`), else the
 * overview if it has one, else the caller's only case, else a card to choose one. Refusals from
 * the services are answered on the card.
 */
export function caseCommand(command: CaseCommand): Command {
  return {
    personalOnly: true,
    run: async (request, services) => ({
      card: await answerRefusals(wordsIn(request.language), async () => {
        const words = wordsIn(request.language);
        const overview = request.rest === '' ? await command.overview?.(request.caller, services, words) : undefined;
        return overview ?? cardForChoice(command, await services.status.chooseCase({ caller: request.caller, need: command.need, typed: request.rest }), request.caller, services, words);
      }),
    }),
  };
}

/** The answer to a case command once its case was looked for: that case's card, a picker, or why there is none. */
export async function cardForChoice(command: CaseCommand, choice: CaseChoice, caller: Caller, services: BotServices, words: Words): Promise<object> {
  const { t } = words;
  switch (choice.kind) {
    case 'chosen':
      return command.card(choice.coreGroup, caller, services, words);
    case 'choose':
      return chooseCaseCard(words, { command: command.verb, title: t('choose.which'), cases: choice.cases });
    case 'did-you-mean':
      return chooseCaseCard(words, { command: command.verb, title: t('choose.didYouMean'), cases: choice.suggestions });
    case 'not-found':
      return messageCard(t('choose.notFound', { verb: command.verb }));
    case 'not-allowed': {
      const what = t(`choose.notIncluded.${command.verb}`);
      return messageCard(choice.caseReference ? t('choose.notAllowedCase', { caseReference: escapeCardText(choice.caseReference), what }) : t('choose.notAllowed', { what }));
    }
    case 'no-core-group':
      return messageCard(t('choose.noCoreGroup'));
  }
}

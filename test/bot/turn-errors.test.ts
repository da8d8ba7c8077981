import type { TurnContext } from 'botbuilder';
import { createBotAdapter } from '../../bot/bot-adapter';
import { ForbiddenError, said } from '../../src/domain/errors';
import { ERROR_TRANSLATIONS } from '../../src/errors/error-codes';
import type { Language } from '../../src/i18n/language';
import { CalendarError } from '../../src/services/ports/calendar.port';
import { DeliveryError } from '../../src/services/ports/notifier.port';
import { localNotifier } from '../support/bot-channel';

/** The bot's turn-error handler, with what it logged and what it sent. */
function turnErrors(options: { locale?: string; chosen?: Language } = {}) {
  const logged: { level: string; details: Record<string, unknown> }[] = [];
  const languages = { languageFor: async () => options.chosen ?? 'en' } as const;
  const adapter = createBotAdapter({ log: (level, details) => void logged.push({ level, details }), ...(options.chosen ? { languages } : {}) });
  const sent: unknown[] = [];
  const activity = { type: '', locale: options.locale, from: { aadObjectId: '00000000-0000-4000-8000-000000000009' }, conversation: { tenantId: 'tenant' }, channelData: { tenant: { id: 'tenant' } } };
  const turn = (type: string, error: Error) => adapter.onTurnError({ activity: { ...activity, type }, sendActivity: async (sent_: unknown) => void sent.push(sent_) } as unknown as TurnContext, error);
  return { turn, logged, sent };
}

const busy = new CalendarError({ code: 'calendar-unavailable', userMessage: 'The calendar service is busy; create the meeting did not complete. Try again in a few minutes.', internalMessage: 'Graph answered 503 to "create the meeting"', status: 503 });

describe('the bot translates errors from the error table', () => {
  test('a person’s message is answered with the error’s user message, logged with its code at its row’s level', async () => {
    const { turn, logged, sent } = turnErrors();
    await turn('message', busy);
    expect(sent).toEqual(['The calendar service is busy; create the meeting did not complete. Try again in a few minutes.']);
    expect(logged).toEqual([{ level: 'warn', details: expect.objectContaining({ code: 'calendar-unavailable', activityType: 'message', err: expect.objectContaining({ message: 'Graph answered 503 to "create the meeting"' }) }) }]);
  });

  test('a row that says to tell people nothing gets the general apology', async () => {
    const { turn, sent } = turnErrors();
    const replaced = jest.replaceProperty(ERROR_TRANSLATIONS, 'forbidden', { ...ERROR_TRANSLATIONS.forbidden, tell: 'generic' });
    try {
      await turn('message', new ForbiddenError('Your role in this core group does not allow that.'));
    } finally {
      replaced.restore();
    }
    expect(sent).toEqual(['Sorry, something went wrong. It has been logged; please try again.']);
  });

  test('a bug is apologised for in general words and logged as an error with its stack, never shown', async () => {
    const { turn, logged, sent } = turnErrors();
    await turn('message', new TypeError('Cannot read properties of undefined'));
    expect(sent).toEqual(['Sorry, something went wrong. It has been logged; please try again.']);
    expect(logged).toEqual([{ level: 'error', details: expect.objectContaining({ code: 'internal', err: expect.objectContaining({ name: 'TypeError', stack: expect.any(String) }) }) }]);
  });

  test('in the sender’s language: their own choice, else their Teams locale — a fault’s apology too', async () => {
    const chosen = turnErrors({ locale: 'en-GB', chosen: 'cy' });
    await chosen.turn('message', new TypeError('boom'));
    expect(chosen.sent).toEqual(["Mae'n ddrwg gennym, aeth rhywbeth o'i le. Mae wedi'i gofnodi; rhowch gynnig arall arni."]);
    const byLocale = turnErrors({ locale: 'cy-GB' });
    await byLocale.turn('message', new DeliveryError({ code: 'delivery-failed', userMessage: 'Teams refused the message.', said: said('refusals.teams.refused'), status: 400 }));
    expect(byLocale.sent).toEqual(['Gwrthododd Teams y neges.']);
  });

  test('a Teams event fails to Teams (so it is delivered again), and nothing is said in the chat', async () => {
    const { turn, sent } = turnErrors();
    await expect(turn('event', busy)).rejects.toBe(busy);
    expect(sent).toEqual([]);
  });
});

describe('the Teams notifier’s errors', () => {
  test('nobody to send to is recipient-unreachable (status 404), so the e-mail fallback and the job’s retry know it', async () => {
    const notifier = localNotifier({ find: async () => undefined, upsert: async () => undefined });
    const message = { kind: 'minutes-ready', caseReference: 'CP-1', meetingDate: '2026-06-08' } as const;
    const error = await notifier.send({ tenantId: 't', to: { kind: 'person', aadObjectId: '00000000-0000-4000-8000-000000000001' }, summary: 's', message }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: 'recipient-unreachable', status: 404, userMessage: 'This person has not opened a chat with Core Group yet.' });
    expect((error as Error).message).toBe('no conversation reference for this person');
    expect(ERROR_TRANSLATIONS['recipient-unreachable'].job).toBe('retry');
  });
});

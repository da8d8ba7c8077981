import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { NotFoundError, RuleViolationError, said } from '../../src/domain/errors';
import { CalendarError } from '../../src/services/ports/calendar.port';
import { handled } from '../../src/server/api-errors';
import { createHttpApp } from '../../src/server/http-app';
import type { Logger } from '../../src/server/logger';

const busy = (retryAfterMs?: number) =>
  new CalendarError({ code: 'calendar-unavailable', userMessage: 'The calendar service is busy; read free/busy did not complete. Try again in a few minutes.', internalMessage: 'Graph answered 503 to "read free/busy"', status: 503, retryAfterMs });

/** A logger that keeps what it was asked to log, by level. */
function recordingLogger() {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (details: Record<string, unknown>, message: string) => void lines.push({ level, details, message });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger };
}

/** The tab API's error edge, with one route per failure and a route that lets an error fall through to the app. */
function appThatThrows(logger: Logger) {
  const router = express.Router();
  const failures: Record<string, () => unknown> = {
    'calendar-busy-for-two-minutes': () => busy(120_000),
    'calendar-busy': () => busy(),
    'not-found': () => new NotFoundError('That meeting does not exist.'),
    'rule-violation': () => new RuleViolationError('Signed minutes cannot be edited.'),
    'said-rule': () => new RuleViolationError('Teams refused the message.', { said: said('refusals.teams.refused') }),
    bug: () => new TypeError('Cannot read properties of undefined (reading "members")'),
    'bad-body': () => z.object({ reason: z.string() }).parse({}),
  };
  router.get(
    '/api/fail/:what',
    handled(logger, async (incoming) => {
      throw failures[String(incoming.params.what)]!();
    }),
  );
  router.get('/api/unhandled', async () => {
    throw busy(5_000);
  });
  return createHttpApp({ logger, version: 'test', health: { checkDatabase: async () => undefined }, routers: [router] });
}

describe('the tab API translates errors from the error table', () => {
  test('calendar unavailable is a 503 with the Retry-After Graph gave, and the safe message', async () => {
    const { logger, lines } = recordingLogger();
    const response = await request(appThatThrows(logger)).get('/api/fail/calendar-busy-for-two-minutes');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('120');
    expect(response.body).toEqual({ error: { code: 'calendar-unavailable', message: 'The calendar service is busy; read free/busy did not complete. Try again in a few minutes.' } });
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', details: expect.objectContaining({ code: 'calendar-unavailable', err: expect.objectContaining({ message: 'Graph answered 503 to "read free/busy"', status: 503 }) }) })]);
  });

  test('without a wait from Graph, Retry-After is the table’s', async () => {
    const response = await request(appThatThrows(recordingLogger().logger)).get('/api/fail/calendar-busy');
    expect([response.status, response.headers['retry-after']]).toEqual([503, '60']);
  });

  test('rule-violation is 422 with its user message and no Retry-After', async () => {
    const response = await request(appThatThrows(recordingLogger().logger)).get('/api/fail/rule-violation');
    expect([response.status, response.headers['retry-after'], response.body]).toEqual([422, undefined, { error: { code: 'rule-violation', message: 'Signed minutes cannot be edited.' } }]);
  });

  test('not-found is 404 with the table’s words, whatever the error says: no 404 tells what was missing', async () => {
    const response = await request(appThatThrows(recordingLogger().logger)).get('/api/fail/not-found');
    expect([response.status, response.body]).toEqual([404, { error: { code: 'not-found', message: 'That could not be found, or you are not a member of its core group.' } }]);
  });

  test('anything else is a logged 500 that says nothing of it', async () => {
    const { logger, lines } = recordingLogger();
    const response = await request(appThatThrows(logger)).get('/api/fail/bug');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: { code: 'internal', message: 'Something went wrong; it has been logged' } });
    expect(lines).toEqual([expect.objectContaining({ level: 'error', details: expect.objectContaining({ code: 'internal', err: expect.any(TypeError) }) })]);
  });

  test('a body that does not parse is a 400 naming the field', async () => {
    const response = await request(appThatThrows(recordingLogger().logger)).get('/api/fail/bad-body');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid-input');
    expect(response.body.error.message).toBe('reason: is missing or is not the right kind of value');
  });

  test('an error a route leaves to the app is translated from the same table', async () => {
    const response = await request(appThatThrows(recordingLogger().logger)).get('/api/unhandled');
    expect([response.status, response.headers['retry-after'], response.body.error.code]).toEqual([503, '5', 'calendar-unavailable']);
  });
});

describe('the tab API answers in the language the request asks for', () => {
  const welsh = (path: string) => request(appThatThrows(recordingLogger().logger)).get(path).set('Accept-Language', 'cy-GB,cy;q=0.9,en;q=0.5');

  test('a refusal with catalogue words is said in Welsh to a Welsh page, and in English to any other', async () => {
    expect((await welsh('/api/fail/said-rule')).body).toEqual({ error: { code: 'rule-violation', message: 'Gwrthododd Teams y neges.' } });
    const english = await request(appThatThrows(recordingLogger().logger)).get('/api/fail/said-rule').set('Accept-Language', 'en-GB');
    expect(english.body).toEqual({ error: { code: 'rule-violation', message: 'Teams refused the message.' } });
  });

  test('the table’s own words (not-found), the general words for a fault, and a body that does not parse, in Welsh', async () => {
    expect((await welsh('/api/fail/not-found')).body.error.message).toBe("Nid oedd modd dod o hyd i hynny, neu nid ydych yn aelod o'i grŵp craidd.");
    expect((await welsh('/api/fail/bug')).body).toEqual({ error: { code: 'internal', message: "Aeth rhywbeth o'i le; mae wedi'i gofnodi" } });
    expect((await welsh('/api/fail/bad-body')).body.error.message).toBe("reason: mae ar goll neu nid yw'n werth o'r math cywir");
  });

  test('an error raised without catalogue words is never said in English to a Welsh reader: the general words for its code', async () => {
    expect((await welsh('/api/fail/rule-violation')).body.error.message).toBe("Nid yw hynny'n cael ei ganiatáu ar y cam hwn o'r broses.");
  });
});

import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { NotFoundError, RuleViolationError } from '../../src/domain/errors';
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
    expect(response.body.error.message).toMatch(/^reason: /);
  });

  test('an error a route leaves to the app is translated from the same table', async () => {
    const response = await request(appThatThrows(recordingLogger().logger)).get('/api/unhandled');
    expect([response.status, response.headers['retry-after'], response.body.error.code]).toEqual([503, '5', 'calendar-unavailable']);
  });
});

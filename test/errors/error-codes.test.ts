import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError, NotFoundError } from '../../src/domain/errors';
import { ERROR_TRANSLATIONS, codeOf, errorLogFields, retryAfterMsOf, translationOf, userMessageFor } from '../../src/errors/error-codes';
import { CalendarError } from '../../src/services/ports/calendar.port';
import { renderDocx } from '../../src/export/docx-renderer';
import { renderPdf } from '../../src/export/pdf-renderer';
import type { RecordDocument } from '../../src/services/ports/record-renderer.port';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every error class under src/ and bot/ that descends from DomainError, with the codes its
 * `readonly code` declares (a literal, or a union of literals set in its constructor).
 */
function declaredDomainErrorCodes(): Map<string, string[]> {
  const parents = new Map<string, string>();
  const codes = new Map<string, string[]>();
  for (const file of [...sourceFiles('src'), ...sourceFiles('bot')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/class (\w+)(?:<[^>]*>)? extends (\w+)(<[^{]*>)? \{(\}|[\s\S]*?\n\})/g)) {
      const [, name, parent, typeArguments, body] = match as unknown as [string, string, string, string | undefined, string];
      parents.set(name, parent);
      // A literal `readonly code = '…'`, or the codes a port error names as its RemoteError's type argument.
      const declaration = `${typeArguments ?? ''} ${/readonly code\b([^;]*);/.exec(body)?.[1] ?? ''}`;
      codes.set(name, [...declaration.matchAll(/'([^']+)'/g)].map((literal) => literal[1]!));
    }
  }
  const descendsFromDomainError = (name: string): boolean => {
    const parent = parents.get(name);
    return parent === 'DomainError' || (parent !== undefined && descendsFromDomainError(parent));
  };
  return new Map([...codes].filter(([name]) => descendsFromDomainError(name)));
}

describe('the error table', () => {
  test('every code an error class under src/ or bot/ declares has a row, and every row but internal belongs to one', () => {
    const declared = declaredDomainErrorCodes();
    expect([...declared.keys()]).toEqual(expect.arrayContaining(['InvalidInputError', 'RemoteError', 'CalendarError', 'MailError', 'DeliveryError', 'RenderError']));
    const thrown = new Set([...declared.values()].flat());
    for (const [name, codes] of declared) {
      // An abstract class (RemoteError) leaves its code to its subclasses.
      if (codes.length === 0) continue;
      for (const code of codes) expect({ name, code, hasRow: Object.hasOwn(ERROR_TRANSLATIONS, code) }).toEqual({ name, code, hasRow: true });
    }
    expect(Object.keys(ERROR_TRANSLATIONS).filter((code) => code !== 'internal' && !thrown.has(code))).toEqual([]);
  });

  test('anything that is not a domain error is internal: a 500, retried by a job, never shown to people', () => {
    expect(codeOf(new Error('connection refused'))).toBe('internal');
    expect(codeOf(Object.assign(new Error('x'), { code: 'not-found' }))).toBe('internal');
    expect(translationOf('a string')).toMatchObject({ code: 'internal', http: { status: 500 }, job: 'retry', tell: 'generic' });
    expect(userMessageFor(new Error('stack and all'))).toBeUndefined();
  });

  test('a domain error logs its code, internal message and diagnostics — not its cause, which can quote personal data', () => {
    const error = new CalendarError({
      code: 'calendar-unavailable',
      userMessage: 'The calendar service is busy.',
      internalMessage: 'Graph answered 503 to "read free/busy"',
      status: 503,
      requestId: 'req-1',
      retryAfterMs: 30_000,
      cause: new Error('mailbox priya.shah@demo.example is busy'),
    });
    expect(errorLogFields(error)).toEqual({
      code: 'calendar-unavailable',
      err: { type: 'CalendarError', message: 'Graph answered 503 to "read free/busy"', status: 503, remoteCode: undefined, requestId: 'req-1', retryAfterMs: 30_000, cause: 'Error' },
    });
    expect(JSON.stringify(errorLogFields(error))).not.toContain('priya');
    expect(retryAfterMsOf(error)).toBe(30_000);
  });

  test('the internal message is for the logs; an error without one keeps its user message as message', () => {
    const withInternal = new NotFoundError('That meeting does not exist.', { internalMessage: 'meeting 42 not in the store' });
    expect([withInternal.message, withInternal.userMessage]).toEqual(['meeting 42 not in the store', 'That meeting does not exist.']);
    const plain = new InvalidInputError('Dates are YYYY-MM-DD.');
    expect([plain.message, plain.userMessage, 'cause' in plain]).toEqual(['Dates are YYYY-MM-DD.', 'Dates are YYYY-MM-DD.', false]);
  });

  test.each([
    ['docx', renderDocx],
    ['pdf', renderPdf],
  ] as const)('the %s renderer turns a failure into record-render-failed, with what it caught as the cause', async (_format, render) => {
    const broken = { title: 't', subtitle: 's', auditReference: 'a', blocks: [{ kind: 'table', header: undefined, rows: [] }] } as unknown as RecordDocument;
    const error = await render(broken).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'record-render-failed', name: 'RenderError' });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});

import BetterSqlite3 from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cliCommands } from '../../src/cli/main';
import { runCli } from '../../src/cli/run-cli';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { ERROR_TRANSLATIONS } from '../../src/errors/error-codes';
import { MailError } from '../../src/services/ports/mailer.port';

const BIN = join(__dirname, '..', '..', 'bin', 'coregroup.cjs');

/** Runs the CLI in-process with captured output. */
async function coregroup(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { SQLITE_FILE: ':memory:' };
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line), env };
  const code = await runCli({ args, io, commands: cliCommands(env) });
  return { code, out, err };
}

describe('npx coregroup, as a process', () => {
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, SQLITE_FILE: ':memory:' } }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  test('working-days add prints the date and nothing else', async () => {
    const result = await run('working-days', 'add', '--nation', 'scotland', '--from', '2026-12-24', '--days', '3');
    expect(result).toEqual({ code: 0, stdout: '2026-12-31\n', stderr: '' });
  });

  test('bad input exits non-zero with one line on stderr naming the problem', async () => {
    const result = await run('working-days', 'add', '--nation', 'atlantis', '--from', '2026-12-24', '--days', '3');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('unknown nation "atlantis"');
  });

  test('deadlines --json is one JSON object', async () => {
    const result = await run('deadlines', '--policy', 'england', '--icpc', '2026-11-20', '--json');
    const parsed = JSON.parse(result.stdout);
    expect(parsed.policy).toBe('england');
    expect(parsed.obligations[0]).toEqual(expect.objectContaining({ id: 'first-core-group', due: '2026-12-04', rule: expect.any(String), source: expect.any(String) }));
  });
});

describe('working-days add', () => {
  test.each([
    ['england', '2026-04-02', '1', '2026-04-07'],
    ['wales', '2026-04-02', '1', '2026-04-07'],
    ['england-and-wales', '2026-12-24', '2', '2026-12-30'],
    ['scotland', '2026-04-02', '1', '2026-04-06'],
    ['northern-ireland', '2026-03-16', '1', '2026-03-18'],
    ['england', '2026-06-06', '0', '2026-06-06'],
  ])('%s from %s + %s', async (nation, from, days, expected) => {
    expect(await coregroup('working-days', 'add', '--nation', nation, '--from', from, '--days', days)).toEqual({ code: 0, out: [expected], err: [] });
  });

  test.each([
    [['--nation', 'england', '--from', '2026-02-30', '--days', '1'], 'not a real calendar date'],
    [['--nation', 'england', '--from', '30/01/2026', '--days', '1'], 'YYYY-MM-DD'],
    [['--nation', 'england', '--from', '2026-01-30', '--days', '-1'], 'whole number of working days, 0 or more'],
    [['--nation', 'england', '--from', '2026-01-30', '--days', 'ten'], 'whole number'],
    [['--nation', 'england', '--from', '2026-01-30'], '--days is required'],
    [['--nation', 'england', '--from', '2090-01-30', '--days', '1'], 'covers 2015–2045'],
    [['--nation', 'england', '--from', '2026-01-30', '--days', '1', '--colour', 'red'], "Unknown option '--colour'"],
  ])('%j is refused: %s', async (flags, message) => {
    const result = await coregroup('working-days', 'add', ...flags);
    expect(result.code).toBeGreaterThan(0);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toContain(message);
  });
});

describe('deadlines', () => {
  test('every obligation has id, due date, rule and source', async () => {
    const { out } = await coregroup('deadlines', '--policy', 'seven-working-days-six-weekly-after-review', '--icpc', '2026-03-25', '--json');
    const parsed = JSON.parse(out[0]!);
    expect(parsed.obligations.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining(['first-core-group', 'core-group-2', 'core-group-3', 'meetings-before-first-review', 'first-review-conference']),
    );
    for (const obligation of parsed.obligations) expect(Object.keys(obligation)).toEqual(expect.arrayContaining(['id', 'due', 'rule', 'source']));
  });

  test('the text form marks unverified rules', async () => {
    const { out } = await coregroup('deadlines', '--policy', 'northern-ireland', '--icpc', '2026-03-25');
    expect(out[1]).toMatch(/^2026-04-10 {2}First core group within 10 working days of the ICPC \(unverified\)/);
  });

  test('an unknown policy names the known ones', async () => {
    const result = await coregroup('deadlines', '--policy', 'atlantis', '--icpc', '2026-03-25');
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/unknown policy "atlantis" \(known: .*wales/);
  });
});

describe('migrate and seed-demo', () => {
  test('migrate brings a new SQLite file to the latest schema, then says it is up to date', async () => {
    const env = { SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'coregroup-cli-')), 'cli.db') };
    const run = (...args: string[]) => {
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line), env };
      return runCli({ args, io, commands: cliCommands(env) }).then((code) => ({ code, out }));
    };
    expect(await run('migrate')).toEqual({ code: 0, out: [expect.stringMatching(/SQLite .*cli\.db\): ran 0001-initial, 0002-bookings, 0003-concern-notes, 0004-audit-chain, 0005-member-positions, 0006-case-revisions, 0007-review-conference-records, 0008-meeting-places, 0009-transfers, 0011-plan-deliveries, 0012-transfer-in, 0013-institution-tasks, 0014-notice-deliveries, 0015-concern-history, 0016-area-contacts, 0017-family-versions, 0018-family-check-in-links, 0019-notice-attempts, 0020-extra-meetings, 0021-agency-report-texts, 0022-minutes-returns, 0023-filed-documents, 0024-shared-instances, 0025-hot-query-indexes, 0026-rate-send-answers, 0027-app-installs, 0028-language-preferences, 0029-document-languages, 0030-concern-history-facts$/)] });
    expect(await run('migrate')).toEqual({ code: 0, out: [expect.stringMatching(/is up to date$/)] });
    expect((await run('seed-demo')).out).toEqual(['demo caseload created: DEMO-0001, DEMO-0002, DEMO-0003']);
    expect((await run('seed-demo')).out).toEqual(['demo caseload already present: DEMO-0001, DEMO-0002, DEMO-0003']);
  });
});

describe('audit verify', () => {
  /** The CLI on one SQLite file, output and errors captured together in order. */
  const onFile = (file: string) => (...args: string[]) => {
    const env = { SQLITE_FILE: file };
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line), env };
    return runCli({ args, io, commands: cliCommands(env) }).then((code) => ({ code, out }));
  };

  /** A migrated SQLite file holding three audit entries. */
  async function auditedFile() {
    const file = join(mkdtempSync(join(tmpdir(), 'coregroup-cli-audit-')), 'audit.db');
    expect((await onFile(file)('migrate')).code).toBe(0);
    const database = openDatabase({ sqliteFile: file });
    try {
      const { auditLog } = createStore(database);
      for (const minute of [1, 2, 3]) await auditLog.append({ at: `2026-06-12T10:0${minute}:00.000Z`, tenantId: 'tenant-1', actor: 'aad-secret-actor', action: 'view-plan', coreGroupId: 'cg-secret', outcome: 'allowed' });
    } finally {
      await database.close();
    }
    return file;
  }

  test('an untouched log: entries counted, "audit chain intact", the head to record, exit 0; the head passes as an anchor', async () => {
    const run = onFile(await auditedFile());
    const result = await run('audit', 'verify');
    expect(result).toEqual({
      code: 0,
      out: ['checked 3 audit entries', expect.stringMatching(/^audit chain intact; head: entry 3, hash [0-9a-f]{64}$/), expect.stringMatching(/^\(record "3:[0-9a-f]{64}" to pass as --anchor next time\)$/)],
    });
    const anchor = /"(3:[0-9a-f]{64})"/.exec(result.out[2]!)![1]!;
    expect((await run('audit', 'verify', '--anchor', anchor)).code).toBe(0);
    expect(await run('audit', 'verify', '--anchor', `2:${anchor.slice(2)}`)).toEqual({ code: 3, out: ['checked 1 audit entry', 'audit chain broken at entry 2 (written 2026-06-12T10:02:00.000Z): anchor mismatch', expect.any(String)] });
  });

  test('an entry edited behind the triggers: the first break with its entry, time and problem, no content, exit 3', async () => {
    const file = await auditedFile();
    const raw = new BetterSqlite3(file);
    try {
      raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'edit-plan' WHERE seq = 2");
    } finally {
      raw.close();
    }
    const result = await onFile(file)('audit', 'verify');
    expect(result).toEqual({ code: 3, out: ['checked 1 audit entry', 'audit chain broken at entry 2 (written 2026-06-12T10:02:00.000Z): hash mismatch', expect.stringContaining('entry 2 (log row 2)')] });
    expect(result.out.join('\n')).not.toMatch(/secret|tenant-1|plan/);
  });

  test.each([
    [['audit'], 'unknown audit action ""'],
    [['audit', 'check'], 'unknown audit action "check"'],
    [['audit', 'verify', '--anchor', '3'], '--anchor must be <entry>:<hash>'],
    [['audit', 'verify', '--since', '3'], "Unknown option '--since'"],
  ])('%j is wrong usage: %s', async (args, message) => {
    const result = await onFile(await auditedFile())(...args);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([expect.stringContaining(message)]);
  });

  test('no database at SQLITE_FILE, or one not migrated: says so, creates nothing, exit 1', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'coregroup-cli-audit-'));
    expect(await onFile(join(directory, 'missing.db'))('audit', 'verify')).toEqual({ code: 1, out: [expect.stringContaining('there is no SQLite database at')] });
    expect(existsSync(join(directory, 'missing.db'))).toBe(false);
    new BetterSqlite3(join(directory, 'empty.db')).close();
    expect(await onFile(join(directory, 'empty.db'))('audit', 'verify')).toEqual({ code: 1, out: ['coregroup audit: this database has no audit chain yet: run "coregroup migrate" first'] });
  });
});

describe('policies and holidays', () => {
  test('policies lists every profile with its source and what is unverified', async () => {
    const { out } = await coregroup('policies');
    expect(out.filter((line) => /^\S/.test(line))).toHaveLength(8);
    expect(out.join('\n')).toContain('source: Working Together to Safeguard Children 2023');
    expect(out.join('\n')).toMatch(/unverified: firstCoreGroup/);
  });

  test('holidays lists the weekday bank holidays of a nation', async () => {
    const { out } = await coregroup('holidays', '--nation', 'scotland', '--year', '2027');
    expect(out[1]).toBe('2027-01-04  January 2nd (substitute day)');
  });

  test('an unknown command names the known ones', async () => {
    const result = await coregroup('frobnicate');
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain('known: migrate, seed-demo, policies, working-days, deadlines, obligations, holidays, audit');
  });
});

describe('welsh-review', () => {
  test('lists every Welsh string not yet checked by a Welsh speaker beside its English, then the glossary terms with no source', async () => {
    const { code, out, err } = await coregroup('welsh-review');
    expect([code, err]).toEqual([0, []]);
    expect(out[0]).toMatch(/^\d+ Welsh strings not yet checked by a Welsh speaker \(key, English, Welsh\):$/);
    expect(out).toContain("language.set\tCore Group will speak English to you from now on.\tBydd Core Group yn siarad Cymraeg â chi o hyn ymlaen.");
    expect(out).toContain('cases.count_two\t{{count}} core groups\t{{count}} grŵp craidd');
    expect(out).toContain('tab.dashboard.title\tCore group dashboard\tDangosfwrdd grwpiau craidd');
    expect(out).toContain('record.minutesTitle\tCore group meeting minutes\tCofnodion cyfarfod y grŵp craidd');
    const terms = out.findIndex((line) => /glossary terms with no source/.test(line));
    expect(out.slice(terms + 1)).toContain('lead social worker\tgweithiwr cymdeithasol arweiniol\tnot found in the Welsh WSP pages read; the WSP names the role cydlynydd y cynllun gofal a chymorth');
    expect(out.slice(terms + 1).some((line) => line.startsWith('core group\t'))).toBe(false);
  });

  test('takes no options', async () => {
    expect((await coregroup('welsh-review', '--all')).code).toBe(2);
  });
});

describe('failures', () => {
  const failing = (error: unknown) => ({ fail: { summary: 'fails', usage: 'fail', run: async () => Promise.reject(error) } });
  const runFailing = async (error: unknown) => {
    const err: string[] = [];
    const code = await runCli({ args: ['fail'], io: { out: () => undefined, err: (line) => err.push(line), env: {} }, commands: failing(error) });
    return { code, err };
  };

  test('a domain error exits with its row’s exit code and says its user message, not its internal one', async () => {
    const refused = new MailError({ code: 'mail-refused', userMessage: 'The mail service refused to send the e-mail.', internalMessage: 'Graph answered 403 to "send the e-mail"', status: 403 });
    expect(await runFailing(refused)).toEqual({ code: ERROR_TRANSLATIONS['mail-refused'].exitCode, err: ['coregroup fail: The mail service refused to send the e-mail.'] });
    const replaced = jest.replaceProperty(ERROR_TRANSLATIONS, 'mail-refused', { ...ERROR_TRANSLATIONS['mail-refused'], exitCode: 69 });
    try {
      expect((await runFailing(refused)).code).toBe(69);
    } finally {
      replaced.restore();
    }
  });

  test('anything else is an unexpected failure with the internal row’s exit code', async () => {
    expect(await runFailing(new TypeError('x is undefined'))).toEqual({ code: ERROR_TRANSLATIONS.internal.exitCode, err: ['coregroup fail: unexpected failure: x is undefined'] });
  });
});

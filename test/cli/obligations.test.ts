import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommands } from '../../src/cli/main';
import { runCli } from '../../src/cli/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'coregroup-obligations-'));
let files = 0;
const eventsFile = (content: unknown) => {
  const path = join(dir, `events-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

async function coregroup(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { SQLITE_FILE: ':memory:' };
  const code = await runCli({ args, io: { out: (line) => out.push(line), err: (line) => err.push(line), env }, commands: cliCommands(env) });
  return { code, out, err };
}

/** The events file of the issue that asked for the command. */
const EXAMPLE = {
  icpc: '2026-01-05',
  events: [
    { kind: 'core-group-held', on: '2026-01-16' },
    { kind: 'core-group-cancelled', on: '2026-02-13' },
    { kind: 'minutes-circulated', meeting: '2026-01-16', on: '2026-01-21' },
    { kind: 'plan-circulated', meeting: '2026-01-16', on: '2026-01-22' },
    { kind: 'cp9-sent', meeting: '2026-01-16', on: '2026-01-20' },
    { kind: 'agency-report-submitted', agency: 'health', on: '2026-03-20' },
    { kind: 'review-conference-held', on: '2026-04-01', outcome: 'continue' },
    { kind: 'plan-ended', on: '2026-04-01' },
  ],
};

describe('coregroup obligations', () => {
  test('--json: each deadline with its kind, due date, status, when met and how late, rule and source', async () => {
    const { code, out, err } = await coregroup('obligations', '--policy', 'plan-in-five-working-days-cp9-in-seven-days', '--events', eventsFile(EXAMPLE), '--on', '2026-05-01', '--json');
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toHaveLength(1);
    const result = JSON.parse(out[0]!);
    expect(result).toMatchObject({ policy: 'plan-in-five-working-days-cp9-in-seven-days', on: '2026-05-01' });
    expect(result.obligations.map((o: Record<string, unknown>) => [o.kind, o.due, o.status, o.metOn, o.daysLate])).toEqual([
      ['first-core-group', '2026-01-19', 'met', '2026-01-16', undefined],
      ['minutes-circulation', '2026-01-23', 'met', '2026-01-21', undefined],
      ['plan-circulation', '2026-01-23', 'met', '2026-01-22', undefined],
      ['cp9', '2026-01-23', 'met', '2026-01-20', undefined],
      // The meeting on 13 February was cancelled: the core group due then was missed until the plan ended on 1 April.
      ['core-group', '2026-02-13', 'overdue', undefined, 47],
      ['review-conference', '2026-04-02', 'met', '2026-04-01', undefined],
    ]);
    for (const obligation of result.obligations) {
      expect(Object.keys(obligation)).toEqual(expect.arrayContaining(['id', 'kind', 'due', 'status', 'rule', 'source']));
      expect(obligation.source.length).toBeGreaterThan(3);
    }
  });

  test('agency reports (seed 004) are owed per agency, and a late one says how late', async () => {
    const file = eventsFile({ ...EXAMPLE, agencies: ['health', 'police'] });
    const { out } = await coregroup('obligations', '--policy', 'ten-working-days-monthly', '--events', file, '--on', '2026-03-30', '--json');
    const reports = JSON.parse(out[0]!).obligations.filter((o: { kind: string }) => o.kind === 'agency-report');
    expect(reports.map((o: Record<string, unknown>) => [o.id, o.status, o.metOn])).toEqual([
      ['agency-report-review-2026-04-01-health', 'met', '2026-03-20'],
      ['agency-report-review-2026-04-01-police', 'overdue', undefined],
    ]);
  });

  test('as of an earlier day, what had not happened yet does not count', async () => {
    const { out } = await coregroup('obligations', '--policy', 'england', '--events', eventsFile(EXAMPLE), '--on', '2026-01-17', '--json');
    const byId = new Map(JSON.parse(out[0]!).obligations.map((o: { id: string }) => [o.id, o]));
    expect(byId.get('minutes-circulation-core-group-2026-01-16')).toMatchObject({ status: 'due' });
    expect(byId.get('first-review-conference')).toMatchObject({ status: 'due' });
  });

  test('without --json, a table that marks unverified rules', async () => {
    const { code, out } = await coregroup('obligations', '--policy', 'ten-working-days-four-weekly', '--events', eventsFile(EXAMPLE), '--on', '2026-05-01');
    expect(code).toBe(0);
    expect(out[0]).toContain('as of 2026-05-01');
    expect(out[1]).toMatch(/^due\s+status\s+met on\s+late\s+rule \[source\]$/);
    expect(out.find((line) => line.includes('Next core group'))).toMatch(/^2026-02-13 {2}overdue .* 47d {2}Next core group within 4 weeks of the last one held \[Seed 000/);
    expect(out.find((line) => line.startsWith('2026-01-23') && line.includes('Minutes'))).toContain('(unverified) [Local practice');
  });

  test('a case that transferred in: "transferIn" in place of "icpc" runs the profile’s transfer-in rules from that conference', async () => {
    const file = eventsFile({ transferIn: '2026-01-05', events: [{ kind: 'core-group-held', on: '2026-01-16' }] });
    const { code, out } = await coregroup('obligations', '--policy', 'england', '--events', file, '--on', '2026-01-20', '--json');
    expect(code).toBe(0);
    const byId = new Map(JSON.parse(out[0]!).obligations.map((o: { id: string }) => [o.id, o]));
    expect(byId.get('first-core-group')).toMatchObject({ due: '2026-01-19', status: 'met', rule: 'First core group within 10 working days of the transfer-in conference', source: expect.stringMatching(/^Local practice/), verified: false });
    expect(byId.get('first-review-conference')).toMatchObject({ due: '2026-04-02', rule: 'First review conference within 3 months of the transfer-in conference', verified: false });
  });

  test.each([
    ['an event before the transfer-in conference', { transferIn: '2026-01-05', events: [{ kind: 'core-group-held', on: '2026-01-02' }] }, /^coregroup obligations: event 1 \(core-group-held on 2026-01-02\): is before the transfer-in conference \(2026-01-05\)$/],
    ['a file with both an ICPC and a transfer-in conference', { icpc: '2026-01-05', transferIn: '2026-01-05', events: [] }, /^coregroup obligations: .*icpc: give the ICPC date as "icpc", or the transfer-in conference date as "transferIn"/],
    ['an unknown kind', { icpc: '2026-01-05', events: [{ kind: 'core-group-held', on: '2026-01-16' }, { kind: 'core-group-help', on: '2026-01-17' }] }, /^coregroup obligations: event 2: unknown kind "core-group-help" \(known: .*core-group-held/],
    ['an impossible date', { icpc: '2026-01-05', events: [{ kind: 'core-group-held', on: '2026-02-30' }] }, /^coregroup obligations: event 1 \(core-group-held\): on: is not a real date$/],
    ['an event before the ICPC', { icpc: '2026-01-05', events: [{ kind: 'core-group-held', on: '2026-01-02' }] }, /^coregroup obligations: event 1 \(core-group-held on 2026-01-02\): is before the ICPC \(2026-01-05\)$/],
    [
      'an event after the plan ended',
      { icpc: '2026-01-05', events: [{ kind: 'review-conference-held', on: '2026-04-01', outcome: 'end' }, { kind: 'core-group-held', on: '2026-04-10' }] },
      /^coregroup obligations: event 2 \(core-group-held on 2026-04-10\): is after the plan ended \(2026-04-01\)$/,
    ],
    [
      'a circulation for a meeting that does not exist',
      { icpc: '2026-01-05', events: [{ kind: 'core-group-held', on: '2026-01-16' }, { kind: 'minutes-circulated', meeting: '2026-01-15', on: '2026-01-20' }] },
      /^coregroup obligations: event 2 \(minutes-circulated on 2026-01-20\): no core group was held on 2026-01-15$/,
    ],
    ['a review outcome that is not continue or end', { icpc: '2026-01-05', events: [{ kind: 'review-conference-held', on: '2026-04-01', outcome: 'maybe' }] }, /^coregroup obligations: event 1 \(review-conference-held\): outcome: /],
    ['a file that is not JSON', '{ "icpc": ', /^coregroup obligations: .* is not JSON/],
    ['a file without an ICPC', { events: [] }, /^coregroup obligations: .*icpc/],
  ])('%s: exits non-zero with one line naming it', async (_case, content, message) => {
    const { code, out, err } = await coregroup('obligations', '--policy', 'england', '--events', eventsFile(content), '--on', '2026-05-01');
    expect(code).not.toBe(0);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  test('a missing file or flag says so', async () => {
    expect((await coregroup('obligations', '--policy', 'england', '--events', join(dir, 'absent.json'), '--on', '2026-05-01')).err[0]).toMatch(/cannot read .*absent\.json: ENOENT/);
    expect((await coregroup('obligations', '--policy', 'england', '--on', '2026-05-01')).err[0]).toMatch(/--events is required/);
  });
});

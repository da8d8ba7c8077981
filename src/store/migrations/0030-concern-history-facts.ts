import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';

/** What a concern's history entry says beyond who and their words, as the `facts` column keeps it (JSON; `concern-history.repository.ts` reads it). */
export interface StoredConcernFacts {
  readonly notice?: { readonly outcome: 'queued' | 'sent' | 'failed' | 'retrying'; readonly channel?: 'teams' | 'email'; readonly reason?: string };
  readonly workingDays?: number;
  readonly bookedFor?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const BOOKED_FOR = /^for (?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}), (\d{2}):(\d{2})$/;
const because = (reason: string | undefined) => (reason === undefined || reason === 'no reason given' ? {} : { reason });

/**
 * The facts an entry's stored English detail was written from, where it is one of the forms the
 * app wrote: a notice's state ("sent by Teams", "failed: …"), the climb's "not resolved within 5
 * working days", a booking's "for Wed 9 Dec 2026, 14:30" in UK time. Undefined for anything else,
 * which stays as stored.
 */
export function factsOfStoredDetail(kind: string, detail: string): StoredConcernFacts | undefined {
  if (kind === 'told') {
    if (detail === 'queued') return { notice: { outcome: 'queued' } };
    if (detail === 'sent by Teams') return { notice: { outcome: 'sent', channel: 'teams' } };
    if (detail === 'sent by e-mail') return { notice: { outcome: 'sent', channel: 'email' } };
    const retrying = /^queued: (Teams|e-mail) did not take it \((.*)\), trying again$/s.exec(detail);
    if (retrying) return { notice: { outcome: 'retrying', channel: retrying[1] === 'Teams' ? 'teams' : 'email', ...because(retrying[2]) } };
    const failed = /^failed: (.*)$/s.exec(detail);
    if (failed) return { notice: { outcome: 'failed', ...because(failed[1]) } };
  }
  const climbed = kind === 'climbed' ? /^not resolved within (\d+) working days?$/.exec(detail) : null;
  if (climbed) return { workingDays: Number(climbed[1]) };
  const booked = kind === 'booked' ? BOOKED_FOR.exec(detail) : null;
  if (booked) {
    const [, day, month, year, hour, minute] = booked;
    const local = Temporal.PlainDateTime.from({ year: Number(year), month: MONTHS.indexOf(month!) + 1, day: Number(day), hour: Number(hour), minute: Number(minute) });
    return { bookedFor: new Date(local.toZonedDateTime('Europe/London').epochMilliseconds).toISOString() };
  }
  return undefined;
}

interface HistoryTable {
  concern_history: { id: string; kind: string; detail: string | null; facts: string | null };
}

/**
 * A concern's history as facts (issue 17): how a notice went, the working days a step had, when
 * a granted extra core group was booked — worded by whoever shows them, in their reader's
 * language, where each entry kept an English sentence. Every stored sentence in a form the app
 * wrote becomes its facts; any other stays as it was stored (shown as it is).
 */
export const concernHistoryFactsSchema = {
  async up(untyped: Kysely<unknown>): Promise<void> {
    await untyped.schema.alterTable('concern_history').addColumn('facts', 'text').execute();
    const db = untyped as unknown as Kysely<HistoryTable>;
    const rows = await db.selectFrom('concern_history').select(['id', 'kind', 'detail']).where('detail', 'is not', null).execute();
    for (const row of rows) {
      const facts = factsOfStoredDetail(row.kind, row.detail!);
      if (facts) await db.updateTable('concern_history').set({ facts: JSON.stringify(facts), detail: null }).where('id', '=', row.id).execute();
    }
  },
};

import { ApiError, UnreachableError } from '../../api/api.client';
import type { ChatContribution, MinutesContent, MinutesSnapshot, SectionName, SectionSaveRequest, SectionValues } from '@contracts/minutes.contract';
import { SECTION_NAMES } from '../../api/api.constants';
import { mergeSettlingClashes, mergeThreeWay, sameValue } from './merge-section';

export { sameValue } from './merge-section';

/** How one section stands, as the editor shows it. */
export type SectionStatus =
  | { kind: 'saved' }
  /** Typed and waiting for the pause in typing (or for an earlier save of the section to answer). */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Held back until the user completes it: the server would refuse it as it is. */
  | { kind: 'incomplete'; message: string }
  /** No answer (offline) or a server failure: sent again after a growing pause. */
  | { kind: 'retrying'; reason: 'offline' | 'server'; attempt: number }
  /** Someone else changed the same fields of this section differently: the user chooses. */
  | { kind: 'conflict'; theirs: unknown; theirVersion: number; changedBy: ChangedBy | undefined; clashes: readonly string[] }
  /** Refused (invalid, forbidden, signed meanwhile): sent again only after the next change. */
  | { kind: 'failed'; message: string };

export type OverallStatus = 'saved' | 'saving' | 'offline' | 'server-retry' | 'incomplete' | 'conflict' | 'failed';

export interface AutosaveView {
  readonly values: SectionValues;
  readonly statuses: Readonly<Record<SectionName, SectionStatus>>;
  readonly overall: OverallStatus;
  /** Chat contributions waiting for the chair, from the newest content seen. */
  readonly contributions: readonly ChatContribution[];
  /** The newest version of the minutes this page has seen. */
  readonly version: number;
}

/** Who saved the version a conflict is with (no name: a former member), and when, as the server names them. */
export interface ChangedBy {
  readonly name?: string | undefined;
  readonly at: string;
}

export type SaveOutcome = { saved: MinutesSnapshot } | { conflict: MinutesSnapshot; changedBy?: ChangedBy | undefined };

/** One section's save: `PATCH /api/meetings/:meetingId/minutes`. */
export type SaveRequest = SectionSaveRequest;

export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
}

const BROWSER_TIMERS: Timers = {
  set: (callback, ms) => window.setTimeout(callback, ms),
  clear: (id) => window.clearTimeout(id),
};

/** Pauses between attempts to reach the server, then every 30 s until it answers. */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 30_000];
/** A 409 whose section did not change is re-sent on the new version at once, this many times in a row. */
const MAX_REBASES = 3;

interface SectionState {
  /** What the editor shows. */
  local: unknown;
  /** The section as the server last had it, at `base`. */
  known: unknown;
  /** A version of the minutes at which the server's section was `known`: what a save is based on. */
  base: number;
  /** `local` holds changes the server has not acknowledged. */
  dirty: boolean;
  /** Counts changes, so an answer tells whether it covered the latest one. */
  edits: number;
  /** The `edits` count sent in the save now in flight. */
  sentEdits: number | undefined;
  /** 409s in a row that were not about this section (another section saved at the same moment). */
  rebases: number;
  debounce: number | undefined;
  retryTimer: number | undefined;
  retry: { reason: 'offline' | 'server'; attempt: number } | undefined;
  conflict: { theirs: unknown; version: number; changedBy: ChangedBy | undefined; clashes: readonly string[] } | undefined;
  problem: { kind: 'incomplete' | 'failed'; message: string } | undefined;
}

/** The content of one section, as the autosave and the server's PATCH see it. */
export function sectionOf(content: MinutesContent, section: SectionName): unknown {
  if (section === 'nextMeetingDate') return content.nextMeetingDate ?? null;
  return content[section];
}

export function sectionValuesOf(content: MinutesContent): SectionValues {
  return {
    attendance: content.attendance,
    otherAttendees: content.otherAttendees,
    allAgenciesPresent: content.allAgenciesPresent,
    actionUpdates: content.actionUpdates,
    agencyUpdates: content.agencyUpdates,
    writtenReports: content.writtenReports,
    childSeen: content.childSeen,
    childsVoice: content.childsVoice,
    signsOfSafety: content.signsOfSafety,
    decisions: content.decisions,
    newActions: content.newActions,
    disagreements: content.disagreements,
    contingencyReview: content.contingencyReview,
    reviewRecommendation: content.reviewRecommendation,
    nextMeetingDate: content.nextMeetingDate ?? null,
    sharing: content.sharing,
  };
}


/**
 * The minutes' autosave: each section is saved on its own (`PATCH { baseVersion, section, value }`)
 * after a pause in typing, and always with its latest value, so no change is lost however fast the
 * typing or slow the network. Sections wait their turn in a queue with one save in flight at a
 * time (the server versions the whole record, so two saves at once would trip over each other).
 * No answer means a retry with back-off. A 409 is a conflict only when the section itself changed
 * on the server — then both versions are kept for the user to choose; otherwise (another section
 * was saved at the same moment) it is re-sent on the new version. Content seen in any answer
 * updates the sections nobody is editing here, so later saves are based on the newest version.
 */
export class MinutesAutosave {
  private readonly sections: Record<SectionName, SectionState>;
  private readonly listeners = new Set<() => void>();
  private readonly settledWaiters: (() => void)[] = [];
  private readonly timers: Timers;
  private readonly debounceMs: number;
  /** The section whose save is in flight: one at a time. */
  private flying: SectionName | undefined;
  /** Sections ready to send while another is in flight, oldest first. */
  private readonly queue: SectionName[] = [];
  private contributions: readonly ChatContribution[];
  private contributionsVersion: number;
  private version: number;
  private disposed = false;
  private view: AutosaveView;

  constructor(
    private readonly options: {
      snapshot: MinutesSnapshot;
      /** Sends one section; throws `UnreachableError`, or `ApiError` for a refusal other than a conflict. */
      save: (request: SaveRequest) => Promise<SaveOutcome>;
      /** Why a section cannot be saved yet (the server would refuse it), or undefined when it can. */
      validate?: (section: SectionName, value: unknown) => string | undefined;
      /** A refused save in words to show, in the page's language. */
      describeFailure: (error: unknown) => string;
      readOnly: boolean;
      debounceMs?: number;
      timers?: Timers;
    },
  ) {
    this.timers = options.timers ?? BROWSER_TIMERS;
    this.debounceMs = options.debounceMs ?? 600;
    const { version, content } = options.snapshot;
    this.version = version;
    this.contributions = content.contributions;
    this.contributionsVersion = version;
    this.sections = Object.fromEntries(
      SECTION_NAMES.map((section) => {
        const value = sectionOf(content, section);
        const state: SectionState = { local: value, known: value, base: version, dirty: false, edits: 0, sentEdits: undefined, rebases: 0, debounce: undefined, retryTimer: undefined, retry: undefined, conflict: undefined, problem: undefined };
        return [section, state];
      }),
    ) as Record<SectionName, SectionState>;
    this.view = this.buildView();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): AutosaveView => this.view;

  /** Records a change typed here; it is saved after a pause in typing. */
  edit<S extends SectionName>(section: S, value: SectionValues[S]): void {
    if (this.options.readOnly || this.disposed) return;
    const state = this.sections[section];
    state.local = value;
    state.edits += 1;
    state.dirty = true;
    state.problem = undefined;
    if (state.debounce !== undefined) this.timers.clear(state.debounce);
    state.debounce = this.timers.set(() => {
      state.debounce = undefined;
      this.pump(section);
    }, this.debounceMs);
    this.emit();
  }

  /** Conflict: keep what was typed here where both changed the same field; every other change of theirs is kept too. */
  keepMine(section: SectionName): void {
    const state = this.sections[section];
    if (!state.conflict) return;
    state.local = mergeSettlingClashes(state.known, state.local, state.conflict.theirs, 'mine');
    state.known = state.conflict.theirs;
    state.base = state.conflict.version;
    state.conflict = undefined;
    state.dirty = true;
    state.edits += 1;
    this.pump(section);
  }

  /** Conflict: take theirs where both changed the same field; what was typed here in other fields is kept and saved. */
  useTheirs(section: SectionName): void {
    const state = this.sections[section];
    if (!state.conflict) return;
    const { theirs, version } = state.conflict;
    const merged = mergeSettlingClashes(state.known, state.local, theirs, 'theirs');
    state.conflict = undefined;
    state.problem = undefined;
    if (state.debounce !== undefined) this.timers.clear(state.debounce);
    state.debounce = undefined;
    if (sameValue(merged, theirs)) {
      this.settleOn(state, theirs, version);
      this.emit();
      return;
    }
    state.local = merged;
    state.known = theirs;
    state.base = version;
    state.dirty = true;
    state.edits += 1;
    this.pump(section);
  }

  /** Sends every waiting change now (network back, "try again", before a sign-off). */
  retryNow(): void {
    for (const section of SECTION_NAMES) {
      const state = this.sections[section];
      if (state.retryTimer !== undefined) this.timers.clear(state.retryTimer);
      state.retryTimer = undefined;
      if (state.debounce !== undefined) this.timers.clear(state.debounce);
      state.debounce = undefined;
      if (state.problem?.kind === 'failed') state.problem = undefined;
      this.pump(section);
    }
  }

  /**
   * Saves everything waiting and resolves once no save is in flight: true when every change is
   * saved, false when something is left for the user (a conflict, a refusal, no network).
   */
  async flush(): Promise<boolean> {
    this.retryNow();
    await new Promise<void>((resolve) => {
      if (this.isSettled()) resolve();
      else this.settledWaiters.push(resolve);
    });
    return SECTION_NAMES.every((section) => !this.sections[section].dirty && !this.sections[section].conflict);
  }

  /**
   * Takes in minutes content the server sent (a save's answer, a decided contribution, a refresh):
   * sections untouched here follow it; sections being edited keep what was typed, and their next
   * save shows a conflict if the server's version really moved on.
   */
  observe(snapshot: MinutesSnapshot, except?: SectionName): void {
    if (this.disposed) return;
    for (const section of SECTION_NAMES) {
      if (section === except) continue;
      const state = this.sections[section];
      if (snapshot.version <= state.base || state.sentEdits !== undefined) continue;
      const theirs = sectionOf(snapshot.content, section);
      if (state.conflict) {
        if (sameValue(theirs, state.local)) this.settleOn(state, theirs, snapshot.version);
        else state.conflict = { ...state.conflict, theirs, version: snapshot.version };
      } else if (sameValue(theirs, state.known)) {
        state.base = snapshot.version;
      } else if (!state.dirty || sameValue(theirs, state.local)) {
        this.settleOn(state, theirs, snapshot.version);
      }
    }
    if (snapshot.version >= this.contributionsVersion) {
      this.contributions = snapshot.content.contributions;
      this.contributionsVersion = snapshot.version;
    }
    this.version = Math.max(this.version, snapshot.version);
    this.emit();
  }

  dispose(): void {
    this.disposed = true;
    for (const state of Object.values(this.sections)) {
      if (state.debounce !== undefined) this.timers.clear(state.debounce);
      if (state.retryTimer !== undefined) this.timers.clear(state.retryTimer);
    }
    this.listeners.clear();
    for (const resolve of this.settledWaiters.splice(0)) resolve();
  }

  /** The server's section equals what is shown: nothing left to save, based on that version. */
  private settleOn(state: SectionState, value: unknown, version: number): void {
    state.local = value;
    state.known = value;
    state.base = version;
    state.dirty = false;
    state.conflict = undefined;
    state.problem = undefined;
    if (state.debounce !== undefined) this.timers.clear(state.debounce);
    state.debounce = undefined;
  }

  private pump(section: SectionName): void {
    if (this.disposed || this.options.readOnly) return;
    const state = this.sections[section];
    if (state.sentEdits !== undefined || state.conflict || !state.dirty || state.retryTimer !== undefined) {
      this.emit();
      return;
    }
    const incomplete = this.options.validate?.(section, state.local);
    if (incomplete) {
      state.problem = { kind: 'incomplete', message: incomplete };
      this.emit();
      return;
    }
    state.problem = undefined;
    if (this.flying !== undefined) {
      if (!this.queue.includes(section)) this.queue.push(section);
      this.emit();
      return;
    }
    this.flying = section;
    state.sentEdits = state.edits;
    const request: SaveRequest = { baseVersion: state.base, section, value: state.local };
    this.emit();
    this.options.save(request).then(
      (outcome) => this.answered(section, outcome),
      (error: unknown) => this.failed(section, error),
    );
  }

  /** Sends the next queued section, once the one in flight has its answer. */
  private next(): void {
    while (this.flying === undefined && this.queue.length > 0) {
      const section = this.queue.shift();
      if (section !== undefined && this.sections[section].debounce === undefined) this.pump(section);
    }
  }

  private answered(section: SectionName, outcome: SaveOutcome): void {
    if (this.disposed) return;
    const state = this.sections[section];
    const coveredLatest = state.sentEdits === state.edits;
    state.sentEdits = undefined;
    state.retry = undefined;
    let resendNow = false;
    if ('saved' in outcome) {
      state.known = sectionOf(outcome.saved.content, section);
      state.base = outcome.saved.version;
      state.rebases = 0;
      if (coveredLatest) state.dirty = false;
      this.observe(outcome.saved, section);
    } else {
      const { version, content } = outcome.conflict;
      const theirs = sectionOf(content, section);
      const merged = mergeThreeWay(state.known, state.local, theirs);
      if (sameValue(theirs, state.local)) {
        this.settleOn(state, theirs, version);
      } else if ('merged' in merged && state.rebases < MAX_REBASES) {
        // Another save landed first — in another section, or in other fields of this one: both
        // changes are kept (theirs shown here now) and the merged section is sent at once.
        state.rebases += 1;
        state.local = merged.merged;
        state.known = theirs;
        state.base = version;
        resendNow = true;
      } else {
        state.rebases = 0;
        state.conflict = { theirs, version, changedBy: outcome.changedBy, clashes: 'clashes' in merged ? merged.clashes : [] };
      }
      this.observe(outcome.conflict, section);
    }
    // Still "in flight" until here, so that observe() above cannot report everything settled.
    this.flying = undefined;
    // Re-sent first when rebased; otherwise typed while in flight, pause over: back of the queue.
    if (resendNow) this.pump(section);
    else if (state.dirty && state.debounce === undefined && !state.conflict && !this.queue.includes(section)) this.queue.push(section);
    this.next();
    this.emit();
  }

  private failed(section: SectionName, error: unknown): void {
    if (this.disposed) return;
    const state = this.sections[section];
    state.sentEdits = undefined;
    this.flying = undefined;
    const transient = error instanceof UnreachableError || (error instanceof ApiError && error.status >= 500);
    if (transient) {
      const attempt = (state.retry?.attempt ?? 0) + 1;
      const pause = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1] ?? 30_000;
      state.retry = { reason: error instanceof UnreachableError ? 'offline' : 'server', attempt };
      state.retryTimer = this.timers.set(
        () => {
          state.retryTimer = undefined;
          this.pump(section);
        },
        pause * (0.8 + Math.random() * 0.4),
      );
    } else {
      state.retry = undefined;
      state.problem = { kind: 'failed', message: this.options.describeFailure(error) };
      if (!(error instanceof ApiError)) console.error('autosave failed', error);
    }
    this.next();
    this.emit();
  }

  private isSettled(): boolean {
    return this.flying === undefined;
  }

  private statusOf(state: SectionState): SectionStatus {
    if (state.conflict) return { kind: 'conflict', theirs: state.conflict.theirs, theirVersion: state.conflict.version, changedBy: state.conflict.changedBy, clashes: state.conflict.clashes };
    if (state.retry) return { kind: 'retrying', reason: state.retry.reason, attempt: state.retry.attempt };
    if (state.sentEdits !== undefined) return { kind: 'saving' };
    if (state.problem) return state.problem.kind === 'failed' ? { kind: 'failed', message: state.problem.message } : { kind: 'incomplete', message: state.problem.message };
    if (state.dirty) return { kind: 'pending' };
    return { kind: 'saved' };
  }

  private buildView(): AutosaveView {
    const statuses = Object.fromEntries(SECTION_NAMES.map((section) => [section, this.statusOf(this.sections[section])])) as Record<SectionName, SectionStatus>;
    const values = Object.fromEntries(SECTION_NAMES.map((section) => [section, this.sections[section].local])) as unknown as SectionValues;
    return { values, statuses, overall: overallOf(Object.values(statuses)), contributions: this.contributions, version: this.version };
  }

  private emit(): void {
    if (this.disposed) return;
    this.view = this.buildView();
    for (const listener of this.listeners) listener();
    if (this.settledWaiters.length > 0 && this.isSettled()) {
      for (const resolve of this.settledWaiters.splice(0)) resolve();
    }
  }
}

/** The page's one status line: the most pressing state of any section. */
function overallOf(statuses: readonly SectionStatus[]): OverallStatus {
  const has = (predicate: (status: SectionStatus) => boolean) => statuses.some(predicate);
  if (has((status) => status.kind === 'conflict')) return 'conflict';
  if (has((status) => status.kind === 'failed')) return 'failed';
  if (has((status) => status.kind === 'retrying' && status.reason === 'offline')) return 'offline';
  if (has((status) => status.kind === 'retrying')) return 'server-retry';
  if (has((status) => status.kind === 'saving' || status.kind === 'pending')) return 'saving';
  if (has((status) => status.kind === 'incomplete')) return 'incomplete';
  return 'saved';
}

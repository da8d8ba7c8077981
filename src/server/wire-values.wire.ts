import type { LastCheckIn } from '../contracts/wire-values.contract';
import type { CheckIn } from '../domain/plan';

/**
 * `true` when two unions hold the same values, `never` otherwise: where the wire spells out a
 * vocabulary the domain keeps as a type (no constant to derive it from), a mapper declares
 * `const _x: SameValues<Wire, Domain> = true` and the compiler catches a value added on one side only.
 */
export type SameValues<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

/** An owner's latest check-in as the tab API sends it: the answer, the note and when, not whose. */
export function lastCheckInToWire(checkIn: CheckIn): LastCheckIn {
  return { status: checkIn.status, note: checkIn.note, recordedAt: checkIn.recordedAt };
}

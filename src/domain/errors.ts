/**
 * Domain errors carry a stable `code` for the edges to translate (HTTP status, bot reply, CLI exit)
 * and a `userMessage` that is safe to show to a practitioner: no stack, no personal data.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly userMessage: string;

  constructor(userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = new.target.name;
    this.userMessage = userMessage;
  }
}

/** Input that cannot be understood: a malformed date, an unknown nation, a negative count. */
export class InvalidInputError extends DomainError {
  readonly code = 'invalid-input' as const;
}

/** A thing that was asked for by id and does not exist (or is not visible to the caller). */
export class NotFoundError extends DomainError {
  readonly code = 'not-found' as const;
}

/** The caller's role in this core group does not allow the action. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden' as const;
}

/** Someone else changed the record first (optimistic concurrency). */
export class VersionConflictError extends DomainError {
  readonly code = 'version-conflict' as const;
}

/** Something with the same business key exists already (a case reference used twice in a tenant). */
export class AlreadyExistsError extends DomainError {
  readonly code = 'already-exists' as const;
}

/** The request breaks a rule of the process (chair taking minutes, editing signed minutes, …). */
export class RuleViolationError extends DomainError {
  readonly code = 'rule-violation' as const;
}

/** A date falls outside the years the bank holiday data covers, so working days would be guesses. */
export class OutsideHolidayDataError extends DomainError {
  readonly code = 'outside-holiday-data' as const;
}

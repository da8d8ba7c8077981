import { createHash } from 'node:crypto';
import type { AuditChainBreak, AuditChainCheck, AuditChainPoint } from '../services/ports/store.port';

/**
 * The audit log's hash chain, format version 1. Each entry carries a sequence number (1, 2, 3…
 * with no gaps) and the SHA-256 of a canonical encoding of the previous entry's hash, its own
 * sequence number and its fields, so an entry changed, removed, added or moved behind the app's
 * back no longer matches. Migration 0004 chained the entries that existed before it with this
 * very function: the encoding must never change. A new format needs a new tag and a migration.
 */
const FORMAT = 'coregroup-audit-chain-v1';

/** The "previous hash" of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: every column but the row id and the hash itself. */
export interface ChainedAuditFields {
  readonly seq: number;
  readonly at: string;
  readonly tenant_id: string;
  readonly actor: string;
  readonly action: string;
  readonly core_group_id: string | null;
  readonly target_id: string | null;
  readonly outcome: string;
}

/**
 * The entry's hash. The encoding is a JSON array in a fixed order: every string is quoted and
 * escaped, so no choice of field values can make two different entries encode alike.
 */
export function auditChainHash(fields: ChainedAuditFields, previousHash: string): string {
  const encoded = JSON.stringify([FORMAT, previousHash, fields.seq, fields.at, fields.tenant_id, fields.actor, fields.action, fields.core_group_id, fields.target_id, fields.outcome]);
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

/** Lone UTF-16 surrogates: no database stores them as they are, so what was hashed would not be what is read back. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as the database will give it back: each lone surrogate replaced by U+FFFD, as a UTF-8 encoder does. */
export function storableText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** An audit row as read back for verification: anything in it may have been changed behind the app's back. */
export interface StoredAuditRow extends Omit<ChainedAuditFields, 'seq'> {
  readonly id: number | string;
  readonly seq: number | string | null;
  readonly hash: string | null;
}

/**
 * Checks audit rows, fed in id order (the order they were written), against the chain and the
 * chain head, up to the first break. `next` returns false once the chain has broken, so the
 * caller can stop reading; `finish` gives the result.
 */
export function auditChainWalker(options: { head: AuditChainPoint | undefined; anchor?: AuditChainPoint | undefined }) {
  const { head, anchor } = options;
  let last: AuditChainPoint = { seq: 0, hash: GENESIS_HASH };
  let lastAt: string | undefined;
  let firstPastHeadAt: string | undefined;
  let firstBreak: AuditChainBreak | undefined;

  const check = (row: StoredAuditRow): AuditChainBreak | undefined => {
    const expected = last.seq + 1;
    const seq = row.seq === null ? null : Number(row.seq);
    if (seq === null || seq < expected) {
      const carries = seq === null ? 'no sequence number' : `sequence number ${seq}`;
      return { seq: expected, at: row.at, problem: 'out-of-order', detail: `log row ${row.id} carries ${carries} where entry ${expected} belongs: a row added or moved behind the app's back` };
    }
    if (seq > expected) {
      const before = last.seq === 0 ? 'the first entry' : `the entry after entry ${last.seq}`;
      return { seq: expected, at: row.at, problem: 'missing-sequence', detail: `entry ${expected} is not where it belongs: ${before} is entry ${seq} (log row ${row.id}); entries were removed or moved` };
    }
    if (row.hash !== auditChainHash({ ...row, seq }, last.hash)) {
      return { seq, at: row.at, problem: 'hash-mismatch', detail: `entry ${seq} (log row ${row.id}) does not match its hash: the entry, or the hash of the one before it, was changed after it was written` };
    }
    if (anchor && anchor.seq === seq && anchor.hash !== row.hash) {
      return { seq, at: row.at, problem: 'anchor-mismatch', detail: `entry ${seq} has hash ${row.hash}, not ${anchor.hash} as recorded: the log up to it was rewritten` };
    }
    return undefined;
  };

  const checkEnd = (): AuditChainBreak | undefined => {
    if (!head) return { seq: last.seq, at: lastAt, problem: 'head-mismatch', detail: 'the chain head row is missing' };
    if (last.seq > head.seq) {
      return { seq: head.seq + 1, at: firstPastHeadAt, problem: 'head-mismatch', detail: `the log goes on past the chain head (entry ${head.seq}) to entry ${last.seq}: entries added behind the app's back` };
    }
    if (last.seq < head.seq) {
      return { seq: last.seq + 1, problem: 'head-mismatch', detail: `the log ends at entry ${last.seq} but the chain head records entry ${head.seq}: entries ${last.seq + 1}–${head.seq} were removed from the end` };
    }
    if (last.hash !== head.hash) return { seq: head.seq, at: lastAt, problem: 'head-mismatch', detail: `entry ${head.seq} has hash ${last.hash}, the chain head records ${head.hash}` };
    if (anchor && anchor.seq > last.seq) return { seq: anchor.seq, problem: 'anchor-mismatch', detail: `the anchor, entry ${anchor.seq}, is past the end of the log (entry ${last.seq}): entries were removed` };
    return undefined;
  };

  return {
    next(row: StoredAuditRow): boolean {
      firstBreak = check(row);
      if (firstBreak) return false;
      last = { seq: last.seq + 1, hash: row.hash! };
      lastAt = row.at;
      if (head && last.seq === head.seq + 1) firstPastHeadAt = row.at;
      return true;
    },
    finish(): AuditChainCheck {
      firstBreak ??= checkEnd();
      // Entries 1 to last.seq held: that many were checked before the break, if any.
      return { checked: last.seq, last, firstBreak };
    },
  };
}

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The counted attack suite's one primitive. `attack(name, probe)` is a jest test whose probe
 * makes the hostile request and asserts it was refused (the right status, nothing disclosed,
 * nothing changed). A probe that returns was refused; one that throws let the attack in, and the
 * test fails. Each outcome is appended to a file in `CORE_GROUP_ATTACK_LOG` (set by
 * `scripts/test.cjs`), which prints `N attacks tried, N refused, N let in` from them.
 */
export function attack(name: string, probe: () => Promise<void> | void, timeoutMs?: number): void {
  test(`attack: ${name}`, async () => {
    try {
      await probe();
    } catch (error) {
      record(name, 'let-in');
      throw error;
    }
    record(name, 'refused');
  }, timeoutMs);
}

function record(name: string, outcome: 'refused' | 'let-in'): void {
  const dir = process.env.CORE_GROUP_ATTACK_LOG;
  if (!dir) return;
  appendFileSync(join(dir, `attacks-${process.pid}.jsonl`), `${JSON.stringify({ name, outcome })}\n`);
}

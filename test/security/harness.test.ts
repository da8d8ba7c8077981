import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attack } from './support/attack';

/** The harness itself: a probe that returns is counted refused; one that throws is let in and fails its test. */
describe('the attack harness', () => {
  const previous = process.env.CORE_GROUP_ATTACK_LOG;
  const dir = mkdtempSync(join(tmpdir(), 'coregroup-attacks-'));
  const outcomes = () => readdirSync(dir).flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { outcome: string }));

  describe('recording', () => {
    beforeAll(() => {
      process.env.CORE_GROUP_ATTACK_LOG = dir;
    });
    afterAll(() => {
      process.env.CORE_GROUP_ATTACK_LOG = previous;
    });
    attack('a probe that returns', () => undefined);
  });

  test('the returning probe was recorded as refused', () => {
    expect(existsSync(dir)).toBe(true);
    expect(outcomes()).toEqual([{ name: 'a probe that returns', outcome: 'refused' }]);
  });
});

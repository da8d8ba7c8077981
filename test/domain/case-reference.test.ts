import { matchCaseReference, normaliseCaseReference } from '../../src/domain/case-reference';

const mine = ['DEMO-0001', 'DEMO-0002', 'CP/2026/0417'];
const match = (typed: string) => matchCaseReference(typed, mine, (reference) => reference);

describe('matching a typed case reference to the caller\'s own cases', () => {
  test.each([
    ['DEMO-0002', 'DEMO-0002'],
    ['demo-0002', 'DEMO-0002'],
    [' Demo 0002 ', 'DEMO-0002'],
    ['demo0002', 'DEMO-0002'],
    ['cp-2026-0417', 'CP/2026/0417'],
  ])('%j names %s', (typed, reference) => {
    expect(match(typed)).toEqual({ kind: 'found', item: reference });
  });

  test('a typo is answered with the nearest references, nearest first', () => {
    expect(match('DEMO-0003')).toEqual({ kind: 'did-you-mean', suggestions: ['DEMO-0001', 'DEMO-0002'] });
    expect(match('DMEO-0002')).toEqual({ kind: 'did-you-mean', suggestions: ['DEMO-0002'] });
  });

  test('a reference that is nothing like the caller\'s is not found, whoever else holds it', () => {
    expect(match('OTHER-1')).toEqual({ kind: 'not-found' });
    expect(match('')).toEqual({ kind: 'not-found' });
    expect(matchCaseReference('DEMO-0001', [], (reference: string) => reference)).toEqual({ kind: 'not-found' });
  });

  test('normalising keeps what identifies the case and drops what people vary', () => {
    expect(normaliseCaseReference(' cp / 2026 / 0417 ')).toBe('CP-2026-0417');
    expect(normaliseCaseReference('ＤＥＭＯ－０００１')).toBe('DEMO-0001');
  });
});

import { parseCivilDate } from '../../src/domain/civil-date';
import { complianceByMonth } from '../../src/domain/compliance';
import type { Obligation, ObligationKind, ObligationStatus } from '../../src/domain/obligations';

const d = (text: string) => parseCivilDate(text);
const obligation = (kind: ObligationKind, due: string, status: ObligationStatus, daysLate = 0): Obligation => ({
  id: `${kind}-${due}`, kind, due: d(due), status, daysLate, rule: 'r', source: { citation: 'c', verified: true },
});

describe('the compliance summary', () => {
  test.each([
    ['met on time', obligation('core-group', '2026-06-10', 'met'), [{ month: '2026-06', kind: 'core-group', met: 1, late: 0 }]],
    ['met late', obligation('core-group', '2026-06-10', 'met', 3), [{ month: '2026-06', kind: 'core-group', met: 0, late: 1 }]],
    ['overdue', obligation('minutes-circulation', '2026-06-10', 'overdue', 5), [{ month: '2026-06', kind: 'minutes-circulation', met: 0, late: 1 }]],
    ['due later and still open: not counted yet', obligation('core-group', '2026-06-20', 'due'), []],
    ['due later but already met: counted', obligation('core-group', '2026-06-20', 'met'), [{ month: '2026-06', kind: 'core-group', met: 1, late: 0 }]],
    ['due today and still open: counted as late', obligation('core-group', '2026-06-15', 'at-risk'), [{ month: '2026-06', kind: 'core-group', met: 0, late: 1 }]],
  ])('%s', (_case, one, expected) => {
    expect(complianceByMonth([one], d('2026-06-15'))).toEqual(expected);
  });

  test('counted by month and kind across cases, in month then kind order', () => {
    const cells = complianceByMonth(
      [
        obligation('minutes-circulation', '2026-06-03', 'met'),
        obligation('core-group', '2026-06-01', 'met'),
        obligation('core-group', '2026-05-20', 'met', 2),
        obligation('core-group', '2026-06-12', 'met'),
        obligation('core-group', '2026-06-14', 'overdue', 1),
      ],
      d('2026-06-15'),
    );
    expect(cells).toEqual([
      { month: '2026-05', kind: 'core-group', met: 0, late: 1 },
      { month: '2026-06', kind: 'core-group', met: 2, late: 1 },
      { month: '2026-06', kind: 'minutes-circulation', met: 1, late: 0 },
    ]);
  });
});

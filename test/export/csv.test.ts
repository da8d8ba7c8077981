import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { csvCell, toCsv } from '../../src/export/csv';
import { teamCsv } from '../../src/export/team-csv';
import { wordsIn } from '../../src/i18n/words';

/** Reads a CSV as RFC 4180 says: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const next = text[index + 1];
    if (quoted && char === '"' && next === '"') {
      field += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && char === '\r' && next === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('CSV for Excel', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['Smith, Jo', '"Smith, Jo"'],
    ['Jo "the" lead', '"Jo ""the"" lead"'],
    ['two\nlines', '"two\nlines"'],
    ['Priya Shah', 'Priya Shah'],
  ])('the cell %j is written %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  test('numbers are written as numbers, negative ones too', () => {
    expect(csvCell(-3)).toBe('-3');
  });

  test('any text reads back as it was (but for the formula guard) and never starts a cell with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const text = toCsv(['a', 'b', 'c', 'd'].slice(0, rows[0]?.length ?? 1), rows.slice(1));
        expect(text.startsWith('\uFEFF')).toBe(true);
        const read = parseCsv(text.slice(1));
        for (const [index, row] of rows.slice(1).entries()) {
          for (const [column, value] of row.entries()) {
            const cell = read[index + 1]![column]!;
            expect(cell).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
            expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }
        }
      }),
    );
  });

  test('the team CSV has a header, one row per case, a BOM, and a file name with the day and no case reference', () => {
    const { file, fileName } = teamCsv(
      [{ coreGroupId: 'g', caseReference: 'CP-0001', leadSocialWorker: '=Evil', overdue: 1, atRisk: 2, dueThisWeek: 3, openConcerns: 4, blockedActions: 5 }],
      { today: Temporal.PlainDate.from('2026-12-09'), words: wordsIn('en') },
    );
    expect(fileName).toBe('core-groups-team-2026-12-09.csv');
    expect(file.toString('utf8')).toBe('\uFEFFLead social worker,Case reference,Overdue,At risk,Due this week,Open concerns,Blocked actions\r\n\'=Evil,CP-0001,1,2,3,4,5\r\n');
  });
});

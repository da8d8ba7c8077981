import {
  Button,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  MessageBar,
  MessageBarBody,
  type TableColumnDefinition,
  createTableColumn,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TeamCase, TeamResponse } from '@contracts/team.contract';
import { saveDownload } from '../../api/save-download';
import { isolatedUserText } from '../../common/display-text';
import { errorText } from '../../common/error-text';
import { useShell } from '../../shell/shell.context';

type Count = 'overdue' | 'atRisk' | 'dueThisWeek' | 'openConcerns' | 'blockedActions';

const countColumn = (columnId: Count, label: string): TableColumnDefinition<TeamCase> =>
  createTableColumn<TeamCase>({ columnId, compare: (a, b) => a[columnId] - b[columnId], renderHeaderCell: () => label, renderCell: (entry) => entry[columnId] });

const COLUMNS: TableColumnDefinition<TeamCase>[] = [
  createTableColumn<TeamCase>({
    columnId: 'leadSocialWorker',
    compare: (a, b) => (a.leadSocialWorker ?? '').localeCompare(b.leadSocialWorker ?? '') || a.caseReference.localeCompare(b.caseReference),
    renderHeaderCell: () => 'Lead social worker',
    renderCell: (entry) => (entry.leadSocialWorker ? isolatedUserText(entry.leadSocialWorker) : 'None named'),
  }),
  createTableColumn<TeamCase>({ columnId: 'caseReference', compare: (a, b) => a.caseReference.localeCompare(b.caseReference), renderHeaderCell: () => 'Case', renderCell: (entry) => isolatedUserText(entry.caseReference) }),
  countColumn('overdue', 'Overdue'),
  countColumn('atRisk', 'At risk'),
  countColumn('dueThisWeek', 'Due this week'),
  countColumn('openConcerns', 'Open concerns'),
  countColumn('blockedActions', 'Blocked actions'),
];

/**
 * The team view for a team manager or conference chair: every core group they oversee, one row
 * each, sortable by any column, with a CSV export. Shows nothing for someone who oversees none.
 */
export function TeamView(props: { classNames: { panel: string; heading: string } }) {
  const { api } = useShell();
  const [cases, setCases] = useState<TeamCase[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    api.get<TeamResponse>('/api/team').then(
      (team) => live && setCases(team.cases),
      (error: unknown) => live && setProblem(`The team view could not be loaded: ${errorText(error)}`),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const exportCsv = async () => {
    setProblem(undefined);
    try {
      await saveDownload(api, { path: '/api/team/export.csv', fallbackName: 'core-groups-team.csv' });
    } catch (error) {
      setProblem(`The team view could not be exported: ${errorText(error)}`);
    }
  };

  if (!problem && (!cases || cases.length === 0)) return null;
  return (
    <section className={props.classNames.panel} aria-labelledby="team-heading">
      <h2 id="team-heading" className={props.classNames.heading}>My team’s core groups</h2>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {cases && cases.length > 0 && (
        <>
          <div>
            <Button onClick={() => void exportCsv()}>Export CSV</Button>
          </div>
          <DataGrid items={cases} columns={COLUMNS} sortable getRowId={(entry: TeamCase) => entry.coreGroupId} aria-label="My team’s core groups">
            <DataGridHeader>
              <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
            </DataGridHeader>
            <DataGridBody<TeamCase>>
              {({ item, rowId }) => <DataGridRow<TeamCase> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>}
            </DataGridBody>
          </DataGrid>
        </>
      )}
    </section>
  );
}

import { Temporal } from 'temporal-polyfill';
import { demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import type { Directory } from '../../src/services/ports/calendar.port';
import { simulatedGraph } from '../support/graph';

describe('the CoreGroup.Create app role, read through Graph', () => {
  let simulator: GraphSimulator;
  let directory: Directory;
  beforeAll(async () => {
    ({ simulator, calendar: directory } = await simulatedGraph(demoOrganisation(Temporal.PlainDate.from('2026-06-01'))));
  });
  afterAll(() => simulator.stop());

  test('the demo lead social worker and team manager hold it; the health visitor, the chair and someone outside the tenant do not', async () => {
    const held = await Promise.all(['lead', 'manager', 'health', 'iro', 'stranger'].map((key) => directory.hasAppRole(demoObjectId(key), 'CoreGroup.Create')));
    expect(held).toEqual([true, true, false, false, false]);
  });

  test('an assignment made later counts at once (nothing is cached but the app’s own service principal)', async () => {
    simulator.state.assignAppRole(demoObjectId('iro'), 'CoreGroup.Create');
    expect(await directory.hasAppRole(demoObjectId('iro'), 'CoreGroup.Create')).toBe(true);
  });

  test('the person’s mailbox comes back with them, by object id as by e-mail', async () => {
    expect(await directory.findUser(demoObjectId('lead'))).toEqual({ id: demoObjectId('lead'), displayName: 'Priya Shah', mail: 'priya.shah@demo.example' });
  });
});

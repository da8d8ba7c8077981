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

  test("a guest is found by their address as a guest only (Graph's $filter on mail and userType), never a member; by address, /users does not find them", async () => {
    const guestId = '5b1d0c8e-0000-4000-8000-00000000a9e5';
    simulator.state.addUser({ id: guestId, displayName: "Pat O'Guest", mail: "pat.o'guest@family.example", userType: 'Guest', mailboxSettings: {} });
    expect(await directory.findGuest("pat.o'guest@family.example")).toEqual({ id: guestId, displayName: "Pat O'Guest" });
    expect(await directory.findUser("pat.o'guest@family.example")).toBeUndefined();
    expect(await directory.findUser(guestId)).toMatchObject({ id: guestId });
    expect(await directory.findGuest('priya.shah@demo.example')).toBeUndefined();
    expect(await directory.findGuest('nobody@family.example')).toBeUndefined();
  });

  test('the person’s mailbox comes back with them, by object id as by e-mail', async () => {
    expect(await directory.findUser(demoObjectId('lead'))).toEqual({ id: demoObjectId('lead'), displayName: 'Priya Shah', mail: 'priya.shah@demo.example' });
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCivilDate } from '../../src/domain/civil-date';
import { cliCommands } from '../../src/cli/main';
import { runCli } from '../../src/cli/run-cli';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';

const TENANT = '11111111-2222-4333-8444-555555555555';
const clock = { nowIso: () => '2026-06-12T10:00:00.000Z', today: () => parseCivilDate('2026-06-12') };

/** The CLI on one SQLite file, output and errors captured together in order. */
const onFile = (file: string) => (...args: string[]) => {
  const env = { SQLITE_FILE: file };
  const out: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line), env };
  return runCli({ args, io, commands: cliCommands(env, clock) }).then((code) => ({ code, out }));
};

describe('coregroup area-contacts', () => {
  test("an area's conference chair is added once, listed, audited, and removed; a wrong area or role is a usage error", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'coregroup-cli-area-')), 'area.db');
    const run = onFile(file);
    expect((await run('migrate')).code).toBe(0);
    const add = ['area-contacts', 'add', '--tenant', TENANT, '--area', 'england', '--name', 'Priya Shah', '--role', 'conference-chair', '--object-id', '00000000-0000-4000-8000-0000000000c1', '--email', 'priya.shah@council.example'];
    const added = await run(...add);
    expect(added).toEqual({ code: 0, out: [expect.stringMatching(/^added: [0-9a-f-]{36} {2}england {2}conference-chair {2}Priya Shah {2}\(object id 00000000-0000-4000-8000-0000000000c1, priya\.shah@council\.example\)$/)] });
    expect((await run(...add)).out).toEqual([expect.stringMatching(/^already there: /)]);
    const id = /^added: ([0-9a-f-]{36})/.exec(added.out[0]!)![1]!;

    expect((await run('area-contacts', 'list', '--tenant', TENANT)).out).toEqual([expect.stringContaining(`${id}  england  conference-chair  Priya Shah`)]);
    expect((await run('area-contacts', 'list', '--tenant', TENANT, '--area', 'wales')).out).toEqual(['no area contacts']);

    expect((await run('area-contacts', 'add', '--tenant', TENANT, '--area', 'atlantis', '--name', 'X', '--role', 'coordinator', '--email', 'x@example.org')).code).toBe(2);
    expect((await run('area-contacts', 'add', '--tenant', TENANT, '--area', 'england', '--name', 'X', '--role', 'team-manager', '--email', 'x@example.org')).code).toBe(2);
    expect((await run('area-contacts', 'add', '--tenant', TENANT, '--area', 'england', '--name', 'X', '--role', 'coordinator')).code).toBe(2);
    expect((await run('area-contacts', 'constructor')).code).toBe(2);

    expect(await run('area-contacts', 'remove', '--tenant', TENANT, '--id', id)).toEqual({ code: 0, out: [`removed ${id}`] });
    expect((await run('area-contacts', 'list', '--tenant', TENANT)).out).toEqual(['no area contacts']);

    const database = openDatabase({ sqliteFile: file });
    try {
      const audited = await database.db.selectFrom('audit_log').select(['actor', 'action', 'target_id']).execute();
      expect(audited).toEqual([
        { actor: 'coregroup-cli', action: 'area-contact-added', target_id: id },
        { actor: 'coregroup-cli', action: 'area-contact-removed', target_id: id },
      ]);
      expect(await createStore(database).areaContacts.list(TENANT)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

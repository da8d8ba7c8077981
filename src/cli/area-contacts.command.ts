import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { Config } from '../config/config';
import { AREA_CONTACT_ROLES, type AreaContact } from '../domain/concern-steps';
import { InvalidInputError } from '../domain/errors';
import type { PolicyCatalogue } from '../policies/policy-catalogue';
import { uuidFromKey } from '../services/deterministic-id';
import type { Clock } from '../services/ports/clock.port';
import { openDatabase } from '../store/database';
import { createStore } from '../store/store';
import { type CliCommand, type CliIo, UsageError } from './cli-io';
import { parseFlags, required } from './options';

const uuid = z.uuid();
const email = z.email();

function checked<T>(schema: z.ZodType<T>, value: string, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag} is not valid: "${value}"`);
  return parsed.data;
}

/** One contact as a line: id, area, role, name and how they are reached (never anything of a case). */
function contactLine(contact: AreaContact): string {
  const reach = [contact.aadObjectId ? `object id ${contact.aadObjectId}` : undefined, contact.email].filter(Boolean).join(', ');
  return `${contact.id}  ${contact.area}  ${contact.role}  ${contact.name}  (${reach})`;
}

/**
 * `coregroup area-contacts add|list|remove`: the conference chairs / IROs and co-ordinators of an
 * area (a tenant and the policy profile its groups follow), told when a concern reaches their
 * step and able to act on it. Each change is audited with the CLI as its actor.
 */
export function areaContactsCommand(options: { config: () => Config; catalogue: () => PolicyCatalogue; clock: Clock }): CliCommand {
  const withStore = async <T>(run: (store: ReturnType<typeof createStore>) => Promise<T>): Promise<T> => {
    const { database: where } = options.config();
    if (!where.url && where.sqliteFile !== ':memory:' && !existsSync(where.sqliteFile)) throw new InvalidInputError(`there is no SQLite database at ${where.sqliteFile}`);
    const database = openDatabase(where);
    try {
      return await run(createStore(database));
    } finally {
      await database.close();
    }
  };
  const audit = (store: ReturnType<typeof createStore>, tenantId: string, action: string, targetId: string) =>
    store.auditLog.append({ at: options.clock.nowIso(), tenantId, actor: 'coregroup-cli', action, targetId, outcome: 'allowed' });

  const actions: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
    async add(args, io) {
      const flags = parseFlags(args, { tenant: { type: 'string' }, area: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'object-id': { type: 'string' }, email: { type: 'string' } });
      const tenantId = checked(uuid, required(flags.tenant, 'tenant'), 'tenant');
      const area = required(flags.area, 'area');
      if (!options.catalogue().all.some((profile) => profile.id === area)) throw new UsageError(`--area must be a policy profile id (see "coregroup policies"), got "${area}"`);
      const role = checked(z.enum(AREA_CONTACT_ROLES), required(flags.role, 'role'), 'role');
      const aadObjectId = flags['object-id'] === undefined ? undefined : checked(uuid, flags['object-id'], 'object-id');
      const address = flags.email === undefined ? undefined : checked(email, flags.email, 'email');
      if (!aadObjectId && !address) throw new UsageError('give --object-id (their Entra object id), --email, or both');
      const contact: AreaContact = { id: uuidFromKey(`area-contact:${tenantId}:${area}:${role}:${aadObjectId ?? address}`), tenantId, area, name: required(flags.name, 'name').trim(), role, aadObjectId, email: address };
      const { created } = await withStore(async (store) => {
        const added = await store.areaContacts.add(contact, options.clock.nowIso());
        if (added.created) await audit(store, tenantId, 'area-contact-added', contact.id);
        return added;
      });
      io.out(`${created ? 'added' : 'already there'}: ${contactLine(contact)}`);
      return 0;
    },
    async list(args, io) {
      const flags = parseFlags(args, { tenant: { type: 'string' }, area: { type: 'string' } });
      const tenantId = checked(uuid, required(flags.tenant, 'tenant'), 'tenant');
      const contacts = await withStore((store) => store.areaContacts.list(tenantId, flags.area));
      if (contacts.length === 0) io.out('no area contacts');
      for (const contact of contacts) io.out(contactLine(contact));
      return 0;
    },
    async remove(args, io) {
      const flags = parseFlags(args, { tenant: { type: 'string' }, id: { type: 'string' } });
      const tenantId = checked(uuid, required(flags.tenant, 'tenant'), 'tenant');
      const id = checked(uuid, required(flags.id, 'id'), 'id');
      const removed = await withStore(async (store) => {
        const gone = await store.areaContacts.remove(tenantId, id);
        if (gone) await audit(store, tenantId, 'area-contact-removed', id);
        return gone;
      });
      if (!removed) throw new InvalidInputError(`there is no area contact ${id} in that tenant`);
      io.out(`removed ${id}`);
      return 0;
    },
  };
  return {
    summary: "manage an area's conference chairs / IROs and co-ordinators, who hear of concerns that reach them",
    usage: 'area-contacts add --tenant <id> --area <profile> --name <name> --role conference-chair|coordinator [--object-id <id>] [--email <address>] | list --tenant <id> [--area <profile>] | remove --tenant <id> --id <contact id>',
    async run(args, io) {
      const [action, ...rest] = args;
      const run = action !== undefined && Object.hasOwn(actions, action) ? actions[action] : undefined;
      if (!run) throw new UsageError(`unknown area-contacts action "${action ?? ''}" (known: add, list, remove)`);
      return run(rest, io);
    },
  };
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InvalidInputError, said } from '../domain/errors';
import type { PolicyProfile } from '../domain/policy';
import { policyProfileSchema } from './policy.schema';

/** The profiles shipped with the product, one JSON file each. */
export const SHIPPED_POLICY_DIR = join(__dirname, '..', '..', 'policies');

/** The policy profiles the service knows, by id. */
export interface PolicyCatalogue {
  readonly all: readonly PolicyProfile[];
  get(id: string): PolicyProfile;
}

/**
 * Loads every `*.json` profile from the shipped folder and, optionally, an administrator's own
 * folder (a local variant needs no code change). A bad file stops the load with its name and the
 * field at fault; two profiles with one id are refused.
 */
export function loadPolicyCatalogue(options: { extraDir?: string | undefined } = {}): PolicyCatalogue {
  const dirs = [SHIPPED_POLICY_DIR, ...(options.extraDir ? [options.extraDir] : [])];
  const byId = new Map<string, PolicyProfile>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
      const path = join(dir, file);
      const result = policyProfileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!result.success) throw new InvalidInputError(`policy profile ${path} is invalid: ${z.prettifyError(result.error)}`);
      if (byId.has(result.data.id)) throw new InvalidInputError(`policy profile id "${result.data.id}" is defined twice (${path})`);
      byId.set(result.data.id, result.data);
    }
  }
  const all = Object.freeze([...byId.values()]);
  return {
    all,
    get(id) {
      const profile = byId.get(id);
      if (!profile) throw new InvalidInputError(`unknown policy "${id}" (known: ${[...byId.keys()].join(', ')})`, { said: said('serviceRefusals.policies.unknown', { id, known: [...byId.keys()].join(', ') }) });
      return profile;
    },
  };
}

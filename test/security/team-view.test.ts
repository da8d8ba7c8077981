import { attack } from './support/attack';
import { type Person, type SecuredStack, disclosed, startSecuredStack } from './support/secured-stack';

/**
 * The team view lists the cases the caller oversees (team manager or conference chair named on
 * the case) and nothing else: a practitioner, the family, a stranger, another group's lead, the
 * partner tenant's lead and the demo lead's object id claimed from the partner tenant get an empty
 * team and an empty CSV — no case reference, no name, no child.
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

const NOT_OVERSEEING: readonly [string, Person][] = [
  ['the lead social worker (works the case, does not oversee it)', 'lead'],
  ['a professional member', 'health'],
  ['the family member', 'family'],
  ['a same-tenant non-member', 'stranger'],
  ['the lead of another core group', 'otherLead'],
  ['the lead of a core group in another allowed tenant', 'partnerLead'],
  ["the demo lead's object id claimed from another allowed tenant", 'partnerWithLeadOid'],
];

describe('the team view shows only what the caller oversees', () => {
  for (const [who, person] of NOT_OVERSEEING) {
    attack(`team view: ${who} asking GET /api/team and its CSV sees no case of the demo group`, async () => {
      const token = await stack.as(person);
      const team = await stack.call('GET', '/api/team', { token });
      expect(team.status).toBe(200);
      expect(disclosed(team.text)).toEqual([]);
      const csv = await stack.call('GET', '/api/team/export.csv', { token });
      expect(csv.status).toBe(200);
      expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(1);
      expect(disclosed(csv.text)).toEqual([]);
    });
  }

  test('control: the team manager and the conference chair of the demo group see it, without the child’s name', async () => {
    for (const person of ['manager', 'iro'] as const) {
      const team = await stack.call('GET', '/api/team', { token: await stack.as(person) });
      expect(team.text).toContain('DEMO-0001');
      expect(team.text).not.toContain('Riley');
    }
  });
});

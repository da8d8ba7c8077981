import { type Router, Router as createRouter, json } from 'express';
import { devSignInRequestSchema } from '../contracts/identity.contract';
import { DEMO_PEOPLE, DEMO_TENANT_ID, demoObjectId } from './demo/demo-core-group.seed';
import type { DevSignIn } from './dev-sign-in.issuer';

/**
 * Local mode only (the composition root mounts it nowhere else, and local mode listens on
 * loopback only): choose a demo person and get a token for the tab, as Teams SSO would give one.
 */
export function devSignInRouter(devSignIn: DevSignIn): Router {
  const router = createRouter();
  const people = DEMO_PEOPLE.filter((person) => person.reach !== 'email-only').map((person) => ({ aadObjectId: demoObjectId(person.key), name: person.name, role: person.role, agency: person.agency }));
  router.get('/api/dev/users', (_request, response) => {
    response.json({ users: people });
  });
  router.post('/api/dev/sign-in', json({ limit: '4kb' }), async (request, response) => {
    const body = devSignInRequestSchema.safeParse(request.body);
    const person = body.success ? people.find((candidate) => candidate.aadObjectId === body.data.aadObjectId) : undefined;
    if (!person) {
      response.status(400).json({ error: { code: 'invalid-input', message: 'Choose one of the demo people' } });
      return;
    }
    response.json({ token: await devSignIn.issue({ tenantId: DEMO_TENANT_ID, aadObjectId: person.aadObjectId, name: person.name }) });
  });
  return router;
}

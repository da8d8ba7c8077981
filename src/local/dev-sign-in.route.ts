import { type Router, Router as createRouter } from 'express';
import type { ErrorBody } from '../contracts/errors.contract';
import { devSignInRequestSchema } from '../contracts/identity.contract';
import { jsonBody } from '../server/json-body';
import { DEMO_PEOPLE, DEMO_TENANT_ID, demoObjectId } from './demo/demo-core-group.seed';
import type { DevSignIn } from './dev-sign-in.issuer';

/**
 * Local mode only (the composition root mounts it nowhere else, and local mode listens on
 * loopback only, answering only requests that name loopback in Host and Origin): choose a demo
 * person and get a token for the tab, as Teams SSO would give one.
 */
export function devSignInRouter(devSignIn: DevSignIn): Router {
  const router = createRouter();
  const people = DEMO_PEOPLE.filter((person) => person.reach !== 'email-only').map((person) => ({ aadObjectId: demoObjectId(person.key), name: person.name, role: person.role, agency: person.agency }));
  router.get('/api/dev/users', (_request, response) => {
    response.json({ users: people });
  });
  router.post('/api/dev/sign-in', ...jsonBody({ limit: '4kb' }), async (request, response) => {
    const body = devSignInRequestSchema.safeParse(request.body);
    const person = body.success ? people.find((candidate) => candidate.aadObjectId === body.data.aadObjectId) : undefined;
    if (!person) {
      const invalid: ErrorBody = { error: { code: 'invalid-input', message: 'Choose one of the demo people' } };
      response.status(400).json(invalid);
      return;
    }
    response.json({ token: await devSignIn.issue({ tenantId: DEMO_TENANT_ID, aadObjectId: person.aadObjectId, name: person.name }) });
  });
  return router;
}

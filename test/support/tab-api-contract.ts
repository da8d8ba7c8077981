import type { z } from 'zod';
import { errorBodySchema } from '../../src/contracts/errors.contract';
import { FILE, TAB_API, type TabApiRoute, type TabApiRouteKey } from '../../src/contracts/tab-api.contract';

const ROUTES = (Object.entries(TAB_API) as [TabApiRouteKey, TabApiRoute][]).map(([key, route]) => {
  const [method, template] = key.split(' ') as [string, string];
  const segments = template.split('/').map((segment) => segment.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+'));
  return { key, method, pattern: new RegExp(`^${segments.join('/')}$`), route };
});

/** The route of the tab API a request went to, by method and path (query string ignored). */
export function tabApiRouteOf(method: string, url: string): TabApiRouteKey {
  const path = new URL(url, 'http://local').pathname;
  const found = ROUTES.find((candidate) => candidate.method === method.toUpperCase() && candidate.pattern.test(path));
  if (!found) throw new Error(`${method} ${path} is not in TAB_API (src/contracts/tab-api.contract.ts): add its contract`);
  return found.key;
}

/** The schema an answer must fit: the route's own for that status, else the error body for 4xx/5xx. */
function schemaOf(key: TabApiRouteKey, status: number): z.ZodType | typeof FILE {
  const answers: TabApiRoute['answers'] = TAB_API[key].answers;
  const own = answers[status];
  if (own) return own;
  if (status >= 400) return errorBodySchema;
  throw new Error(`${key} answered ${status}, which its contract does not list`);
}

/**
 * Checks answers of the tab API against their contracts and remembers which route and status each
 * was, so a test file can prove it checked every one. A body fits when the schema parses it AND
 * the parsed value equals it: parsing drops fields the schema does not name, so a field the server
 * sends beyond the contract (a domain field leaking out) fails as surely as a missing or mistyped one.
 */
export function tabApiContractChecker() {
  const seen = new Set<string>();
  return {
    /** Throws (failing the test) when the answer does not fit its route's contract for that status. */
    check(answer: { method: string; url: string; status: number; body: unknown }): void {
      const key = tabApiRouteOf(answer.method, answer.url);
      const schema = schemaOf(key, answer.status);
      seen.add(`${key} ${answer.status}`);
      if (schema === FILE) return;
      const parsed = schema.safeParse(answer.body);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
        throw new Error(`${key} answered ${answer.status} with a body that does not fit its contract:\n  ${issues.join('\n  ')}`);
      }
      expect({ route: `${key} ${answer.status}`, body: parsed.data }).toEqual({ route: `${key} ${answer.status}`, body: answer.body });
    },

    /** The routes and statuses listed in TAB_API (those `include` picks) that no checked answer covered. */
    unchecked(include: (route: TabApiRoute) => boolean): string[] {
      const listed = (Object.entries(TAB_API) as [TabApiRouteKey, TabApiRoute][]).filter(([, route]) => include(route)).flatMap(([key, route]) => Object.keys(route.answers).map((status) => `${key} ${status}`));
      const anyError = [...seen].some((entry) => Number(entry.split(' ').at(-1)) >= 400);
      return [...listed.filter((entry) => !seen.has(entry)), ...(anyError ? [] : ['an error body (4xx)'])];
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { SimulatedUser, SimulatorState } from './graph-simulator.state';

/** A request as the routes see it, whether it came over HTTP or inside a `$batch`. */
export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: Record<string, string | undefined>;
}

export interface SimResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type Handler = (request: SimRequest, params: string[], state: SimulatorState, hooks: SimulatorHooks) => SimResponse | Promise<SimResponse>;

/** What the routes can ask of the server around them (outbound notifications). */
export interface SimulatorHooks {
  notify(url: string, payload: unknown): Promise<{ status: number; text: string }>;
}

export const error = (status: number, code: string, message: string): SimResponse => ({ status, body: { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } } });
export const json = (body: unknown, status = 200): SimResponse => ({ status, body });

export function userOr404(state: SimulatorState, id: string | undefined): SimulatedUser | SimResponse {
  const user = id ? state.findUser(id) : undefined;
  return user ?? error(404, 'ErrorItemNotFound', `The user ${id ?? ''} was not found`);
}
export const isResponse = (value: unknown): value is SimResponse => typeof value === 'object' && value !== null && 'status' in value && !('mail' in value);

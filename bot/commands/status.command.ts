import { statusCard } from '../cards/status.card';
import type { Command } from './command';

/** `/coregroup status`: the caller's core groups, every deadline and whether it is met. One read, nothing else. */
export const statusCommand: Command = {
  personalOnly: true,
  run: async (request, services) => ({ card: statusCard(await services.status.myStatus(request.caller), services.teamsAppId) }),
};

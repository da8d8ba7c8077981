import { minutesCard } from '../cards/minutes.card';
import { type Command, aboutFirstCoreGroup } from './command';

/** `/coregroup minutes`: where the minutes of the last and next meeting stand. */
export const minutesCommand: Command = {
  personalOnly: true,
  run: aboutFirstCoreGroup(async (coreGroup, request, services) => minutesCard({ ...(await services.status.minutesOf(request.caller, coreGroup.id)), teamsAppId: services.teamsAppId })),
};

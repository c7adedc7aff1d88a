// What every feature of the bot gets: the services, the clock, a logger, and the token only to
// scrub it from anything logged.
import type { Services } from '../../commands/types.ts';
import type { Logger } from '../../log.ts';

export interface BotDeps {
  services: Services;
  now: () => Date;
  log: Logger;
  token: string;
}

// What every feature of the bot gets: the services (with the clock), a logger, and the token only
// to scrub it from anything logged.
import type { Logger } from '../../log.ts';
import type { Services } from '../../core/services.ts';

export interface BotDeps {
  services: Services;
  log: Logger;
  token: string;
}

// A Bot API client as dunghan makes one (the outbox channel, the health probe, `dunghan telegram
// check`): the test transformers innermost, then describeFailures(), so that an error answer
// keeps its own words. The bot's own client (bot.ts) is set up the same way.
import { Api, type Transformer } from 'grammy';
import { describeFailures } from './errors.ts';

export function telegramApi(token: string, o: { apiRoot: string; timeoutSeconds: number; transformers?: readonly Transformer[] | undefined }): Api {
  const api = new Api(token, { apiRoot: o.apiRoot, timeoutSeconds: o.timeoutSeconds });
  if (o.transformers?.length) api.config.use(...o.transformers);
  api.config.use(describeFailures());
  return api;
}

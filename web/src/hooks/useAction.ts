import { App } from 'antd';
import { asApiError } from '../api/client.ts';

/**
 * A write from a button: `perform(done, call)` runs `call`, says `done`, then `after()` (reload the
 * page's data, close its dialog). A refusal is shown in the server's words, with the article when
 * it cites one.
 */
export function useAction(after: () => void) {
  const { message } = App.useApp();
  return async (done: string, call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
      message.success(done);
      after();
    } catch (e) {
      const err = asApiError(e);
      if (err.article) message.error(`${err.message}（依据 ${err.article}）`, 8);
      else message.error(err.message);
    }
  };
}

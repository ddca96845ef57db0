/**
 * Platform jobs: the obligation sweep and the outbound delivery queue, run every
 * `SWEEP_INTERVAL_SECONDS` in the server process (0: not in this process). Several app processes
 * may run them at once: reminders are keyed and deliveries claimed with `skip locked`, so nothing is
 * sent twice. A pass never overlaps the previous one in the same process.
 */
import type { Config } from '../config.ts';
import { runSweep } from '../obligations/sweep.ts';
import type { CommandDeps } from './command.ts';
import { configuredChannels, deliverPending, senders } from './notifications/index.ts';

export interface JobLogger {
  error(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
}

/** One pass: the sweep, then the delivery queue. */
export async function runJobsOnce(deps: CommandDeps, config: Config) {
  const sweep = await runSweep(deps, { channels: configuredChannels(config) });
  const delivery = await deliverPending(deps, senders(config));
  return { sweep, delivery };
}

/** Starts the interval; returns a stop function (waits for a running pass). */
export function startJobs(deps: CommandDeps, config: Config, log: JobLogger): () => Promise<void> {
  if (config.sweepIntervalSeconds === 0) return async () => {};
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runJobsOnce(deps, config)
      .then((r) => {
        if (r.sweep.reminders > 0 || r.delivery.sent > 0 || r.delivery.failed > 0)
          log.info(r, 'obligation sweep');
      })
      .catch((err: unknown) => log.error({ err }, 'obligation sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, config.sweepIntervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

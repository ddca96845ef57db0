/**
 * Platform jobs: a business sweep and the outbound delivery queue, run every
 * `SWEEP_INTERVAL_SECONDS` in the server process (0: not in this process). The platform imports no
 * business module: the composition root (src/app.ts) passes both, the obligation sweep
 * (src/obligations/commands/sweep.ts) and the notification queue (`deliverPending`, src/notifications/commands/deliver-pending.ts),
 * which this file hands the configured channels' senders. Several app processes may run them at once:
 * reminders are keyed and deliveries claimed with `skip locked`, so nothing is sent twice. A pass never
 * overlaps the previous one in the same process.
 */
import type { Config } from '../config.ts';
import type { CommandDeps } from './command.ts';
import { configuredChannels, type DeliveryChannel, type Sender, senders } from './outbound/channels.ts';

export interface JobLogger {
  error(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
}

/** What a sweep reports: the reminders it queued (on `channels`, sent by the delivery queue). */
export interface SweepReport {
  reminders: number;
}

/** The business sweep a pass runs before the delivery queue. */
export type Sweep<R extends SweepReport = SweepReport> = (
  deps: CommandDeps,
  options: { channels: readonly DeliveryChannel[] },
) => Promise<R>;

/** What a pass of the delivery queue reports. */
export interface DeliveryReport {
  sent: number;
  failed: number;
}

/** The delivery queue a pass runs after the sweep, given a sender per configured channel. */
export type Deliver = (
  deps: CommandDeps,
  channelSenders: Partial<Record<DeliveryChannel, Sender>>,
) => Promise<DeliveryReport>;

/** One pass: the sweep, then the delivery queue. */
export async function runJobsOnce<R extends SweepReport>(
  deps: CommandDeps,
  config: Config,
  sweep: Sweep<R>,
  deliver: Deliver,
) {
  const swept = await sweep(deps, { channels: configuredChannels(config) });
  const delivery = await deliver(deps, senders(config));
  return { sweep: swept, delivery };
}

/** Starts the interval; returns a stop function (waits for a running pass). */
export function startJobs(
  deps: CommandDeps,
  config: Config,
  sweep: Sweep,
  deliver: Deliver,
  log: JobLogger,
): () => Promise<void> {
  if (config.sweepIntervalSeconds === 0) return async () => {};
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runJobsOnce(deps, config, sweep, deliver)
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

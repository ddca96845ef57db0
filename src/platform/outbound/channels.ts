/**
 * Outbound channels: SMTP (a small client over node:net / node:tls — implicit TLS with `smtps://`,
 * plain only to a loopback relay or without credentials) and a webhook for DingTalk/WeCom-style
 * group bots (JSON text message). Configured by environment variables (src/config.ts), validated at
 * start-up; unconfigured channels are simply not used.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { NotifyChannelsConfig, SmtpConfig, WebhookConfig } from '../../config.ts';

/** The outbound channels (the notification queue's `channel` column holds one of them). */
export const DELIVERY_CHANNELS = ['smtp', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export interface OutboundMessage {
  subject: string;
  body: string;
  /** The user's own address (a per-user delivery); absent: the configured supervision mailbox. */
  to?: readonly string[];
}

export type Sender = (message: OutboundMessage) => Promise<void>;

export function configuredChannels(config: NotifyChannelsConfig): DeliveryChannel[] {
  const list: DeliveryChannel[] = [];
  if (config.smtp) list.push('smtp');
  if (config.webhook) list.push('webhook');
  return list;
}

export function senders(config: NotifyChannelsConfig): Partial<Record<DeliveryChannel, Sender>> {
  return {
    ...(config.smtp ? { smtp: smtpSender(config.smtp) } : {}),
    ...(config.webhook ? { webhook: webhookSender(config.webhook) } : {}),
  };
}

const TIMEOUT_MS = 10_000;

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** The RFC 5322 message: UTF-8 subject (encoded word) and a base64 text body. */
export function mimeMessage(
  from: string,
  to: readonly string[],
  message: OutboundMessage,
  date: Date,
): string {
  const body = b64(message.body).replace(/.{1,76}/g, '$&\r\n');
  return [
    `From: ${from}`,
    `To: ${to.join(', ')}`,
    `Subject: =?UTF-8?B?${b64(message.subject)}?=`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/** A line-oriented SMTP conversation: each command waits for its final reply line. */
class SmtpConversation {
  private buffer = '';
  private waiting: ((line: { code: number; text: string }) => void) | null = null;
  private failure: Error | null = null;
  private lines: string[] = [];

  constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i = this.buffer.indexOf('\r\n');
      while (i >= 0) {
        const line = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 2);
        this.lines.push(line);
        // "250-…" continues, "250 …" ends a reply.
        if (/^\d{3}(?: |$)/.test(line)) this.finish(line);
        i = this.buffer.indexOf('\r\n');
      }
    });
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('SMTP connection closed')));
    socket.setTimeout(TIMEOUT_MS, () => {
      this.fail(new Error('SMTP timeout'));
      socket.destroy();
    });
  }

  private finish(line: string) {
    const text = this.lines.join('\n');
    this.lines = [];
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.({ code: Number(line.slice(0, 3)), text });
  }

  private fail(err: Error) {
    this.failure ??= err;
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.({ code: 0, text: err.message });
  }

  reply(): Promise<{ code: number; text: string }> {
    if (this.failure) return Promise.resolve({ code: 0, text: this.failure.message });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  async expect(command: string | null, ok: number[]): Promise<string> {
    const pending = this.reply();
    if (command !== null) this.socket.write(`${command}\r\n`);
    const { code, text } = await pending;
    if (!ok.includes(code)) {
      const shown = command?.startsWith('AUTH') ? 'AUTH' : (command ?? 'greeting');
      throw new Error(`SMTP ${shown}: ${text || code}`);
    }
    return text;
  }
}

export function smtpSender(config: SmtpConfig): Sender {
  return async (message) => {
    const socket = config.secure
      ? tls.connect({ host: config.host, port: config.port, servername: config.host })
      : net.connect({ host: config.host, port: config.port });
    const smtp = new SmtpConversation(socket);
    try {
      await smtp.expect(null, [220]);
      await smtp.expect('EHLO tongchou', [250]);
      if (config.user !== undefined) {
        await smtp.expect(`AUTH PLAIN ${b64(`\0${config.user}\0${config.pass ?? ''}`)}`, [235]);
      }
      await smtp.expect(`MAIL FROM:<${config.from}>`, [250]);
      const recipients = message.to && message.to.length > 0 ? message.to : config.to;
      for (const to of recipients) await smtp.expect(`RCPT TO:<${to}>`, [250, 251]);
      await smtp.expect('DATA', [354]);
      const data = mimeMessage(config.from, recipients, message, new Date())
        .split('\r\n')
        .map((l) => (l.startsWith('.') ? `.${l}` : l))
        .join('\r\n');
      await smtp.expect(`${data}\r\n.`, [250]);
      await smtp.expect('QUIT', [221]).catch(() => undefined);
    } finally {
      socket.destroy();
    }
  };
}

/** The JSON a bot expects: DingTalk and WeCom take `{msgtype:'text', text:{content}}`. */
export function webhookPayload(kind: WebhookConfig['kind'], message: OutboundMessage): unknown {
  const content = `${message.subject}\n${message.body}`;
  if (kind === 'generic') return { subject: message.subject, body: message.body };
  return { msgtype: 'text', text: { content } };
}

export function webhookSender(config: WebhookConfig): Sender {
  return async (message) => {
    const res = await fetch(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookPayload(config.kind, message)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`webhook HTTP ${res.status}`);
    // DingTalk and WeCom answer 200 with { errcode } on refusal.
    const text = await res.text();
    if (config.kind !== 'generic') {
      try {
        const body = JSON.parse(text) as { errcode?: number; errmsg?: string };
        if (typeof body.errcode === 'number' && body.errcode !== 0) {
          throw new Error(`webhook errcode ${body.errcode}: ${body.errmsg ?? ''}`);
        }
      } catch (err) {
        if (err instanceof SyntaxError) return;
        throw err;
      }
    }
  };
}

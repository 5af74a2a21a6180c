import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Config } from '../config';
import { MailDelivery } from './mail-delivery';
import { devMailboxTransport, smtpTransport } from './mail-transport';

/**
 * The delivery job this process runs: SMTP when SMTP_URL is set, the dev mailbox in
 * development without it. In production without SMTP there is none: mail stays queued (and
 * is sent once SMTP_URL is configured) rather than being marked delivered to nobody.
 */
export function createMailDelivery(
  config: Config,
  pool: pg.Pool,
  log: FastifyBaseLogger,
): MailDelivery | null {
  if (config.SMTP_URL) {
    return new MailDelivery({
      pool,
      log,
      from: config.MAIL_FROM,
      transport: smtpTransport(config.SMTP_URL),
    });
  }
  if (config.devMailbox) {
    return new MailDelivery({ pool, log, from: config.MAIL_FROM, transport: devMailboxTransport });
  }
  log.warn('SMTP_URL is not set: outgoing mail stays queued until it is');
  return null;
}

import nodemailer from 'nodemailer';

export interface MailMessage {
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
}

/** Where the delivery job hands mail over: an SMTP server, or nowhere (development mailbox). */
export interface MailTransport {
  readonly kind: 'smtp' | 'dev_mailbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Thrown for answers the SMTP server gives for good (5xx): retrying would not help. */
export class PermanentMailError extends Error {}

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    // A hanging server must not hold the job (and its claimed rows) for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    async send(message) {
      try {
        await transporter.sendMail({
          from: message.from,
          to: [...message.to],
          subject: message.subject,
          text: message.text,
        });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500 && code < 600) {
          throw new PermanentMailError(describeMailError(error));
        }
        throw error;
      }
    },
    close: () => transporter.close(),
  };
}

/** Development without SMTP: the mail stays in the outbox, readable on the dev mailbox page. */
export const devMailboxTransport: MailTransport = {
  kind: 'dev_mailbox',
  async send() {},
  close() {},
};

/**
 * The part of a delivery error worth storing: code and server answer, never the connection
 * URL (which may hold SMTP credentials) or the message body.
 */
export function describeMailError(error: unknown): string {
  const { code, responseCode, response, message } = error as {
    code?: string;
    responseCode?: number;
    response?: string;
    message?: string;
  };
  const parts = [code, responseCode, response ?? message].filter(
    (part) => part !== undefined && part !== '',
  );
  return (
    parts
      .join(' ')
      .replace(/\w+:\/\/[^\s]*/g, '[url]')
      .slice(0, 500) || 'unknown error'
  );
}

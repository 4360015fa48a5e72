// Test helper: a real SMTP server (smtp-server) on loopback that records every delivered email,
// and can refuse the first N deliveries to exercise the server's retries.
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  to: string[];
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedEmail[];
  refuseNext(count: number): void;
  refusedCount(): number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  let toRefuse = 0;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const parts: Buffer[] = [];
      stream.on('data', (part: Buffer) => parts.push(part));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          refused += 1;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(error);
        }
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(parts).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (count) => (toRefuse = count),
    refusedCount: () => refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A received email's text as a mail program shows it: quoted-printable decoded, so long lines (links) are whole. */
export function emailText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (!/^content-transfer-encoding:\s*quoted-printable/im.test(headers)) return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The link an email alert offers ("Read it in Practice Messenger: <link>"), or null. */
export const alertLink = (raw: string): string | null =>
  /Read it in Practice Messenger: (\S+)/.exec(emailText(raw))?.[1] ?? null;

/** Resolves once the server's email queue is empty (sent or given up); rejects after `deadlineMs`. */
export async function emailQueueDrained(
  server: { emailQueueIdle(): Promise<void> },
  deadlineMs = 10_000,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('email queue did not drain')), deadlineMs)),
  );
  try {
    await Promise.race([server.emailQueueIdle(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

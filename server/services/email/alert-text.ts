// The words of an email alert. By design it names only the practice and where to read it (the server's /open page,
// which offers "Open in Practice Messenger" at that message): no subject, body, patient, sender or file name ever goes
// into an email; the link carries the message's opaque id only.

export interface AlertEmail {
  subject: string;
  text: string;
}

/** The server's page that opens the desktop app (routes/open-page.ts) at a message, under the address the users know. */
export function openPageUrl(serverUrl: string, messageId: string | null): string {
  const page = `${serverUrl.replace(/\/+$/, '')}/open`;
  return messageId ? `${page}/message/${encodeURIComponent(messageId)}` : page;
}

export function alertEmail(practiceName: string, serverUrl: string, messageId: string | null): AlertEmail {
  return {
    subject: `New secure message at ${practiceName}`,
    text: [
      `A new secure message is waiting for you at ${practiceName}.`,
      '',
      `Read it in Practice Messenger: ${openPageUrl(serverUrl, messageId)}`,
      '',
      'For your privacy, this email does not include the message or who it is about.',
    ].join('\n'),
  };
}

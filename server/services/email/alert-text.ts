// The words of an email alert. By design it names only the practice and where to read it (the server's /open page,
// which offers "Open in Practice Messenger"): no subject, body, patient, sender or file name ever goes into an email.

export interface AlertEmail {
  subject: string;
  text: string;
}

/** The server's page that opens the desktop app (routes/open-page.ts), under the address the users know. */
export const openPageUrl = (serverUrl: string) => `${serverUrl.replace(/\/+$/, '')}/open`;

export function alertEmail(practiceName: string, serverUrl: string): AlertEmail {
  return {
    subject: `New secure message at ${practiceName}`,
    text: [
      `A new secure message is waiting for you at ${practiceName}.`,
      '',
      `Read it in Practice Messenger: ${openPageUrl(serverUrl)}`,
      '',
      'For your privacy, this email does not include the message or who it is about.',
    ].join('\n'),
  };
}

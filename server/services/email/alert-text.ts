// The words of an email alert. By design it names only the practice and where to sign in: no
// subject, body, patient, sender or file name ever goes into an email.

export interface AlertEmail {
  subject: string;
  text: string;
}

export function alertEmail(practiceName: string, link: string): AlertEmail {
  return {
    subject: `New secure message at ${practiceName}`,
    text: [
      `A new secure message is waiting for you at ${practiceName}.`,
      '',
      `Sign in to read it: ${link}`,
      '',
      'For your privacy, this email does not include the message or who it is about.',
    ].join('\n'),
  };
}

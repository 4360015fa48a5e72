// A message body as plain text, with its web addresses (http and https only) made into links. Links open
// outside the app: in the system browser from Electron (its window-open guard), a new tab in the browser host.
import LinkifyIt, { type Match } from 'linkify-it';
import type { ReactNode } from 'react';

const linkify = new LinkifyIt({}, { fuzzyEmail: false })
  // Only web addresses: no mail, FTP or protocol-relative links.
  .add('mailto:', null)
  .add('ftp:', null)
  .add('//', null);

/** A web address worth a link: written with http(s)://, or starting with "www." (not "notes.md"). */
function webAddress(match: Match): string | null {
  if (match.schema === '' && !/^www\./i.test(match.raw)) return null;
  try {
    const url = new URL(match.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function LinkifiedText({ text }: { text: string }) {
  const matches = linkify.match(text) ?? [];
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of matches) {
    const href = webAddress(match);
    if (!href) continue;
    parts.push(text.slice(at, match.index));
    parts.push(
      <a key={match.index} href={href} target="_blank" rel="noopener noreferrer">
        {match.text}
      </a>,
    );
    at = match.lastIndex;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

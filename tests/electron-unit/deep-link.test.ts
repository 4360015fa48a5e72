// practice-messenger:// links (issue 13 item 5): strict parsing, finding one among a launch's arguments, the round
// trip with the builder the server's /open page uses, and what opening one does for the signed-in session.
import { describe, expect, it } from 'vitest';
import { buildDeepLink } from '../../common/desktop/index.js';
import { deepLinkAction, deepLinkInArgs, parseDeepLink } from '../../main/core/deep-link/deep-link.js';

const MESSAGE = '3f1c2a9e-51d4-4a5e-9a59-0f6f3c1d2b7a';

describe('parseDeepLink', () => {
  it('reads the server (as an origin) and the message', () => {
    expect(
      parseDeepLink(
        `practice-messenger://open?server=${encodeURIComponent('https://messages.example.org/')}&message=${MESSAGE}`,
      ),
    ).toEqual({ server: 'https://messages.example.org', messageId: MESSAGE });
    expect(parseDeepLink('practice-messenger://open/?server=http://127.0.0.1:8787')).toEqual({
      server: 'http://127.0.0.1:8787',
      messageId: null,
    });
  });

  it('refuses anything else: other schemes and actions, bad servers, bad ids, credentials, huge links', () => {
    for (const bad of [
      'https://open?server=https://x.org',
      'practice-messenger://delete?server=https://x.org',
      'practice-messenger://open/extra?server=https://x.org',
      'practice-messenger://open',
      'practice-messenger://open?server=javascript:alert(1)',
      'practice-messenger://open?server=file:///etc/passwd',
      'practice-messenger://open?server=https://user:pw@x.org',
      'practice-messenger://open?server=not a url',
      `practice-messenger://open?server=https://x.org&message=${'a'.repeat(101)}`,
      'practice-messenger://open?server=https://x.org&message=',
      `practice-messenger://open?server=https://x.org&pad=${'a'.repeat(3000)}`,
      'not a link at all',
    ]) {
      expect(parseDeepLink(bad), bad).toBeNull();
    }
  });

  it('round-trips what the server builds', () => {
    const link = { server: 'https://messages.example.org:8443', messageId: MESSAGE };
    expect(parseDeepLink(buildDeepLink(link))).toEqual(link);
    expect(parseDeepLink(buildDeepLink({ ...link, messageId: null }))).toEqual({ ...link, messageId: null });
  });
});

describe('deepLinkInArgs', () => {
  it('finds the link a second launch (Windows, Linux) passes, among Chromium switches', () => {
    const argv = [
      '/opt/Practice Messenger/practice-messenger',
      '--allow-file-access',
      `practice-messenger://open?server=https://x.org&message=${MESSAGE}`,
    ];
    expect(deepLinkInArgs(argv)).toEqual({ server: 'https://x.org', messageId: MESSAGE });
    expect(deepLinkInArgs(['/usr/bin/practice-messenger', '--start-hidden'])).toBeNull();
  });
});

describe('deepLinkAction', () => {
  const link = { server: 'https://messages.example.org', messageId: MESSAGE };

  it('opens the message when signed in to that server', () => {
    expect(deepLinkAction(link, { signedIn: true, serverUrl: 'https://messages.example.org/' })).toEqual({
      kind: 'open-message',
      messageId: MESSAGE,
    });
    expect(
      deepLinkAction({ ...link, messageId: null }, { signedIn: true, serverUrl: 'https://messages.example.org' }),
    ).toEqual({
      kind: 'show',
    });
  });

  it('asks to sign in when signed out, and never switches servers by itself', () => {
    expect(deepLinkAction(link, { signedIn: false, serverUrl: null })).toEqual({
      kind: 'sign-in',
      server: 'https://messages.example.org',
    });
    expect(deepLinkAction(link, { signedIn: true, serverUrl: 'https://other.example.org/x' })).toEqual({
      kind: 'other-server',
      server: 'https://messages.example.org',
      signedInTo: 'https://other.example.org',
    });
  });
});

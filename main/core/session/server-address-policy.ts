// Which practice server addresses the app will send a password and token to: https anywhere; plain
// http only on this computer (loopback), or anywhere when a developer sets ALLOW_HTTP_ENV on purpose.
import { BlockList, isIP } from 'node:net';
import { DesktopCallError } from '../errors.js';

/** Set to 1 to allow plain http:// servers on other machines (development and test networks only). */
export const ALLOW_HTTP_ENV = 'PRACTICE_MESSENGER_ALLOW_HTTP';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6'); // IPv4-mapped 127/8

export function allowHttpFromEnv(env: NodeJS.ProcessEnv): boolean {
  return env[ALLOW_HTTP_ENV] === '1';
}

/** Loopback by address (127.0.0.0/8, ::1) or by the name `localhost`; never by a name that merely starts so. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && loopback.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** The sign-in form's error for an address the app must not use, or null when it is fine. */
export function serverAddressProblem(serverUrl: string, allowHttp: boolean): DesktopCallError | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return new DesktopCallError(
      'invalid_arguments',
      'The server address is not valid. Check the address your practice gave you.',
    );
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (allowHttp || isLoopbackHost(url.hostname))) return null;
  return new DesktopCallError(
    'insecure_server_address',
    'This server address is not secure. Use the address that starts with https:// (your practice can give it to you).',
  );
}

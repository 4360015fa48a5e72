// Test helper: signs a demo staff member or patient in and returns the token and ids.
import type { LoginResponse, PortalLoginResponse } from '../../common/http/index.js';
import { DEMO_PASSWORD } from '../../server/demo/accounts.js';

export async function signInStaff(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`staff sign-in failed with ${response.status}`);
  return (await response.json()) as LoginResponse;
}

export async function signInPatient(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<PortalLoginResponse> {
  const response = await fetch(`${baseUrl}/api/v1/portal/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`patient sign-in failed with ${response.status}`);
  return (await response.json()) as PortalLoginResponse;
}

// Staff and patient sign-in (API.md "Staff session", "Patient portal").
import { z } from 'zod';
import { Id, StoredText } from './primitives.js';

export const LoginRequest = z.object({
  email: StoredText.min(1).max(320),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const PracticeRef = z.object({ id: Id, name: z.string() });
export type PracticeRef = z.infer<typeof PracticeRef>;

export const SessionUser = z.object({ id: Id, name: z.string(), email: z.string() });
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  token: z.string(),
  user: SessionUser,
  practices: z.array(PracticeRef),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const PortalLoginResponse = z.object({
  token: z.string(),
  patient: z.object({ id: Id, name: z.string() }),
  practice: PracticeRef,
});
export type PortalLoginResponse = z.infer<typeof PortalLoginResponse>;

// The demo accounts `--demo` seeds, as constants for tests and for people trying the app.
export const DEMO_PASSWORD = 'demo-password-1';

export const DEMO_PRACTICES = {
  sunrise: 'Sunrise Family Medicine',
  lakeside: 'Lakeside Pediatrics',
} as const;

export const DEMO_STAFF = {
  frontdesk: 'frontdesk@sunrise.example',
  drLee: 'dr.lee@sunrise.example',
  billing: 'billing@sunrise.example',
  nurse: 'nurse@lakeside.example',
  /** Second wave: role `admin` in Sunrise, the one who may read the audit trail. */
  admin: 'admin@sunrise.example',
} as const;

export const DEMO_PATIENTS = {
  ana: 'ana.ruiz@patient.example',
  ben: 'ben.okafor@patient.example',
} as const;

export const DEMO_FRONTDESK_EMAIL = DEMO_STAFF.frontdesk;
export const DEMO_DR_LEE_EMAIL = DEMO_STAFF.drLee;
export const DEMO_BILLING_EMAIL = DEMO_STAFF.billing;
export const DEMO_NURSE_EMAIL = DEMO_STAFF.nurse;
export const DEMO_ANA_EMAIL = DEMO_PATIENTS.ana;
export const DEMO_BEN_EMAIL = DEMO_PATIENTS.ben;

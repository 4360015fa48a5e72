// "This computer" in Message Settings: notification privacy, idle lock, and in the desktop app start at login and
// close to tray. What the administrator manages shows as set by them: fixed settings can't be changed, and
// maximums limit the choices (README "For IT").
import type { ReactNode } from 'react';
import type { ManagedPolicy, NotificationPrivacy } from '../../../../common/desktop/index.js';
import { ADMIN_SET } from '../../stores/managed-policy-store.js';

const privacyOptions: { value: NotificationPrivacy; label: string; explain: string }[] = [
  { value: 'generic', label: 'Generic', explain: 'Only “New message”. Nothing about who sent it or what it says.' },
  { value: 'sender', label: 'Sender only', explain: 'The sender’s name, but not the subject or any text.' },
  {
    value: 'full',
    label: 'Full preview',
    explain: 'Sender, subject and the start of the message. Anyone near the screen can read it.',
  },
];
const PRIVACY_ORDER: NotificationPrivacy[] = ['generic', 'sender', 'full'];

export interface ComputerChoices {
  privacy: NotificationPrivacy;
  idleMinutes: string;
  startAtLogin: boolean;
  closeToTray: boolean;
}

interface Props {
  /** More of this computer's settings (alert preferences), after the idle lock. */
  children?: ReactNode;
  choices: ComputerChoices;
  onChange(patch: Partial<ComputerChoices>): void;
  policy: ManagedPolicy;
  desktopApp: boolean;
}

/** The idle lock's allowed range under the policy: a maximum also means it can't be turned off (0). */
export function idleRange(policy: ManagedPolicy): { min: number; max: number } {
  return policy.maxIdleLockMinutes ? { min: 1, max: policy.maxIdleLockMinutes } : { min: 0, max: 240 };
}

function Toggle(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  locked: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <div className="check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.locked}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
      <span id={`${props.id}-hint`} className="hint">
        {props.locked ? ADMIN_SET : props.hint}
      </span>
    </div>
  );
}

export function ComputerSettings({ children, choices, onChange, policy, desktopApp }: Props) {
  const maxPrivacy = policy.maxNotificationContent;
  const allowed = (value: NotificationPrivacy) =>
    !maxPrivacy || PRIVACY_ORDER.indexOf(value) <= PRIVACY_ORDER.indexOf(maxPrivacy);
  const idle = idleRange(policy);
  return (
    <fieldset className="card">
      <legend>This computer</legend>
      <fieldset className="privacy">
        <legend>Notification privacy</legend>
        <p className="hint">
          What desktop notifications show about a new message, for anyone who can see this screen.
          {maxPrivacy
            ? ` ${ADMIN_SET.replace('.', '')}: at most “${privacyOptions.find((o) => o.value === maxPrivacy)?.label}”.`
            : ''}
        </p>
        {privacyOptions.map((o) => (
          <div className="check" key={o.value}>
            <input
              id={`privacy-${o.value}`}
              type="radio"
              name="privacy"
              value={o.value}
              checked={choices.privacy === o.value}
              disabled={!allowed(o.value)}
              aria-describedby={`privacy-${o.value}-hint`}
              onChange={() => onChange({ privacy: o.value })}
            />
            <label htmlFor={`privacy-${o.value}`}>{o.label}</label>
            <span id={`privacy-${o.value}-hint`} className="hint">
              {o.explain}
            </span>
          </div>
        ))}
      </fieldset>
      <div className="field idle">
        <label htmlFor="setting-idle">Lock after idle (minutes)</label>
        <input
          id="setting-idle"
          type="number"
          min={idle.min}
          max={idle.max}
          step={1}
          value={choices.idleMinutes}
          aria-describedby="setting-idle-hint"
          onChange={(e) => onChange({ idleMinutes: e.target.value })}
        />
        <span id="setting-idle-hint" className="hint">
          {policy.maxIdleLockMinutes
            ? `The app hides messages and asks for your password after this many minutes without use. ${ADMIN_SET.replace('.', '')}: at most ${policy.maxIdleLockMinutes} minutes.`
            : 'The app hides messages and asks for your password after this many minutes without use. 0 turns the lock off.'}
        </span>
      </div>
      {children}
      {desktopApp && (
        <>
          <Toggle
            id="setting-start-at-login"
            label="Start at login"
            hint="Opens Practice Messenger in the tray when you sign in to this computer."
            checked={policy.startAtLogin ?? choices.startAtLogin}
            locked={policy.startAtLogin !== undefined}
            onChange={(on) => onChange({ startAtLogin: on })}
          />
          <Toggle
            id="setting-close-to-tray"
            label="Keep running in the tray when the window closes"
            hint="New messages still notify you. Quit from the tray icon's menu."
            checked={policy.closeToTray ?? choices.closeToTray}
            locked={policy.closeToTray !== undefined}
            onChange={(on) => onChange({ closeToTray: on })}
          />
        </>
      )}
    </fieldset>
  );
}

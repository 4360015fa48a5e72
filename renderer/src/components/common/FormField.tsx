// A labeled input in the app's field style, and the alert a form shows when it fails: written once for every gate form.
import type { InputHTMLAttributes } from 'react';

type FormFieldProps = { id: string; label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function FormField({ id, label, ...input }: FormFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}

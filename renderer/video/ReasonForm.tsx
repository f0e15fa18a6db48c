import { useId, useState, type FormEvent } from 'react';

/** Asks for the reason for viewing (an incident reference such as CAD-2026-000123, or free text). */
export function ReasonForm(props: {
  why: string;
  action: string;
  onReason: (reason: string) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length >= 3) props.onReason(text.trim());
  };
  return (
    <form className="reason-form" onSubmit={submit} onClick={(e) => e.stopPropagation()}>
      <p>{props.why}: a reason for viewing is required and will be audited.</p>
      <label htmlFor={id}>Reason for viewing</label>
      <input
        id={id}
        value={text}
        minLength={3}
        maxLength={1000}
        required
        placeholder="Incident reference or reason"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <button type="submit">{props.action}</button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import type { WindowRole } from '../../shared/host/profile';
import { ROLE_NAMES } from '../../shared/host/profile';
import { onGuideRequest } from './guideRequests';
import { guideSeenKey, hasSeenGuide, markGuideSeen, opensAtSignIn, windowStorage } from './guideSeen';
import { guideSteps } from './guideSteps';
import './guide.css';

/** Long enough after the strip appears for screen readers to take the live region's change. */
const ANNOUNCE_DELAY_MS = 400;

interface FirstRunGuideProps {
  role: WindowRole;
  userId: string;
}

/**
 * A short tour of the window's surfaces and keys, in a strip of its own between the status bar
 * and the surfaces: it covers nothing, is not modal and takes no focus when it opens at sign-in
 * (a polite announcement says it is there; it is next in the Tab order after the header). It
 * opens by itself on a user's first sign-in in a window role (never in the wall role, see
 * `opensAtSignIn`), and again on "Show guide" in the user menu, which does move focus to it.
 * Dismissing it (the button, Escape inside it, or Done) is remembered for that user and role.
 */
export function FirstRunGuide({ role, userId }: FirstRunGuideProps) {
  const steps = guideSteps(role);
  const [open, setOpen] = useState(() => opensAtSignIn(role, hasSeenGuide(windowStorage(), userId, role)));
  const [index, setIndex] = useState(0);
  /** The step's announcement, set a moment after it shows (see ANNOUNCE_DELAY_MS). */
  const [announced, setAnnounced] = useState('');
  const regionRef = useRef<HTMLElement>(null);
  /** Where focus came from when it entered the guide: it goes back there on dismissal. */
  const cameFrom = useRef<HTMLElement | null>(null);
  const focusWhenOpen = useRef(false);

  useEffect(
    () =>
      onGuideRequest(() => {
        // Asked for: the operator expects to land in it (unlike at sign-in).
        cameFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setIndex(0);
        setAnnounced('');
        setOpen(true);
        if (regionRef.current) regionRef.current.focus();
        else focusWhenOpen.current = true;
      }),
    [],
  );

  useEffect(() => {
    if (!open || !focusWhenOpen.current) return;
    focusWhenOpen.current = false;
    regionRef.current?.focus();
  }, [open]);

  // A dismissal in another window of the same role (another tab, say) closes this one too.
  useEffect(() => {
    const key = guideSeenKey(userId, role);
    const onStorage = (e: StorageEvent) => {
      if (e.key === key && e.newValue !== null) setOpen(false);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [userId, role]);

  const step = steps[index];
  const message = step
    ? `Guide to the ${ROLE_NAMES[role]} window, step ${index + 1} of ${steps.length}: ${step.title}.`
    : '';
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => setAnnounced(message), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open, message]);

  if (!open || !step) return null;

  const last = index === steps.length - 1;
  const dismiss = () => {
    markGuideSeen(windowStorage(), userId, role, new Date());
    const hadFocus = regionRef.current?.contains(document.activeElement) ?? false;
    setOpen(false);
    setAnnounced('');
    const back = cameFrom.current;
    cameFrom.current = null;
    if (hadFocus && back?.isConnected) back.focus();
  };
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const from = e.relatedTarget;
    if (from instanceof HTMLElement && !e.currentTarget.contains(from)) cameFrom.current = from;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    // Only here: Escape means something else in every surface.
    e.preventDefault();
    e.stopPropagation();
    dismiss();
  };

  return (
    <section
      ref={regionRef}
      className="guide"
      aria-label="First-run guide"
      tabIndex={-1}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announced === message ? message : ''}
      </p>
      <div className="guide__text">
        <p className="guide__title">
          <span className="guide__count">
            Guide {index + 1} of {steps.length}
          </span>{' '}
          <strong>{step.title}</strong>
        </p>
        <p className="guide__body">{step.body}</p>
        {step.keys.length > 0 && (
          <ul className="guide__keys" aria-label="Keys">
            {step.keys.map((key) => (
              <li key={key.keys}>
                <kbd>{key.keys}</kbd> {key.does}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="guide__actions">
        <button
          type="button"
          className="button--quiet"
          aria-disabled={index === 0}
          onClick={() => index > 0 && setIndex(index - 1)}
        >
          Back
        </button>
        {/* One button for Next and Done, so focus stays on it at the last step. */}
        <button type="button" onClick={() => (last ? dismiss() : setIndex(index + 1))}>
          {last ? 'Done' : 'Next'}
        </button>
        <button type="button" className="button--quiet" onClick={dismiss}>
          Dismiss guide
        </button>
      </div>
    </section>
  );
}

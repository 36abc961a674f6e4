import { useEffect, useRef } from 'react';

/** How long a session may sit without user activity before it is locked (UX.md). */
export const IDLE_TIMEOUT_MS = 15 * 60 * 1000;

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const CHECK_EVERY_MS = 15 * 1000;

/**
 * Calls `onIdle` once after `timeoutMs` without keyboard, pointer or scroll activity.
 *
 * Time is measured against the wall clock and checked on an interval and whenever the tab becomes
 * visible again, so a phone that slept with the page open still locks on wake (timers do not run
 * while a device sleeps).
 */
export function useIdleTimer(options: {
  enabled: boolean;
  onIdle: () => void;
  timeoutMs?: number;
}): void {
  const { enabled, timeoutMs = IDLE_TIMEOUT_MS } = options;
  const onIdleRef = useRef(options.onIdle);
  useEffect(() => {
    onIdleRef.current = options.onIdle;
  });

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    let lastActivity = Date.now();
    let fired = false;
    const markActive = () => {
      lastActivity = Date.now();
    };
    const check = () => {
      if (!fired && Date.now() - lastActivity >= timeoutMs) {
        fired = true;
        onIdleRef.current();
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        check();
      }
    };
    ACTIVITY_EVENTS.forEach((name) =>
      window.addEventListener(name, markActive, { passive: true, capture: true }),
    );
    document.addEventListener('visibilitychange', onVisibility);
    const interval = window.setInterval(check, Math.min(CHECK_EVERY_MS, timeoutMs));
    return () => {
      ACTIVITY_EVENTS.forEach((name) =>
        window.removeEventListener(name, markActive, { capture: true }),
      );
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(interval);
    };
  }, [enabled, timeoutMs]);
}

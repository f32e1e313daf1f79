import { useEffect, useState } from 'react';

/**
 * A confirmation carried over a navigation ("École créée" shown on the page
 * of the new school): set before navigating, shown once by the next page.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function useFlash(): string | null {
  const [message] = useState(() => pending);
  // Taken once shown (in an effect: render may run twice in development).
  useEffect(() => {
    if (message !== null && pending === message) pending = null;
  }, [message]);
  return message;
}

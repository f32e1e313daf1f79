import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/** What a text box of a list's filters holds while the user types; the URL follows after a pause. */
export function useDebouncedSearchParam(
  current: string | undefined,
  apply: (value: string | undefined) => void,
): [string, (value: string) => void] {
  const [draft, setDraft] = useState(current ?? '');
  const [settled] = useDebouncedValue(draft.trim(), 300);
  // Read by the typing effect without re-running it: only a new settled text may write the URL.
  const latest = useRef({ current, apply });
  latest.current = { current, apply };
  // Typing → URL (replacing the history entry: one entry per search, not per key).
  useEffect(() => {
    const { current: inUrl, apply: write } = latest.current;
    if (settled !== (inUrl ?? '')) write(settled || undefined);
  }, [settled]);
  // URL → box (back button, shared link).
  useEffect(() => {
    setDraft((text) => (text.trim() === (current ?? '') ? text : (current ?? '')));
  }, [current]);
  return [draft, setDraft];
}

import { type RefObject, useEffect } from 'react';

/**
 * After a failed submit, put the user where the problem is: the first
 * invalid field (its message is linked by aria-describedby), else the first
 * invalid group (roles, radio buttons), else the form's message.
 */
export function focusFirstProblem(container: RefObject<HTMLElement | null>): void {
  const root = container.current;
  const target =
    root?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    root?.querySelector<HTMLElement>(':is([role="group"], [role="radiogroup"])[aria-describedby*="error"] input') ??
    root?.querySelector<HTMLElement>('[role="alert"]');
  target?.focus();
}

/**
 * Focuses the first problem once the render showing `problem` (an error, or
 * the result of a client-side check; a new value per failed submit) is on
 * screen: an effect, because mutation callbacks run before that render.
 */
export function useFocusFirstProblem(container: RefObject<HTMLElement | null>, problem: unknown): void {
  useEffect(() => {
    if (problem) focusFirstProblem(container);
  }, [container, problem]);
}

import { Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

export const APP_NAME = 'Socle';

/** `<title>` of the page: "Journal d'audit — Socle". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — ${APP_NAME}` : APP_NAME;
  }, [title]);
}

/**
 * Every page has exactly one h1, rendered at once (before its data), which
 * takes the focus after a route change so that screen readers announce the
 * new page (see `useFocusOnNavigation`).
 */
export function Page({
  title,
  heading,
  actions,
  children,
}: {
  title: string;
  heading?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} tabIndex={-1} data-page-heading="">
          {heading ?? title}
        </Title>
        {actions}
      </Stack>
      {children}
    </Stack>
  );
}

/** Moves focus to the page heading (after navigation) or to <main> (fallback). */
export function focusPageHeading(attempts = 20): void {
  const heading = document.querySelector<HTMLElement>('main [data-page-heading]');
  if (heading) {
    heading.focus({ preventScroll: false });
    return;
  }
  if (attempts > 0) {
    window.requestAnimationFrame(() => focusPageHeading(attempts - 1));
    return;
  }
  document.getElementById('main')?.focus();
}

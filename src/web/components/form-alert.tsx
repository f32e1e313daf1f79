import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

const styles = { message: { color: '#1a1b1e' }, title: { color: '#1a1b1e' } };

/**
 * A message about a whole form or page: errors interrupt (`alert`, and can
 * take the focus), confirmations wait their turn (`status`).
 */
export function FormAlert({
  kind,
  title,
  children,
}: {
  kind: 'error' | 'success';
  title?: string;
  children: ReactNode;
}) {
  return (
    <Alert
      color={kind === 'error' ? 'red' : 'green'}
      variant="light"
      role={kind === 'error' ? 'alert' : 'status'}
      tabIndex={kind === 'error' ? -1 : undefined}
      title={title}
      styles={styles}
    >
      {children}
    </Alert>
  );
}

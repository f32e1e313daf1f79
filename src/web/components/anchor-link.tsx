import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

/** A Mantine Anchor that is a typed router link (path params checked): `<AnchorLink to="/schools/$id" params={{ id }}>`. */
function MantineAnchor(props: AnchorProps & ComponentPropsWithRef<'a'>) {
  return <Anchor component="a" {...props} />;
}

export const AnchorLink = createLink(MantineAnchor);

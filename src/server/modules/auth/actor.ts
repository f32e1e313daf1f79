import type { Permission } from '../../../shared/permissions.ts';
import { can } from '../../../shared/permissions.ts';
import type { Role } from '../../../shared/roles.ts';
import { SCHOOL_SCOPED_ROLES } from '../../../shared/roles.ts';
import type { ScopeContext } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';

/** The authenticated principal of a request. */
export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'fr' | 'en';
  readonly roles: readonly Role[];
  readonly organisation: { readonly id: string; readonly slug: string; readonly name: string };
  /** Schools the user is attached to. */
  readonly schools: readonly { readonly id: string; readonly uai: string; readonly name: string }[];
  readonly schoolIds: readonly string[];
  readonly via: 'session' | 'token';
  readonly sessionId: string | null;
  readonly tokenId: string | null;
  readonly csrfToken: string | null;
  /** Organisation setting: technicians reach all schools, or only those they are attached to. */
  readonly technicianScope?: 'all' | 'assigned';
}

/**
 * The schools an actor reaches: `all` for organisation-wide roles, the
 * attached schools otherwise. A user holding an organisation-wide role
 * (say manager + teacher) reaches all schools. Technicians: with the
 * organisation setting `technicianScope = assigned`, only their attached
 * schools; otherwise all schools when attached to none, their own when
 * attached to some.
 */
export function schoolScope(actor: Pick<Actor, 'roles' | 'schoolIds' | 'technicianScope'>): 'all' | readonly string[] {
  const orgWide = actor.roles.some((r) => {
    if (r === 'technician') return actor.technicianScope !== 'assigned' && actor.schoolIds.length === 0;
    return !SCHOOL_SCOPED_ROLES.includes(r);
  });
  return orgWide ? 'all' : actor.schoolIds;
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.roles, permission)) throw new AppError('FORBIDDEN', `Missing permission ${permission}`);
}

export function scopeOf(actor: Actor, requestId: string | null): ScopeContext {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    actorKind: actor.via === 'token' ? 'token' : 'user',
    requestId,
  };
}

import type { GroundedServices } from '../services';
import { UserError } from '../shared/errors';

/**
 * Comparing coders shows the other coder's codings, which blind coding exists to hide: while it is on,
 * comparing (and seeding a consensus from two coders) is refused with what to do instead.
 */
export function refuseWhileBlind(services: GroundedServices, what: string): void {
  if (!services.blind.visible.blind) return;
  throw new UserError(
    `Blind coding is on, so ${what} would show other coders' codings. Turn it off first (Grounded: Toggle Blind Coding, or the "Blind" item in the status bar).`,
  );
}

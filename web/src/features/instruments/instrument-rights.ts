import type { Me } from '@web/features/auth/auth.schema';
import type { InstrumentView } from './instruments.schema';

/**
 * What the user may do with instruments, as the server decides it
 * (screening-instruments.service.ts): an organisation's admins (`screening_instrument.manage`)
 * add its own instruments and their versions; a new version of a built-in needs a platform admin
 * (`platform.manage`). The page only hides what the server would refuse.
 */
export interface InstrumentRights {
  manage: boolean;
  platform: boolean;
}

export function instrumentRights(me: Me): InstrumentRights {
  return {
    manage: me.permissions.includes('screening_instrument.manage'),
    platform: me.permissions.includes('platform.manage'),
  };
}

/** May publish a new version of an instrument owned by `owner`. */
export function canPublishVersion(owner: InstrumentView['owner'], rights: InstrumentRights) {
  return owner === 'builtin' ? rights.platform : rights.manage;
}

/** `#/cases/:id/screening`, `…/screening/new` and `…/screening/:sid`. */
export function screeningPath(caseId: string, screeningId?: string): string {
  return `/cases/${caseId}/screening${screeningId ? `/${screeningId}` : ''}`;
}

/** The sub-path that starts a screening (no screening id is ever `new`). */
export const NEW_SCREENING = 'new';

import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveGuard, type DraftForm } from '@web/lib/use-draft';
import { ConfirmModal } from './confirm-modal';
import { ConnectionBanner, useOnline } from './connection-banner';
import { CheckIcon, ClockIcon, WarningIcon } from './icons';

/** The hook and the notice go together: forms import both from here. */
export { useDraft } from '@web/lib/use-draft';

/** Icon and words on one line. */
const LINE = { display: 'flex', alignItems: 'center', gap: 6 } as const;

/**
 * Where a form's draft stands, beside its save button: "Unsaved changes", "Draft saved", the
 * offline banner, a refused save with Try again, or another tab's newer draft with a choice.
 * Also asks before the person leaves while typing is not on the server yet.
 */
export function DraftNotice<T>({ draft }: { draft: DraftForm<T> }) {
  const { t } = useTranslation();
  const online = useOnline();
  useLeaveGuard(t('drafts.leave'));
  const offline = draft.status === 'offline' || (!online && draft.dirty);
  return (
    <div data-testid="draft-notice" data-draft-status={draft.status}>
      <ConnectionBanner show={offline} />
      <div role="status" aria-live="polite" aria-atomic="true">
        {!offline && <Line draft={draft} />}
      </div>
    </div>
  );
}

function Line<T>({ draft }: { draft: DraftForm<T> }) {
  const { t } = useTranslation();
  switch (draft.status) {
    case 'unsaved':
    case 'saving':
      return draft.dirty ? (
        <Text size="sm" style={LINE}>
          <ClockIcon /> {t(draft.status === 'saving' ? 'drafts.saving' : 'drafts.unsaved')}
        </Text>
      ) : null;
    case 'saved':
      return draft.dirty ? (
        <Text size="sm" style={LINE}>
          <CheckIcon /> {t(draft.restored ? 'drafts.restored' : 'drafts.saved')}
        </Text>
      ) : null;
    case 'error':
      return (
        <Group gap="xs">
          <Text size="sm" style={LINE}>
            <WarningIcon /> {t('drafts.error')}
          </Text>
          <Button variant="default" onClick={() => void draft.saveNow()}>
            {t('common.retry')}
          </Button>
        </Group>
      );
    case 'conflict':
      return (
        <Group gap="xs">
          <Text size="sm" style={LINE}>
            <WarningIcon /> {t('drafts.conflict')}
          </Text>
          <Button variant="default" onClick={() => void draft.resolveConflict('theirs')}>
            {t('drafts.useTheirs')}
          </Button>
          <Button variant="default" onClick={() => void draft.resolveConflict('mine')}>
            {t('drafts.keepMine')}
          </Button>
        </Group>
      );
    case 'clean':
    case 'loading':
    case 'offline':
      return null;
  }
}

/**
 * The form's Cancel: closes at once when nothing changed, else asks "Discard your changes?" and,
 * when confirmed, deletes the draft before closing.
 */
export function DiscardButton<T>(props: { draft: DraftForm<T>; onDone: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        variant="default"
        onClick={() => (props.draft.dirty ? setAsking(true) : props.onDone())}
      >
        {t('common.cancel')}
      </Button>
      <ConfirmModal
        opened={asking}
        title={t('drafts.discardTitle')}
        message={t('drafts.discardMessage')}
        confirmLabel={t('drafts.discardConfirm')}
        danger
        onConfirm={() => {
          setAsking(false);
          void props.draft.clear();
          props.onDone();
        }}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}

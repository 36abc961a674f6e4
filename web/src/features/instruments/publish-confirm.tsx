import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import type { usePublish } from './use-publish';

/** "Publish version N?": old screenings keep their version and are never re-scored. */
export function PublishConfirm({ publish }: { publish: ReturnType<typeof usePublish> }) {
  const { t } = useTranslation();
  const doc = publish.pending;
  return (
    <ConfirmModal
      opened={doc !== null}
      title={t('instruments.publish.confirmTitle', {
        title: doc?.title.en ?? '',
        version: doc?.version ?? '',
      })}
      message={t('instruments.publish.confirmMessage')}
      confirmLabel={t('instruments.publish.confirm')}
      busy={publish.busy}
      onConfirm={publish.confirm}
      onCancel={publish.cancel}
    />
  );
}

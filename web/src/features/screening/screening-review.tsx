import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { formatDateTime } from '@web/lib/format';
import { approveScreening, updateScreening } from './screening.api';
import { MAX_STATEMENT, type Screening } from './screening.schema';

/** The caseworker's statement: editable until approval, then read-only. */
function Statement(props: { caseId: string; screening: Screening; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { screening } = props;
  const [text, setText] = useState(screening.statement ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const editable = screening.status === 'complete' && hasPermission(me, 'screening.write');
  if (!editable) {
    return (
      <div data-testid="statement-readonly">
        <Text fw={700}>{t('screening.statement.label')}</Text>
        <Text className="hw-pre">{screening.statement ?? t('screening.statement.none')}</Text>
        {screening.status === 'approved' && <Text size="sm">{t('screening.statement.final')}</Text>}
      </div>
    );
  }
  const handleSave = async () => {
    setBusy(true);
    try {
      const body = { statement: text.trim() === '' ? null : text, version: screening.version };
      await updateScreening(props.caseId, screening.id, body);
      setStatus({ tone: 'success', message: t('screening.statement.saved') });
      props.onSaved();
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Textarea
        label={t('screening.statement.label')}
        description={t('screening.statement.help')}
        autosize
        minRows={4}
        maxLength={MAX_STATEMENT}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <Group>
        <Button variant="default" onClick={() => void handleSave()} loading={busy}>
          {t('screening.statement.save')}
        </Button>
      </Group>
      <StatusMessage status={status} />
    </Stack>
  );
}

function Approval(props: { caseId: string; screening: Screening; onApproved: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const { screening } = props;
  if (screening.status === 'approved') {
    return (
      <Text data-testid="approved-note">
        {t('screening.approval.approvedAt', {
          date: formatDateTime(screening.approvedAt, i18n.language),
        })}
      </Text>
    );
  }
  if (!hasPermission(me, 'screening.approve')) {
    return <Text size="sm">{t('screening.approval.waiting')}</Text>;
  }
  const handleApprove = async () => {
    setBusy(true);
    try {
      await approveScreening(props.caseId, screening.id);
      setConfirming(false);
      props.onApproved();
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => setConfirming(true)}>{t('screening.approval.approve')}</Button>
      </Group>
      <StatusMessage status={status} />
      <ConfirmModal
        opened={confirming}
        title={t('screening.approval.confirmTitle')}
        message={t('screening.approval.confirmMessage')}
        confirmLabel={t('screening.approval.approve')}
        busy={busy}
        onConfirm={() => void handleApprove()}
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  );
}

/** After the result: the statement, a supervisor's approval, and who approved it when. */
export function ScreeningReview(props: {
  caseId: string;
  screening: Screening;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-heading">
      <Stack gap="md">
        <Title order={2} className="hw-h2" id="review-heading">
          {t('screening.approval.title')}
        </Title>
        <Statement caseId={props.caseId} screening={props.screening} onSaved={props.onChanged} />
        <Approval caseId={props.caseId} screening={props.screening} onApproved={props.onChanged} />
      </Stack>
    </Paper>
  );
}

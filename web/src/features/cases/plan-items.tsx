import {
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage, type Status } from '@web/components/status-message';
import { errorMessage } from '@web/lib/errors';
import { formatDate } from '@web/lib/format';
import { createPlanItem, updatePlanItem } from './cases.api';
import { HIDDEN } from './case-ui';
import {
  DOMAINS,
  PLAN_STATUSES,
  type Domain,
  type PlanItem,
  type PlanStatus,
} from './cases.schema';

export function PlanTable(props: {
  caseId: string;
  items: PlanItem[];
  canUpdate: boolean;
  onChanged: (item: PlanItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const columns = {
    domain: t('assessment.domain'),
    action: t('assessment.action'),
    due: t('assessment.dueOn'),
    status: t('assessment.planStatus'),
  };
  const handleStatus = async (item: PlanItem, value: PlanStatus) => {
    try {
      const saved = await updatePlanItem(props.caseId, item.id, { status: value });
      props.onChanged(saved);
      setStatus(null);
    } catch (error: unknown) {
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    }
  };
  if (props.items.length === 0) {
    return <Text>{t('assessment.planEmpty')}</Text>;
  }
  return (
    <>
      <StatusMessage status={status} />
      <Table className="hw-stack-table" verticalSpacing="sm" data-testid="plan-table">
        <Table.Thead>
          <Table.Tr>
            {Object.values(columns).map((label) => (
              <Table.Th key={label} scope="col">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td data-label={columns.domain}>
                {t(`assessment.domains.${item.domain}`)}
              </Table.Td>
              <Table.Td data-label={columns.action} className="hw-break">
                {item.action ?? HIDDEN}
              </Table.Td>
              <Table.Td data-label={columns.due}>{formatDate(item.dueOn, i18n.language)}</Table.Td>
              <Table.Td data-label={columns.status}>
                {props.canUpdate ? (
                  <NativeSelect
                    aria-label={t('assessment.planStatusFor', { action: item.action })}
                    value={item.status}
                    onChange={(event) =>
                      void handleStatus(item, event.currentTarget.value as PlanStatus)
                    }
                    data={PLAN_STATUSES.map((value) => ({
                      value,
                      label: t(`assessment.planStatuses.${value}`),
                    }))}
                  />
                ) : (
                  t(`assessment.planStatuses.${item.status}`)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

export function AddPlanItem(props: { caseId: string; onAdded: (item: PlanItem) => void }) {
  const { t } = useTranslation();
  const [domain, setDomain] = useState<Domain>('safety');
  const [action, setAction] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!action.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const item = await createPlanItem(props.caseId, {
        domain,
        action: action.trim(),
        dueOn: dueOn || undefined,
      });
      props.onAdded(item);
      setAction('');
      setDueOn('');
      setStatus({ tone: 'success', message: t('assessment.planAdded') });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('assessment.domain')}
            value={domain}
            onChange={(event) => setDomain(event.currentTarget.value as Domain)}
            data={DOMAINS.map((value) => ({ value, label: t(`assessment.domains.${value}`) }))}
          />
          <TextInput
            label={t('assessment.action')}
            value={action}
            onChange={(event) => setAction(event.currentTarget.value)}
            error={error}
          />
          <TextInput
            label={t('assessment.dueOn')}
            type="date"
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
          />
        </SimpleGrid>
        <StatusMessage status={status} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('assessment.addPlanItem')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

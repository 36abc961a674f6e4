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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanItemCreateSchema } from '@/domain/cases/case-assessment.schema.ts';
import { DraftNotice } from '@web/components/draft-notice';
import { StatusMessage, type Status } from '@web/components/status-message';
import { errorMessage } from '@web/lib/errors';
import { formatDate } from '@web/lib/format';
import { useAddItemForm } from '@web/lib/use-add-item-form';
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

const EMPTY_PLAN_ITEM: { domain: Domain; action: string; dueOn: string } = {
  domain: 'safety',
  action: '',
  dueOn: '',
};

export function AddPlanItem(props: { caseId: string; onAdded: (item: PlanItem) => void }) {
  const { t } = useTranslation();
  const form = useAddItemForm({
    formKey: `case:${props.caseId}:plan`,
    initial: EMPTY_PLAN_ITEM,
    schema: PlanItemCreateSchema,
    toBody: (values) => ({ ...values, dueOn: values.dueOn || undefined }),
    send: (body) => createPlanItem(props.caseId, body),
    onAdded: props.onAdded,
    addedMessage: t('assessment.planAdded'),
  });

  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="add-plan-item">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('assessment.domain')}
            value={form.values.domain}
            onChange={(event) => form.change('domain', event.currentTarget.value as Domain)}
            data={DOMAINS.map((value) => ({ value, label: t(`assessment.domains.${value}`) }))}
            error={form.errors.domain}
          />
          <TextInput
            label={t('assessment.action')}
            value={form.values.action}
            onChange={(event) => form.change('action', event.currentTarget.value)}
            error={form.errors.action}
          />
          <TextInput
            label={t('assessment.dueOn')}
            type="date"
            value={form.values.dueOn}
            onChange={(event) => form.change('dueOn', event.currentTarget.value)}
            error={form.errors.dueOn}
          />
        </SimpleGrid>
        <DraftNotice draft={form.draft} />
        <StatusMessage status={form.status} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('assessment.addPlanItem')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

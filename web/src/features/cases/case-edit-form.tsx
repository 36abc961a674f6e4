import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { followScripts } from '@/domain/cases/name-script.schema.ts';
import { DiscardButton, DraftNotice } from '@web/components/draft-notice';
import { WarningIcon } from '@web/components/icons';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import type { FieldErrors } from '@web/lib/errors';
import { useDraft } from '@web/lib/use-draft';
import {
  CASE_STATUSES,
  EXIT_METHODS,
  RECRUITMENT_CHANNELS,
  RISK_LEVELS,
  type Case,
} from './cases.schema';
import { todayIso } from './case-ui';
import {
  serverProblems,
  toEditForm,
  toUpdate,
  type EditForm,
  type EditProblem,
} from './case-edit-model';
import { EditAssigneeFields } from './edit-assignee-fields';
import { EditLanguageFields } from './edit-language-fields';
import { EditNameFields } from './edit-name-fields';
import { EditSensitiveFields } from './edit-sensitive-fields';
import { PersonFields } from './person-fields';
import { useCaseSave } from './use-case-save';

export function ConflictAlert(props: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<WarningIcon />} role="alert" data-testid="version-conflict">
      <Text mb="sm">{t('cases.conflict')}</Text>
      <Button variant="default" onClick={props.onReload}>
        {t('cases.reload')}
      </Button>
    </Alert>
  );
}

function problemMessage(problem: EditProblem, t: TFunction): string {
  switch (problem.kind) {
    case 'dateOrder':
      return t('cases.edit.exitBeforeRecruitment');
    case 'invalid':
      if (problem.code === 'too_big' && problem.maximum !== undefined) {
        return t('validation.tooLong', { count: problem.maximum });
      }
      return problem.code === 'too_small' ? t('validation.required') : t('validation.invalid');
  }
}

function toFieldErrors(problems: EditProblem[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    errors[problem.field] ??= problemMessage(problem, t);
  }
  return errors;
}

type Change = (update: Partial<EditForm>) => void;

function AboutFields(props: { form: EditForm; errors: FieldErrors; onChange: Change }) {
  const { t } = useTranslation();
  const { form, errors, onChange } = props;
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.edit.aboutLegend')}</legend>
      <Stack gap="sm">
        <PersonFields values={form} errors={errors} onChange={onChange} layout="grid" />
        <EditLanguageFields
          languages={form.languages}
          error={errors.languages}
          onChange={(languages) => onChange({ languages })}
        />
      </Stack>
    </fieldset>
  );
}

function JourneyFields(props: { form: EditForm; errors: FieldErrors; onChange: Change }) {
  const { t } = useTranslation();
  const { form, errors, onChange } = props;
  const notRecorded = { value: '', label: t('cases.notRecorded') };
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.edit.journeyLegend')}</legend>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('cases.fields.recruitmentChannel')}
          value={form.recruitmentChannel}
          onChange={(event) => onChange({ recruitmentChannel: event.currentTarget.value })}
          data={[
            notRecorded,
            ...RECRUITMENT_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`cases.recruitmentChannels.${channel}`),
            })),
          ]}
          error={errors.recruitmentChannel}
        />
        <TextInput
          label={t('cases.fields.recruitmentDate')}
          type="date"
          max={todayIso()}
          value={form.recruitmentDate}
          onChange={(event) => onChange({ recruitmentDate: event.currentTarget.value })}
          error={errors.recruitmentDate}
        />
        <TextInput
          label={t('cases.fields.exitDate')}
          type="date"
          max={todayIso()}
          value={form.exitDate}
          onChange={(event) => onChange({ exitDate: event.currentTarget.value })}
          error={errors.exitDate}
        />
        <NativeSelect
          label={t('cases.fields.exitMethod')}
          value={form.exitMethod}
          onChange={(event) => onChange({ exitMethod: event.currentTarget.value })}
          data={[
            notRecorded,
            ...EXIT_METHODS.map((method) => ({
              value: method,
              label: t(`cases.exitMethods.${method}`),
            })),
          ]}
          error={errors.exitMethod}
        />
      </SimpleGrid>
    </fieldset>
  );
}

function CaseFields(props: {
  record: Case;
  form: EditForm;
  errors: FieldErrors;
  canAssign: boolean;
  onChange: Change;
}) {
  const { t } = useTranslation();
  const { form, errors, onChange } = props;
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.edit.caseLegend')}</legend>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('cases.fields.risk')}
            value={form.riskLevel}
            onChange={(event) => onChange({ riskLevel: event.currentTarget.value })}
            data={RISK_LEVELS.map((level) => ({
              value: level,
              label: t(`cases.riskLevels.${level}`),
            }))}
          />
          <NativeSelect
            label={t('cases.fields.status')}
            value={form.status}
            onChange={(event) => onChange({ status: event.currentTarget.value })}
            data={CASE_STATUSES.map((status) => ({
              value: status,
              label: t(`cases.statuses.${status}`),
            }))}
          />
        </SimpleGrid>
        {props.canAssign && (
          <EditAssigneeFields
            record={props.record}
            value={form.assigneeIds}
            error={errors.assigneeIds}
            onChange={(assigneeIds) => onChange({ assigneeIds })}
          />
        )}
      </Stack>
    </fieldset>
  );
}

/**
 * Edits the person's record: names, details, languages, recruitment and exit, risk, status,
 * assignment (supervisors and admins) and, for roles that see them, the sensitive fields. Only
 * what changed is sent, with the version it was based on (see useCaseSave).
 */
export function EditDetails(props: {
  record: Case;
  onSaved: (saved: Case) => void;
  onReload: () => Promise<void>;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const initial = useMemo(
    () => toEditForm(props.record, i18n.language),
    [props.record, i18n.language],
  );
  const draft = useDraft(`case:${props.record.id}:edit`, initial);
  const form = draft.values;
  const saver = useCaseSave(props.record, props.onSaved);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [localStatus, setLocalStatus] = useState<Status | null>(null);
  const change = (update: Partial<EditForm>) => draft.setValues(update);
  const options = {
    canAssign: hasPermission(me, 'case.assign'),
    sensitive: props.record.sensitive !== null,
    locale: i18n.language,
  };
  const errors: FieldErrors = {
    ...serverProblems(saver.issues, form, t('validation.server')),
    ...localErrors,
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { update, problems } = toUpdate(form, props.record, options);
    setLocalErrors(toFieldErrors(problems, t));
    if (problems.length > 0) {
      setLocalStatus({ tone: 'error', message: t('cases.edit.fixErrors') });
      return;
    }
    setLocalStatus(null);
    if (Object.keys(update).length === 0 || (await saver.save(update))) {
      void draft.clear();
      props.onDone();
    }
  };

  const handleReload = async () => {
    await props.onReload();
    saver.clearConflict();
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="case-edit-form">
      <Stack gap="lg">
        {saver.conflict && <ConflictAlert onReload={() => void handleReload()} />}
        <EditNameFields
          names={form.names}
          errors={errors}
          onChange={(names) => change({ names: followScripts(form.names, names) })}
        />
        <AboutFields form={form} errors={errors} onChange={change} />
        <JourneyFields form={form} errors={errors} onChange={change} />
        <CaseFields
          record={props.record}
          form={form}
          errors={errors}
          canAssign={options.canAssign}
          onChange={change}
        />
        {options.sensitive && <EditSensitiveFields form={form} errors={errors} onChange={change} />}
        <StatusMessage status={localStatus ?? saver.status} testId="case-edit-status" />
        <Group gap="sm">
          <Button type="submit" loading={saver.busy}>
            {t('common.save')}
          </Button>
          <DiscardButton draft={draft} onDone={props.onDone} />
        </Group>
        <DraftNotice draft={draft} />
      </Stack>
    </form>
  );
}

import { Button, Collapse, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '@/domain/cases/display-name.ts';
import { hasPermission, useMe } from '@web/features/auth/session';
import { formatDate, formatDateTime, formatYear } from '@web/lib/format';
import { useNameFonts } from '@web/lib/script-fonts';
import { type Case } from './cases.schema';
import { languageName, scriptName } from './case-ui';
import { countryName } from './countries';
import { EditDetails } from './case-edit-form';
import { RiskFactors } from './risk-factors';

/** "Someone else changed this record": Reload keeps what the user typed (see useCaseSave). */

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? t('common.none') : children}</dd>
    </>
  );
}

function Details({ record }: { record: Case }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const countries = (codes: string[]) => codes.map((code) => countryName(code, lang)).join(', ');
  useNameFonts(record.identities.flatMap((identity) => [identity.given, identity.family]));
  return (
    <dl className="hw-facts" data-testid="case-details">
      {record.identities.map((identity, index) => (
        <Fact
          key={index}
          label={t(`cases.nameKinds.${identity.kind}`, { defaultValue: identity.kind })}
        >
          <span className="hw-name">
            {displayName(identity.given, identity.family, identity.script)}
          </span>
          {identity.script && (
            <Text span size="sm" c="dimmed">
              {' '}
              ({scriptName(identity.script, lang, t('cases.scriptOther'))})
            </Text>
          )}
        </Fact>
      ))}
      <Fact label={t('cases.fields.sex')}>
        {record.sex ? t(`cases.sexes.${record.sex}`, { defaultValue: record.sex }) : ''}
      </Fact>
      {/* The year carries its era (พ.ศ. 2533), so the label does not name the Gregorian one. */}
      <Fact label={t('cases.fields.birthYearShown')}>{formatYear(record.birthYear, lang)}</Fact>
      <Fact label={t('cases.fields.estimatedAge')}>{record.estimatedAge ?? ''}</Fact>
      {record.possibleMinor && (
        <Fact label={t('cases.fields.possibleMinor')}>{t('cases.possibleMinorYes')}</Fact>
      )}
      <Fact label={t('cases.fields.nationality')}>{countryName(record.nationality, lang)}</Fact>
      <Fact label={t('cases.fields.languages')}>
        {record.languages.map((tag) => languageName(tag, lang)).join(', ')}
      </Fact>
      <Fact label={t('cases.fields.originCountry')}>{countryName(record.originCountry, lang)}</Fact>
      <Fact label={t('cases.fields.exploitationCountries')}>
        {countries(record.exploitationCountries)}
      </Fact>
      <Fact label={t('cases.fields.stage')}>
        {record.stage ? t(`cases.stages.${record.stage}`) : ''}
      </Fact>
      {record.riskLevel !== 'unknown' && (
        <Fact label={t('riskReview.overallRisk')}>
          {t(`cases.riskLevels.${record.riskLevel}`, { defaultValue: record.riskLevel })}
        </Fact>
      )}
      <Fact label={t('cases.fields.recruitmentChannel')}>
        {record.recruitmentChannel
          ? t(`cases.recruitmentChannels.${record.recruitmentChannel}`, {
              defaultValue: record.recruitmentChannel,
            })
          : ''}
      </Fact>
      <Fact label={t('cases.fields.recruitmentDate')}>
        {formatDate(record.recruitmentDate, lang)}
      </Fact>
      <Fact label={t('cases.fields.exitDate')}>{formatDate(record.exitDate, lang)}</Fact>
      <Fact label={t('cases.fields.exitMethod')}>
        {record.exitMethod
          ? t(`cases.exitMethods.${record.exitMethod}`, { defaultValue: record.exitMethod })
          : ''}
      </Fact>
      <Fact label={t('cases.fields.assignees')}>
        {record.assignees.map((assignee) => assignee.displayName).join(', ')}
      </Fact>
      <Fact label={t('cases.fields.updatedAt')}>{formatDateTime(record.updatedAt, lang)}</Fact>
    </dl>
  );
}

function SensitiveDetails({ record }: { record: Case }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  const sensitive = record.sensitive;
  if (!sensitive) {
    return (
      <Text size="sm" c="dimmed">
        {t('cases.sensitive.notAllowed')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Group>
        <Button
          variant="default"
          onClick={() => setShown((value) => !value)}
          aria-expanded={shown}
          aria-controls="sensitive-details"
        >
          {shown ? t('cases.sensitive.hide') : t('cases.sensitive.show')}
        </Button>
      </Group>
      <Collapse expanded={shown} id="sensitive-details">
        {shown && (
          <dl className="hw-facts" data-testid="sensitive-details">
            <Fact label={t('cases.fields.contacts')}>
              {sensitive.contacts.length > 0 && (
                <List spacing={2}>
                  {sensitive.contacts.map((contact, index) => (
                    <List.Item key={index}>
                      {t(`cases.contactKinds.${contact.kind}`)}: {contact.value}
                    </List.Item>
                  ))}
                </List>
              )}
            </Fact>
            <Fact label={t('cases.fields.documents')}>
              {sensitive.documents
                .map(
                  (document) =>
                    `${t(`cases.documentTypes.${document.type}`)} ${document.number}` +
                    (document.issuingCountry
                      ? ` (${countryName(document.issuingCountry, i18n.language)})`
                      : ''),
                )
                .join(', ')}
            </Fact>
            <Fact label={t('cases.fields.currentLocation')}>{sensitive.currentLocation ?? ''}</Fact>
            <Fact label={t('cases.fields.narrative')}>
              {sensitive.narrative && <span className="hw-pre">{sensitive.narrative}</span>}
            </Fact>
            <Fact label={t('cases.fields.health')}>
              {sensitive.health && <span className="hw-pre">{sensitive.health}</span>}
            </Fact>
            <Fact label={t('cases.fields.exploitationDetails')}>
              {sensitive.exploitationDetails && (
                <span className="hw-pre">{sensitive.exploitationDetails}</span>
              )}
            </Fact>
          </dl>
        )}
      </Collapse>
    </Stack>
  );
}

export function CaseOverviewTab(props: {
  record: Case;
  onSaved: (saved: Case) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const canUpdate = hasPermission(me, 'case.update');
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEdit = useRef(false);

  useEffect(() => {
    // Back from the form: keyboard focus returns to the button that opened it.
    if (!editing && focusEdit.current) {
      focusEdit.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const handleDone = () => {
    focusEdit.current = true;
    setEditing(false);
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="details-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} className="hw-h2" id="details-heading" mb={0}>
            {t('cases.details')}
          </Title>
          {canUpdate && !editing && (
            <Button
              ref={editButton}
              variant="default"
              onClick={() => setEditing(true)}
              className="hw-no-print"
              data-testid="edit-details"
            >
              {t('cases.editDetails')}
            </Button>
          )}
        </Group>
        {editing ? (
          <EditDetails
            record={props.record}
            onSaved={props.onSaved}
            onReload={props.onReload}
            onDone={handleDone}
          />
        ) : (
          <Details record={props.record} />
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sensitive-heading">
        <Title order={2} className="hw-h2" id="sensitive-heading">
          {t('cases.sensitive.title')}
        </Title>
        <SensitiveDetails record={props.record} />
      </Paper>
      <RiskFactors
        record={props.record}
        canUpdate={canUpdate}
        onSaved={props.onSaved}
        onReload={props.onReload}
      />
    </Stack>
  );
}

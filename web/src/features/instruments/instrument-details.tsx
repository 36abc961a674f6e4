import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { InfoIcon, WarningIcon } from '@web/components/icons';
import {
  groupIndicators,
  type DisplayDetails,
  type DisplayIndicator,
  type DisplayInstrument,
} from './instrument-display';
import type { Element, Provenance } from './instruments.schema';

/** A provenance as a mark: a project convention or a secondary source is said in words. */
export function ProvenanceMark({ provenance }: { provenance: Provenance }) {
  const { t } = useTranslation();
  const color = provenance === 'source' ? 'green.9' : 'orange.9';
  return (
    <Badge variant="outline" color={color} radius="sm" tt="none">
      {t(`instruments.provenance.${provenance}`)}
    </Badge>
  );
}

export function VerifiedMark({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={verified ? 'green.9' : 'red.9'} radius="sm" tt="none">
      {verified ? t('instruments.marks.verified') : t('instruments.marks.unverified')}
    </Badge>
  );
}

/** Whether the instrument was checked, its rule, and every caveat: shown with every version. */
function Caveats({ instrument }: { instrument: DisplayInstrument }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={instrument.verified ? 'indigo' : 'orange'}
      icon={instrument.verified ? <InfoIcon /> : <WarningIcon />}
      title={
        instrument.verified ? t('instruments.view.verified') : t('instruments.view.unverified')
      }
      data-testid="instrument-caveats"
    >
      {instrument.caveats.length > 0 ? (
        <ul className="hw-instrument-caveats">
          {instrument.caveats.map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      ) : (
        <Text size="sm">{t('instruments.view.noCaveats')}</Text>
      )}
    </Alert>
  );
}

function Sources({ details }: { details: DisplayDetails }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="instrument-sources">
      <Title order={2} size="h3" id="instrument-sources" mb="xs">
        {t('instruments.view.sources')}
      </Title>
      <ul className="hw-instrument-sources">
        {details.sources.map((source) => (
          <li key={source.key}>
            <Text span fw={600}>
              {source.key}
            </Text>{' '}
            {source.url ? <a href={source.url}>{source.citation}</a> : source.citation}{' '}
            <Badge variant="outline" color="gray.8" radius="sm" tt="none">
              {t(`instruments.sourceStatus.${source.status}`)}
            </Badge>
          </li>
        ))}
      </ul>
      <Text size="sm" c="dimmed">
        {details.licence}
      </Text>
    </section>
  );
}

/** The rule in words, with where it comes from (and the elements', where the project set them). */
function Rule({ instrument }: { instrument: DisplayInstrument }) {
  const { t } = useTranslation();
  const details = instrument.details;
  return (
    <section aria-labelledby="instrument-rule">
      <Title order={2} size="h3" id="instrument-rule" mb="xs">
        {t('instruments.view.rule')}
      </Title>
      <Text mb="xs">{instrument.ruleSummary}</Text>
      {details ? (
        <dl className="hw-facts">
          <dt>{t('instruments.view.ruleProvenance')}</dt>
          <dd>
            <ProvenanceMark provenance={details.ruleProvenance} />
          </dd>
          {details.elementsProvenance && (
            <>
              <dt>{t('instruments.view.elementsProvenance')}</dt>
              <dd>
                <ProvenanceMark provenance={details.elementsProvenance} />
              </dd>
            </>
          )}
        </dl>
      ) : (
        <Text size="sm" c="dimmed">
          {t('instruments.view.detailsUnknown')}
        </Text>
      )}
    </section>
  );
}

function IndicatorItem({ indicator }: { indicator: DisplayIndicator }) {
  const { t } = useTranslation();
  return (
    <li className="hw-instrument-indicator" data-testid="instrument-indicator">
      <Group gap="xs" mb={4}>
        <Text span fw={700} className="hw-code">
          {indicator.id}
        </Text>
        <Badge variant="outline" color="indigo.9" radius="sm" tt="none">
          {t(`instruments.strength.${indicator.strength}`)}
        </Badge>
        <Badge variant="outline" color="gray.8" radius="sm" tt="none">
          {t(`instruments.appliesTo.${indicator.appliesTo}`)}
        </Badge>
        {indicator.basis && indicator.basis.provenance !== 'source' && (
          <ProvenanceMark provenance={indicator.basis.provenance} />
        )}
        {indicator.basis && !indicator.basis.verified && <VerifiedMark verified={false} />}
      </Group>
      <Text fw={600}>{indicator.question}</Text>
      <Text size="sm">{indicator.help}</Text>
      {indicator.sources && (
        <Text size="sm" c="dimmed">
          {t('instruments.view.source')}: {indicator.sources.join(', ')}
        </Text>
      )}
    </li>
  );
}

function groupTitle(
  group: { key: string; by: 'element' | 'dimension' },
  details: DisplayDetails | null,
  t: TFunction,
): string {
  if (group.by === 'element') {
    return group.key === ''
      ? t('instruments.view.noElement')
      : t(`instruments.elements.${group.key as Element}`);
  }
  return details?.dimensions[group.key] ?? group.key.replace(/_/g, ' ');
}

function Indicators({ instrument }: { instrument: DisplayInstrument }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="instrument-indicators">
      <Title order={2} size="h3" id="instrument-indicators" mb="xs">
        {t('instruments.view.indicators', { count: instrument.indicators.length })}
      </Title>
      <Stack gap="md">
        {groupIndicators(instrument.indicators).map((group) => (
          <div key={group.key}>
            <Title order={3} size="h4" mb="xs">
              {groupTitle(group, instrument.details, t)}
            </Title>
            <ul className="hw-instrument-indicators">
              {group.items.map((indicator) => (
                <IndicatorItem key={indicator.id} indicator={indicator} />
              ))}
            </ul>
          </div>
        ))}
      </Stack>
    </section>
  );
}

/** One instrument version: its marks, rule, sources and indicators, in one language. */
export function InstrumentDetails({ instrument }: { instrument: DisplayInstrument }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="instrument-details">
      <Paper withBorder p="md" radius="md">
        <dl className="hw-facts">
          <dt>{t('instruments.view.version')}</dt>
          <dd data-testid="instrument-version">{instrument.version}</dd>
          <dt>{t('instruments.view.kind')}</dt>
          <dd>{t(`instruments.kinds.${instrument.kind}`)}</dd>
          <dt>{t('instruments.view.owner')}</dt>
          <dd>{t(`instruments.owner.${instrument.owner}`)}</dd>
          <dt>{t('instruments.view.checked')}</dt>
          <dd>
            <VerifiedMark verified={instrument.verified} />
          </dd>
        </dl>
        {instrument.details?.description && <Text mt="sm">{instrument.details.description}</Text>}
      </Paper>
      <Caveats instrument={instrument} />
      <Rule instrument={instrument} />
      {instrument.details && <Sources details={instrument.details} />}
      <Indicators instrument={instrument} />
    </Stack>
  );
}

import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, ClockIcon, InfoIcon, ShieldIcon, WarningIcon } from '@web/components/icons';
import { formatDateTime } from '@web/lib/format';
import { href } from '@web/lib/router';
import { availabilityLabel, countryList, kindLabel, languageList } from './directory-labels';
import type { Availability, Contact, StaffService } from './directory.schema';
import './directory.css';

const AVAILABILITY_ICONS = {
  available: <CheckIcon />,
  limited: <ClockIcon />,
  full: <WarningIcon />,
} as const satisfies Record<Availability, unknown>;

/** Availability in words with an icon (never colour alone), and how fresh it is. */
export function AvailabilityText(props: { value: Availability; updatedAt: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" data-testid="directory-availability" data-value={props.value}>
      {AVAILABILITY_ICONS[props.value]}
      <Text size="sm">
        {t('directory.availabilityAsOf', {
          availability: availabilityLabel(props.value, t),
          when: formatDateTime(props.updatedAt, i18n.language),
        })}
      </Text>
    </Group>
  );
}

/** The organisation's name with its verification: an unverified organisation is marked. */
export function OrganisationName(props: { name: string; verified: boolean; external?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {props.name}
      </Text>
      <Group gap={4} wrap="nowrap" data-testid="directory-verified" data-verified={props.verified}>
        {props.verified ? <ShieldIcon /> : <InfoIcon />}
        <Text size="sm">
          {props.verified ? t('directory.verified') : t('directory.unverified')}
        </Text>
      </Group>
      {props.external && <Text size="sm">{t('directory.external')}</Text>}
    </Group>
  );
}

/** Ways to make contact, as links a phone can follow. */
export function ContactLinks({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {contact.phone && (
        <Anchor
          href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}
          className="hw-touch-link hw-directory-break"
        >
          {t('directory.call', { phone: contact.phone })}
        </Anchor>
      )}
      {contact.email && (
        <Anchor href={`mailto:${contact.email}`} className="hw-touch-link hw-directory-break">
          {contact.email}
        </Anchor>
      )}
      {contact.web && (
        <Anchor
          href={contact.web}
          target="_blank"
          rel="noreferrer"
          className="hw-touch-link hw-directory-break"
        >
          {contact.web}
        </Anchor>
      )}
      {(contact.messaging ?? []).map((m) => (
        <Text size="sm" key={`${m.app}:${m.handle}`}>
          {t('directory.messaging', { app: m.app, handle: m.handle })}
        </Text>
      ))}
    </Stack>
  );
}

/** One service in the search results. */
export function ServiceCard({ service }: { service: StaffService }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="directory-service">
      <Stack gap={6}>
        <Text size="sm">{kindLabel(service.service, t)}</Text>
        <Title order={2} size="h4">
          <Anchor
            href={href(`/directory/services/${service.id}`)}
            className="hw-touch-link hw-directory-break"
          >
            {service.name}
          </Anchor>
        </Title>
        <OrganisationName {...service.organisation} />
        <Text size="sm">
          {t('directory.serves', {
            countries: countryList(service.countries, i18n.language),
            regions: service.regions.join(', ') || t('directory.wholeCountry'),
          })}
        </Text>
        <Text size="sm">
          {t('directory.languagesLine', {
            languages: languageList(service.languages, i18n.language),
          })}
        </Text>
        <AvailabilityText value={service.availability} updatedAt={service.availabilityUpdatedAt} />
        {!service.public && <Text size="sm">{t('directory.internal')}</Text>}
        <ContactLinks contact={service.contact} />
      </Stack>
    </Paper>
  );
}

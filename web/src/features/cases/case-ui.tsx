import { Badge, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { displayName } from '@/domain/cases/display-name.ts';
import { CheckIcon, ClockIcon, InfoIcon, ShieldIcon, WarningIcon } from '@web/components/icons';
import { useMe, useSession } from '@web/features/auth/session';
import { yearInputIsBuddhist } from '@web/lib/format';
import { countryOptions, isCountry, otherCountryOptions } from './countries';
import type { Case, CaseSummary, RetraffickingLevel } from './cases.schema';

type Level = 'unknown' | 'not_assessed' | 'none' | 'low' | 'medium' | 'high' | 'urgent';

const LEVEL_LOOK: Record<Level, { color: string; icon: ReactNode }> = {
  unknown: { color: 'gray', icon: <InfoIcon /> },
  not_assessed: { color: 'gray', icon: <InfoIcon /> },
  none: { color: 'green', icon: <CheckIcon /> },
  low: { color: 'green', icon: <InfoIcon /> },
  medium: { color: 'yellow', icon: <WarningIcon /> },
  high: { color: 'red', icon: <WarningIcon /> },
  urgent: { color: 'red', icon: <WarningIcon /> },
};

/** A level shown with words and an icon; the colour only repeats what the text says. */
export function LevelBadge(props: { level: string; label: string; testId?: string }) {
  const look = LEVEL_LOOK[props.level as Level] ?? LEVEL_LOOK.unknown;
  return (
    <Badge
      color={look.color}
      variant="light"
      leftSection={look.icon}
      className="hw-badge-wrap"
      data-level={props.level}
      data-testid={props.testId}
    >
      {props.label}
    </Badge>
  );
}

export function RiskBadge({ level }: { level: string }) {
  const { t } = useTranslation();
  return (
    <LevelBadge
      level={level}
      label={t('cases.riskLabel', {
        level: t(`cases.riskLevels.${level}`, { defaultValue: level }),
      })}
      testId="risk-badge"
    />
  );
}

export function RetraffickingBadge({ level }: { level: RetraffickingLevel }) {
  const { t } = useTranslation();
  return (
    <LevelBadge
      level={level}
      label={t('cases.retraffickingLabel', {
        level: t(`cases.retraffickingLevels.${level}`, { defaultValue: level }),
      })}
      testId="retrafficking-badge"
    />
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'open' ? 'indigo' : 'gray'}
      variant="outline"
      leftSection={status === 'open' ? <ShieldIcon /> : <CheckIcon />}
    >
      {t(`cases.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** "Overdue" in words and with an icon, never by colour alone. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" leftSection={<ClockIcon />} data-testid="overdue">
      {t('tasks.overdue')}
    </Badge>
  );
}

/** Shown in place of a sensitive text the server withheld from the caller's role (null). */
export const HIDDEN = '—';

/** Initials of a name as entered ("Somchai Jaidee" → "S. J."), for lists with names hidden. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/u).filter(Boolean);
  if (parts.length === 0) {
    return '—';
  }
  return parts.map((part) => `${Array.from(part)[0] ?? ''}.`).join(' ');
}

/** The name to show in a list: as entered, or only initials when names are hidden. */
export function shownName(item: CaseSummary, hide: boolean): string {
  return hide ? initials(item.displayName) : item.displayName;
}

/**
 * The "Hide names" choice (UX.md): a preference of the user kept on the server, so it follows
 * them to every device, survives logout and leaves nothing in the browser's storage.
 */
export function useHideNames(userId?: string): [boolean, (hide: boolean) => void] {
  const me = useMe();
  if (userId !== undefined && userId !== me.user.id) {
    throw new Error('useHideNames is the signed-in user’s preference');
  }
  const { updatePreferences } = useSession();
  const update = (value: boolean) => void updatePreferences({ hideNames: value });
  return [me.preferences.hideNames ?? false, update];
}

/** Today as `YYYY-MM-DD` in local time, for date inputs. */
export function todayIso(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const OTHER = '__other';

/**
 * Nationality (or any country): a select of every country named in the UI language, the common
 * ones first; "Another code" opens a field for an ISO 3166 alpha-3 code (kept for a value that
 * is no country of the list, such as an old record's).
 */
export function CountrySelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  emptyLabel?: string;
  testId?: string;
  /** The id of the field the error is on (the code input when "other" is chosen). */
  id?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const known = props.value === '' || isCountry(props.value);
  const [other, setOther] = useState(!known);
  const options = [
    { value: '', label: props.emptyLabel ?? t('cases.country.notKnown') },
    { group: t('cases.country.common'), items: countryOptions(i18n.language) },
    { group: t('cases.country.all'), items: otherCountryOptions(i18n.language) },
    {
      group: t('cases.country.otherGroup'),
      items: [{ value: OTHER, label: t('cases.country.other') }],
    },
  ];
  const handleSelect = (value: string) => {
    if (value === OTHER) {
      setOther(true);
      props.onChange('');
    } else {
      setOther(false);
      props.onChange(value);
    }
  };
  return (
    <Stack gap="xs">
      <NativeSelect
        id={other ? undefined : props.id}
        label={props.label}
        value={other ? OTHER : props.value}
        onChange={(event) => handleSelect(event.currentTarget.value)}
        data={options}
        error={other ? undefined : props.error}
        data-testid={props.testId}
      />
      {other && (
        <TextInput
          id={props.id}
          label={t('cases.country.code')}
          description={t('cases.country.codeHint')}
          value={props.value}
          maxLength={3}
          autoCapitalize="characters"
          onChange={(event) => props.onChange(event.currentTarget.value.toUpperCase())}
          error={props.error}
        />
      )}
    </Stack>
  );
}

/** The label of a name's script, from `Intl` where it knows the code. */
export function scriptName(code: string, locale: string, otherLabel: string): string {
  if (code === 'Zyyy') {
    return otherLabel;
  }
  try {
    return new Intl.DisplayNames([locale], { type: 'script' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The person's name as entered: the primary identity, else the first one. */
export function caseName(record: Case): string {
  const identity =
    record.identities.find((item) => item.kind === 'primary') ?? record.identities[0];
  return displayName(identity?.given, identity?.family, identity?.script) || record.caseNumber;
}

/** A language tag (`lo`, `my-MM`) named in the UI language, or the tag itself. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The birth year field's label, naming the calendar the year is typed in. */
export function birthYearLabel(t: TFunction, locale: string): string {
  return yearInputIsBuddhist(locale)
    ? t('cases.fields.birthYearBuddhist')
    : t('cases.fields.birthYear');
}

import { NativeSelect, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CALENDARS, type Calendar } from '@web/features/auth/auth.schema';
import { useMe, useSession } from '@web/features/auth/session';
import { formatDate, languageCalendar } from '@web/lib/format';

/** The select's value for "not chosen": the language's usual calendar. */
const LANGUAGE_DEFAULT = '';

/** An example date in `calendar`, so the choice shows what it means ("10 Mar 2568"). */
function example(locale: string, calendar: Calendar): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', calendar }).format(new Date());
}

/**
 * Display preferences kept on the server (`PATCH /api/me/preferences`), never on the device:
 * the calendar every date and year is shown in (until chosen, the language's usual one: Buddhist
 * era for Thai), and "Hide names". The language is the header's switcher, saved the same way.
 */
export function DisplayPreferences() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { updatePreferences } = useSession();
  const locale = i18n.language;
  const options = [
    {
      value: LANGUAGE_DEFAULT,
      label: t('preferences.calendarDefault', {
        example: example(locale, languageCalendar(locale)),
      }),
    },
    ...CALENDARS.map((calendar) => ({
      value: calendar,
      label:
        calendar === 'buddhist'
          ? t('preferences.calendarBuddhist', { example: example(locale, calendar) })
          : t('preferences.calendarGregory', { example: example(locale, calendar) }),
    })),
  ];

  const handleCalendar = (value: string) => {
    const calendar = CALENDARS.find((candidate) => candidate === value);
    // The language's usual calendar is "no choice": it follows a later change of language.
    void updatePreferences({ calendar: calendar ?? null });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="display-preferences">
      <Title order={2} size="h3" mb="xs" id="display-preferences">
        {t('preferences.title')}
      </Title>
      <Stack gap="md">
        <Text size="sm">{t('preferences.intro')}</Text>
        <NativeSelect
          label={t('preferences.calendar')}
          description={t('preferences.calendarHint')}
          value={me.preferences.calendar ?? LANGUAGE_DEFAULT}
          onChange={(event) => handleCalendar(event.currentTarget.value)}
          data={options}
          data-testid="calendar-select"
          maw={420}
        />
        <Text size="sm" c="dimmed" data-testid="calendar-example">
          {formatDate(new Date().toISOString(), locale)}
        </Text>
        <Switch
          size="md"
          label={t('cases.hideNames')}
          checked={me.preferences.hideNames ?? false}
          onChange={(event) => void updatePreferences({ hideNames: event.currentTarget.checked })}
          data-testid="preferences-hide-names"
        />
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yearFromInput } from '@web/lib/format';
import { useNameFonts } from '@web/lib/script-fonts';
import { WarningIcon } from '@web/components/icons';
import { href } from '@web/lib/router';
import { findDuplicates } from './cases.api';
import { type Duplicate } from './cases.schema';
import { countryName, isIso3 } from './countries';
import './cases.css';
import { type RegisterForm } from './register-form';

export function useDuplicates(form: RegisterForm): Duplicate[] {
  const { i18n } = useTranslation();
  const key = JSON.stringify([
    form.given.trim(),
    form.family.trim(),
    String(yearFromInput(form.birthYear, i18n.language) ?? ''),
    form.nationality,
  ]);
  const [debounced] = useDebouncedValue(key, 500);
  const [items, setItems] = useState<Duplicate[]>([]);
  useEffect(() => {
    const [given, family, birthYear, nationality] = JSON.parse(debounced) as string[];
    if ((given ?? '').length + (family ?? '').length < 2) {
      setItems([]);
      return undefined;
    }
    const controller = new AbortController();
    const year = Number(birthYear);
    findDuplicates(
      {
        given: given || undefined,
        family: family || undefined,
        birthYear: Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : undefined,
        nationality: nationality && isIso3(nationality) ? nationality : undefined,
      },
      controller.signal,
    )
      .then((result) => setItems(result.items))
      .catch(() => {
        // The check is a help, not a gate: a failure leaves the form usable.
        if (!controller.signal.aborted) {
          setItems([]);
        }
      });
    return () => controller.abort();
  }, [debounced]);
  return items;
}

/**
 * Possible existing records for the name being typed. Not passive: the person registering either
 * opens an existing record or says explicitly that this is a different person (`onDifferent`);
 * until then the registration is blocked (see case-register-page.tsx).
 */
export function DuplicateWarning(props: {
  items: Duplicate[];
  markedDifferent: boolean;
  error?: string | undefined;
  onDifferent: () => void;
  onUndo: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { items } = props;
  useNameFonts(items.map((item) => item.displayName));
  return (
    <div aria-live="polite" data-testid="duplicates" id="register-duplicates" tabIndex={-1}>
      {items.length > 0 && (
        <Alert
          color="yellow"
          variant="outline"
          icon={<WarningIcon />}
          title={t('cases.duplicates.title')}
          classNames={{ title: 'hw-alert-title-dark' }}
        >
          <Text size="sm" mb="xs">
            {t('cases.duplicates.intro')}
          </Text>
          <List spacing={4}>
            {items.slice(0, 5).map((item) => (
              <List.Item key={item.id}>
                <Anchor
                  href={href(`/cases/${item.id}`)}
                  className="hw-touch-link hw-name"
                  target="_blank"
                >
                  {t('cases.duplicates.open', {
                    label: [
                      item.displayName,
                      item.caseNumber,
                      countryName(item.nationality, i18n.language),
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  })}
                </Anchor>
              </List.Item>
            ))}
          </List>
          {props.error && (
            <Text size="sm" c="red.9" fw={700} mt="xs" role="alert">
              {props.error}
            </Text>
          )}
          <Group mt="sm" gap="sm">
            {props.markedDifferent ? (
              <>
                <Text size="sm" fw={700}>
                  {t('cases.duplicates.markedDifferent')}
                </Text>
                <Button variant="default" onClick={props.onUndo}>
                  {t('cases.duplicates.undo')}
                </Button>
              </>
            ) : (
              <Button variant="default" onClick={props.onDifferent}>
                {t('cases.duplicates.different')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
    </div>
  );
}

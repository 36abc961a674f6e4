import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from './case-ui';
import { LANGUAGE_TAG, normaliseLanguageTag } from './case-edit-model';

/** Languages people supported along these routes often speak, offered before "another". */
const COMMON_LANGUAGES = [
  'am',
  'ar',
  'bn',
  'en',
  'fil',
  'hi',
  'id',
  'km',
  'lo',
  'ms',
  'my',
  'ne',
  'om',
  'ru',
  'si',
  'sw',
  'ta',
  'th',
  'ti',
  'ur',
  'vi',
  'zh',
] as const;

const OTHER = '__other';
/** The server keeps at most this many languages. */
const MAX_LANGUAGES = 10;

/**
 * Languages the person speaks, as BCP 47 tags (`th`, `my-MM`): chosen from a list named in the UI
 * language, or typed as a tag. Each chosen language has its own Remove button.
 */
export function EditLanguageFields(props: {
  languages: string[];
  error?: string | undefined;
  onChange: (languages: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [choice, setChoice] = useState('');
  const [typed, setTyped] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const options = COMMON_LANGUAGES.filter((tag) => !props.languages.includes(tag))
    .map((tag) => ({ value: tag, label: languageName(tag, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));

  const handleAdd = () => {
    const tag = normaliseLanguageTag(choice === OTHER ? typed : choice);
    if (!tag) {
      setLocalError(t('cases.edit.chooseLanguage'));
      return;
    }
    if (!LANGUAGE_TAG.test(tag)) {
      setLocalError(t('cases.edit.languageTagHint'));
      return;
    }
    setLocalError(null);
    if (!props.languages.some((item) => item.toLowerCase() === tag.toLowerCase())) {
      props.onChange([...props.languages, tag]);
    }
    setChoice('');
    setTyped('');
  };

  const handleRemove = (tag: string) => {
    props.onChange(props.languages.filter((item) => item !== tag));
    // The removed button is gone: keep the keyboard user in the list.
    listRef.current?.focus();
  };

  return (
    <fieldset className="hw-fieldset" data-testid="edit-languages">
      <legend>{t('cases.fields.languages')}</legend>
      <Stack gap="sm">
        {props.languages.length === 0 ? (
          <Text size="sm">{t('cases.edit.noLanguages')}</Text>
        ) : (
          <ul
            className="hw-plain-list"
            ref={listRef}
            tabIndex={-1}
            aria-label={t('cases.fields.languages')}
            data-testid="language-list"
          >
            {props.languages.map((tag) => (
              <Group component="li" key={tag} gap="md" wrap="nowrap">
                <Text className="hw-break">
                  {languageName(tag, lang)}{' '}
                  <Text span size="sm" c="dimmed">
                    ({tag})
                  </Text>
                </Text>
                <Button
                  variant="subtle"
                  onClick={() => handleRemove(tag)}
                  aria-label={t('cases.edit.removeLanguageNamed', {
                    name: languageName(tag, lang),
                  })}
                >
                  {t('cases.edit.remove')}
                </Button>
              </Group>
            ))}
          </ul>
        )}
        {props.error && (
          <Text size="sm" c="red.8" role="alert">
            {props.error}
          </Text>
        )}
        {props.languages.length < MAX_LANGUAGES && (
          <Stack gap="xs">
            <NativeSelect
              label={t('cases.edit.addLanguageLabel')}
              value={choice}
              onChange={(event) => setChoice(event.currentTarget.value)}
              data={[
                { value: '', label: t('cases.edit.chooseLanguage') },
                ...options,
                { value: OTHER, label: t('cases.edit.otherLanguage') },
              ]}
              error={choice !== OTHER ? localError : undefined}
            />
            {choice === OTHER && (
              <TextInput
                label={t('cases.edit.languageTag')}
                description={t('cases.edit.languageTagHint')}
                value={typed}
                maxLength={35}
                autoCapitalize="none"
                onChange={(event) => setTyped(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    handleAdd();
                  }
                }}
                error={localError}
              />
            )}
            <Group>
              <Button variant="default" onClick={handleAdd}>
                {t('cases.edit.addLanguage')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </fieldset>
  );
}

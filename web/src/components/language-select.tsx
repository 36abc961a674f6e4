import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '@web/features/auth/session';
import { isLanguageCode, LANGUAGES } from '@web/i18n';

/**
 * The language switcher shown in every header. A native select: it is small, works with every
 * keyboard and screen reader, and opens the phone's own picker on touch devices. Each language is
 * named in its own script and tagged with its `lang`; a translation drafted without a native
 * speaker says so (TRANSLATIONS.md). Signed in, the choice is saved on the server.
 */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const { handleLanguageChange } = useSession();
  const value = isLanguageCode(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

  const handleChange = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const code = event.currentTarget.value;
    if (isLanguageCode(code)) {
      handleLanguageChange(code);
    }
  };

  return (
    <NativeSelect
      label={t('language.label')}
      classNames={{ label: 'hw-visually-hidden' }}
      value={value}
      onChange={handleChange}
      data-testid="language-select"
      w={{ base: 96, sm: 136 }}
      rightSectionWidth={28}
      styles={{ input: { paddingInlineStart: 10 } }}
    >
      {LANGUAGES.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.draft
            ? t('language.draftName', { name: language.name, draft: t('language.draft') })
            : language.name}
        </option>
      ))}
    </NativeSelect>
  );
}

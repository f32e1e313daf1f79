import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, LANGUAGES } from '../i18n.ts';

const NAMES = { fr: 'Français', en: 'English' } as const;

/** Two toggle buttons, each named in its own language (and marked with `lang`). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <Group gap={4} role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size="compact-sm"
          variant={language === active ? 'filled' : 'default'}
          aria-pressed={language === active}
          lang={language}
          onClick={() => chooseLanguage(language)}
        >
          {NAMES[language]}
        </Button>
      ))}
    </Group>
  );
}

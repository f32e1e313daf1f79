import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateMe, useMe } from '../auth/session.ts';
import { chooseLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n.ts';

const NAMES = { fr: 'Français', en: 'English' } as const;

/**
 * Two toggle buttons, each named in its own language (and marked with
 * `lang`). Signed in, the choice is also saved to the account, so that it
 * follows the user to other browsers; signed out, this browser keeps it.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const save = useMutation({ mutationFn: (locale: Language) => updateMe(queryClient, { locale }) });
  const active = currentLanguage();
  const choose = (language: Language) => {
    chooseLanguage(language);
    if (me && me.user.locale !== language) save.mutate(language);
  };
  return (
    <Group gap={4} role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size="compact-sm"
          variant={language === active ? 'filled' : 'default'}
          aria-pressed={language === active}
          lang={language}
          onClick={() => choose(language)}
        >
          {NAMES[language]}
        </Button>
      ))}
    </Group>
  );
}

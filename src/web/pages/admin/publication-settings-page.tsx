import { Anchor, Button, Checkbox, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { errorMessage } from '../../errors.ts';
import { organisationQuery } from '../loans/loan-queries.ts';

/**
 * The organisation's publication setting (`settings.publication.published`
 * through `PATCH /api/organisation`): whether the public transparency page
 * `/public/{slug}` and its open data are served. They are server-rendered
 * pages, outside this app: links to them load the page.
 */
export function PublicationSettingsPage() {
  const { t } = useTranslation();
  const organisation = useQuery(organisationQuery);
  // Up here: saving changes the setting, which renews the form below.
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t('publicationSettings.title')}>
      <Text>{t('publicationSettings.intro')}</Text>
      {organisation.isError ? <FormAlert kind="error">{errorMessage(t, organisation.error)}</FormAlert> : null}
      {organisation.data ? (
        <PublicationForm
          key={String(organisation.data.settings.publication.published)}
          slug={organisation.data.slug}
          published={organisation.data.settings.publication.published}
          saved={saved}
          onSaved={setSaved}
        />
      ) : organisation.isError ? null : (
        <Text role="status">{t('common.loading')}</Text>
      )}
    </Page>
  );
}

function PublicationForm({
  slug,
  published,
  saved,
  onSaved,
}: {
  slug: string;
  published: boolean;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(published);
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/api/organisation', { body: { settings: { publication: { published: value } } } })),
    onSuccess: (organisation) => {
      onSaved(true);
      queryClient.setQueryData(organisationQuery.queryKey, organisation);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSaved(false);
    save.mutate();
  };
  const base = `/public/${encodeURIComponent(slug)}`;
  return (
    <Panel title={t('publicationSettings.panel')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {saved ? (
            <FormAlert kind="success">
              {published ? t('publicationSettings.savedOn') : t('publicationSettings.savedOff')}
            </FormAlert>
          ) : null}
          {save.error ? <FormAlert kind="error">{errorMessage(t, save.error)}</FormAlert> : null}
          <Checkbox
            label={t('publicationSettings.published')}
            description={t('publicationSettings.publishedHelp')}
            checked={value}
            onChange={(e) => setValue(e.currentTarget.checked)}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('publicationSettings.save')}
            </Button>
          </div>
          <Text fw={600}>{published ? t('publicationSettings.statusOn') : t('publicationSettings.statusOff')}</Text>
          {published ? (
            <List>
              <List.Item>
                <Anchor href={base}>{t('publicationSettings.pageLink')}</Anchor>
              </List.Item>
              <List.Item>
                <Anchor href={`${base}/data`}>{t('publicationSettings.dictionaryLink')}</Anchor>
              </List.Item>
              <List.Item>
                <Anchor href={`${base}/data/datapackage.json`}>{t('publicationSettings.packageLink')}</Anchor>
              </List.Item>
            </List>
          ) : null}
        </Stack>
      </form>
    </Panel>
  );
}

import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Asset, AssetStatus } from '../../api/client.ts';
import { currentLanguage } from '../../i18n.ts';

/** Words and badges of the inventory, shared by its pages. */

/** A category's name in the language of the interface. */
export function categoryName(category: { nameFr: string; nameEn: string }): string {
  return currentLanguage() === 'en' ? category.nameEn : category.nameFr;
}

/**
 * Colours of the lifecycle statuses: each reaches ≥ 4.5:1 as text on white
 * (badges are outlined, their words in the colour); the words say the status,
 * the colour only helps the eye group them.
 */
const STATUS_COLOURS: Record<AssetStatus, string> = {
  ordered: '#5c4b00',
  in_stock: '#1d4a87',
  preparing: '#6b3fa0',
  deployed: '#1e6b34',
  in_cart: '#0b6e6e',
  on_loan: '#8a4a00',
  returned: '#8a4a00',
  in_repair: '#a51d2d',
  lost: '#a51d2d',
  stolen: '#a51d2d',
  retired: '#495057',
  donated: '#495057',
};

const NO_SHRINK = { minWidth: 'max-content' } as const;

export function AssetStatusBadge({ value }: { value: AssetStatus }) {
  const { t } = useTranslation();
  const colour = STATUS_COLOURS[value];
  return (
    <Badge color={colour} variant="outline" tt="none" style={NO_SHRINK} styles={{ label: { color: colour } }}>
      {t(`assets.status.${value}`)}
    </Badge>
  );
}

/** Where an asset is, in words: "École X — Salle CP — classe mobile VDM-… " or the stock location. */
export function locationText(t: TFunction, asset: Pick<Asset, 'school' | 'room' | 'class' | 'cart' | 'stockLocation'>) {
  const parts = [
    asset.school?.name,
    asset.room?.name,
    asset.class ? t('assets.classNamed', { name: asset.class.name }) : null,
    asset.cart ? t('assets.inCartNamed', { tag: asset.cart.tag }) : null,
    asset.stockLocation?.name,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' — ') : t('assets.nowhere');
}

/** A refusal code (error codes, then field codes), in words; the server's English sentence as the last resort. */
export function codeLabel(t: TFunction, code: string | null | undefined, fallback?: string | null): string {
  if (!code) return fallback ?? '';
  return t(`errors.${code}`, { defaultValue: t(`errors.fields.${code}`, { defaultValue: fallback ?? code }) });
}

/** Euros typed in a form ("1 234,50") → integer cents; null when blank, NaN when not an amount. */
export function eurosToCents(value: number | null): number | null {
  if (value === null) return null;
  if (Number.isNaN(value) || value < 0) return Number.NaN;
  return Math.round(value * 100);
}

/** Integer cents → euros for a form field ("1234,5"), in the language's decimal mark. */
export function centsForInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const text = (cents / 100).toFixed(2).replace(/\.00$/, '');
  return currentLanguage() === 'fr' ? text.replace('.', ',') : text;
}

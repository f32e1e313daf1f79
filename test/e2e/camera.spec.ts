import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import QRCode from 'qrcode';
import { BASE_URL, CHROMIUM_LAUNCH } from './env.ts';
import { expectAccessible, pageReady, signIn, test } from './helpers.ts';

/**
 * The camera, for real: Chromium's fake capture device plays a video of a QR
 * label (a Y4M file written here), and the scan page must read it. Headless
 * Chromium on Linux has no BarcodeDetector, so this is the ZXing path — the
 * one Firefox, Safari and iPads take.
 */
const TAG = 'CAMERA-0001';
const LABEL_URL = `${BASE_URL}/assets/tag/${TAG}`;

/** A few grey frames (4:2:0, U = V = 128) showing the QR code of `text`, centred. */
function qrVideo(text: string, file: string): void {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const scale = Math.floor(Math.min(width, height) / (modules + 8));
  const side = modules * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (qr.modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 5 }, () => frame)]));
}

// One fixed path: the runner loads this file in its main process too, not only in the worker.
const video = path.join(os.tmpdir(), 'socle-e2e-qr-label.y4m');
qrVideo(LABEL_URL, video);
test.afterAll(() => fs.rmSync(video, { force: true }));

test.use({
  launchOptions: {
    ...CHROMIUM_LAUNCH,
    args: [
      ...CHROMIUM_LAUNCH.args,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
  permissions: ['camera'],
});

test('scanning with the camera: a QR label in front of the camera is read and looked up', async ({ page }) => {
  await signIn(page);
  await page.goto('/assets/scan');
  await pageReady(page, 'Scanner une étiquette');
  await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
  await expect(page.getByText('Présentez le code QR devant la caméra.')).toBeVisible();
  await expectAccessible(page, '/assets/scan with the camera on');
  // The label's URL is decoded, its tag extracted and looked up (no asset has it).
  await expect(page.getByRole('status').filter({ hasText: TAG })).toHaveText(
    `Aucun équipement n’a l’étiquette ${TAG}.`,
    { timeout: 30_000 },
  );
  // The same code held in front of the camera is one scan, not one per frame.
  await expect(page.getByRole('list', { name: 'Étiquettes recherchées' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Arrêter la caméra' }).click();
  await expect(page.getByRole('button', { name: 'Scanner avec la caméra' })).toBeVisible();
});

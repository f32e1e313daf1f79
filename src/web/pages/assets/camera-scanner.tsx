import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraScanSupported } from './scan.ts';

/**
 * Reading QR codes and barcodes with the camera: through the browser's own
 * BarcodeDetector (Shape Detection API) where it exists (Chrome on Android,
 * macOS, ChromeOS…), otherwise with ZXing (`@zxing/browser`, decoding in
 * JavaScript: Firefox, Safari, iPadOS). Either way the keyboard field stays
 * the other way to scan. In a chunk of its own (ZXing only loads here).
 */

interface DetectedBarcode {
  readonly rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats?: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?: () => Promise<string[]>;
}

const WANTED = ['qr_code', 'code_128', 'code_39', 'data_matrix', 'ean_13'];
const CONSTRAINTS: MediaStreamConstraints = { video: { facingMode: 'environment' }, audio: false };

function nativeDetector(): BarcodeDetectorClass | null {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return typeof Detector === 'function' ? Detector : null;
}

/** Starts reading; returns how to stop. `onText` gets every decoded text. */
async function startReading(
  video: HTMLVideoElement,
  onText: (text: string) => void,
  isStopped: () => boolean,
): Promise<() => void> {
  const Detector = nativeDetector();
  if (Detector) {
    const supported = (await Detector.getSupportedFormats?.()) ?? WANTED;
    const formats = WANTED.filter((f) => supported.includes(f));
    const detector = new Detector(formats.length ? { formats } : undefined);
    const stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
    let timer: number | undefined;
    const stop = () => {
      window.clearTimeout(timer);
      for (const track of stream.getTracks()) track.stop();
    };
    if (isStopped()) {
      stop();
      return stop;
    }
    video.srcObject = stream;
    await video.play();
    const tick = async () => {
      if (isStopped()) return;
      try {
        const [code] = await detector.detect(video);
        if (code?.rawValue) onText(code.rawValue);
      } catch {
        // A frame that could not be read: try the next one.
      }
      timer = window.setTimeout(tick, 250);
    };
    void tick();
    return stop;
  }
  const { BrowserMultiFormatReader } = await import('@zxing/browser');
  const reader = new BrowserMultiFormatReader(undefined, { delayBetweenScanAttempts: 250 });
  const controls = await reader.decodeFromConstraints(CONSTRAINTS, video, (result) => {
    if (result) onText(result.getText());
  });
  if (isStopped()) controls.stop();
  return () => controls.stop();
}

export function CameraScanner({ onDetected, onStop }: { onDetected: (text: string) => void; onStop: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  // The latest callback, without restarting the camera when it changes.
  const detected = useRef(onDetected);
  detected.current = onDetected;

  useEffect(() => {
    if (!cameraScanSupported() || !video.current) return;
    let stop: (() => void) | null = null;
    let stopped = false;
    let last = { text: '', at: 0 };
    const onText = (text: string) => {
      const now = Date.now();
      // The same code in front of the camera is one scan, not one per frame.
      if (text !== last.text || now - last.at > 3000) {
        last = { text, at: now };
        detected.current(text);
      }
    };
    startReading(video.current, onText, () => stopped)
      .then((s) => {
        stop = s;
        if (!stopped) setRunning(true);
      })
      .catch((error: unknown) => {
        const name = error instanceof DOMException ? error.name : '';
        setProblem(name === 'NotAllowedError' ? t('assets.scan.cameraDenied') : t('assets.scan.cameraFailed'));
      });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [t]);

  return (
    <Stack gap="sm">
      {problem ? (
        <Text role="alert">{problem}</Text>
      ) : (
        <Text size="sm">{running ? t('assets.scan.cameraRunning') : t('assets.scan.cameraStarting')}</Text>
      )}
      <video
        ref={video}
        muted
        playsInline
        aria-label={t('assets.scan.cameraImage')}
        style={{ width: '100%', maxWidth: '32rem', borderRadius: 4, background: '#1a1b1e' }}
      />
      <Group>
        <Button variant="default" onClick={onStop}>
          {t('assets.scan.cameraStop')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraScanSupported } from './scan.ts';

/**
 * Reading QR codes and barcodes with the camera, through the browser's own
 * BarcodeDetector (Shape Detection API): no library. Offered only where the
 * browser has it (Chrome on Android, macOS, ChromeOS…); elsewhere the
 * keyboard field stays the way to scan. In a chunk of its own.
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

function barcodeDetector(): BarcodeDetectorClass | null {
  return cameraScanSupported()
    ? ((globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null)
    : null;
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
    const Detector = barcodeDetector();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    let last = { text: '', at: 0 };
    const start = async () => {
      try {
        const supported = (await Detector.getSupportedFormats?.()) ?? WANTED;
        const formats = WANTED.filter((f) => supported.includes(f));
        const detector = new Detector(formats.length ? { formats } : undefined);
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        setRunning(true);
        const tick = async () => {
          if (stopped || !video.current) return;
          try {
            const [code] = await detector.detect(video.current);
            const now = Date.now();
            // The same code in front of the camera is one scan, not one per frame.
            if (code?.rawValue && (code.rawValue !== last.text || now - last.at > 3000)) {
              last = { text: code.rawValue, at: now };
              detected.current(code.rawValue);
            }
          } catch {
            // A frame that could not be read: try the next one.
          }
          timer = window.setTimeout(tick, 250);
        };
        void tick();
      } catch (error) {
        const name = error instanceof DOMException ? error.name : '';
        setProblem(name === 'NotAllowedError' ? t('assets.scan.cameraDenied') : t('assets.scan.cameraFailed'));
      }
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
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

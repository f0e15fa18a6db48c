/** What is burnt into an exported snapshot, so the image carries its own provenance. */
export interface SnapshotCaption {
  camera: string;
  /** The stream's wall-clock time of the frame, when known; otherwise the export time. */
  time: Date;
  operator: string;
  reason: string;
}

/** The caption lines, in the order drawn. */
export function captionLines(c: SnapshotCaption): string[] {
  return [
    c.camera,
    `${c.time.toISOString().replace('T', ' ').slice(0, 19)} UTC`,
    `Exported by ${c.operator}`,
    `Reason: ${c.reason}`,
  ];
}

/** Draws the current frame with its caption on a canvas and returns it as PNG data. */
export async function snapshotPng(video: HTMLVideoElement, caption: SnapshotCaption): Promise<Blob> {
  const width = video.videoWidth || 640;
  const height = video.videoHeight || 360;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This display cannot draw snapshots.');
  ctx.drawImage(video, 0, 0, width, height);
  const lines = captionLines(caption);
  const size = Math.max(14, Math.round(height / 28));
  ctx.font = `${size}px "DejaVu Sans Mono", monospace`;
  const boxHeight = lines.length * size * 1.3 + size * 0.6;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.7)';
  ctx.fillRect(0, height - boxHeight, width, boxHeight);
  ctx.fillStyle = '#ffffff';
  lines.forEach((line, i) => ctx.fillText(line, size * 0.5, height - boxHeight + size * 1.2 * (i + 1)));
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Snapshot failed.'))), 'image/png'),
  );
}

/** Hands the PNG to the user as a download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

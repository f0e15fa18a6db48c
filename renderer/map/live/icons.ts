import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Grade, UnitKind, UnitStatus } from '../../../shared/protocol';
import {
  ALERT_PRIORITY_STYLE,
  GRADE_STYLE,
  SERVICE_POINT_STYLE,
  UNIT_KIND_STYLE,
  UNIT_STATUS_STYLE,
} from './symbology';

// Icons are drawn at run time on a canvas and handed to maplibre: no binary assets to ship,
// and the legend uses the very same drawings.

const RATIO = 2;
type Shape = 'circle' | 'square' | 'hexagon' | 'diamond' | 'triangle';

function path(ctx: CanvasRenderingContext2D, shape: Shape, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  if (shape === 'circle') ctx.arc(cx, cy, r, 0, Math.PI * 2);
  else if (shape === 'square') ctx.roundRect(cx - r, cy - r, 2 * r, 2 * r, r * 0.25);
  else {
    const sides = shape === 'hexagon' ? 6 : shape === 'diamond' ? 4 : 3;
    const start = shape === 'hexagon' ? Math.PI / 6 : -Math.PI / 2;
    const rr = shape === 'triangle' ? r * 1.2 : r * 1.12;
    const dy = shape === 'triangle' ? r * 0.2 : 0;
    for (let i = 0; i < sides; i++) {
      const a = start + (i * 2 * Math.PI) / sides;
      const x = cx + rr * Math.cos(a);
      const y = cy + dy + rr * Math.sin(a);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.closePath();
  }
}

/** Draws one badge: a filled shape with a dark outline and an optional letter. */
export function drawBadge(
  size: number,
  shape: Shape,
  fill: string,
  letter: string | null,
  options: { cross?: boolean; ring?: string } = {},
): ImageData {
  const px = size * RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas for map icons');
  ctx.scale(RATIO, RATIO);
  const c = size / 2;
  const r = size / 2 - 3;
  path(ctx, shape, c, c, r);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = options.ring ?? '#05080b';
  ctx.stroke();
  if (letter) {
    ctx.fillStyle = '#05080b';
    ctx.font = `bold ${letter.length > 1 ? size * 0.36 : size * 0.5}px "DejaVu Sans", sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(letter, c, c + (shape === 'triangle' ? size * 0.1 : 1));
  }
  if (options.cross) {
    ctx.strokeStyle = '#ff6b6b';
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(3, 3);
    ctx.lineTo(size - 3, size - 3);
    ctx.moveTo(size - 3, 3);
    ctx.lineTo(3, size - 3);
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, px, px);
}

function drawArrow(size: number, fill: string): ImageData {
  const px = size * RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas for map icons');
  ctx.scale(RATIO, RATIO);
  ctx.beginPath();
  ctx.moveTo(size / 2, 1);
  ctx.lineTo(size / 2 + 5, 9);
  ctx.lineTo(size / 2 - 5, 9);
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = '#05080b';
  ctx.lineWidth = 1.5;
  ctx.stroke();
  return ctx.getImageData(0, 0, px, px);
}

export const unitIcon = (kind: UnitKind, status: UnitStatus) => `unit-${kind}-${status}`;
export const incidentIcon = (grade: Grade, breached: boolean) => `incident-${grade}${breached ? '-breach' : ''}`;

/** Adds every live-layer icon to the map's current style (again after each style change). */
export function addLiveIcons(map: MaplibreMap): void {
  const add = (name: string, image: ImageData) => {
    if (!map.hasImage(name)) map.addImage(name, image, { pixelRatio: RATIO });
  };
  for (const [kind, k] of Object.entries(UNIT_KIND_STYLE)) {
    for (const [status, s] of Object.entries(UNIT_STATUS_STYLE)) {
      add(unitIcon(kind as UnitKind, status as UnitStatus), drawBadge(26, k.shape, s.colour, k.letter));
    }
  }
  add('unit-heading', drawArrow(40, '#eef3f8'));
  for (const [grade, g] of Object.entries(GRADE_STYLE)) {
    add(incidentIcon(Number(grade) as Grade, false), drawBadge(30, g.shape, g.colour, grade));
    add(incidentIcon(Number(grade) as Grade, true), drawBadge(30, g.shape, g.colour, '!', { ring: '#ffffff' }));
  }
  add('camera-online', drawBadge(14, 'square', '#7fe3ff', null));
  add('camera-offline', drawBadge(14, 'square', '#6b7785', null, { cross: true }));
  for (const [status, s] of Object.entries(SERVICE_POINT_STYLE)) {
    add(`dsp-${status}`, drawBadge(24, 'square', s.colour, 'P', { cross: status === 'offline' || status === 'fault' }));
  }
  for (const [priority, p] of Object.entries(ALERT_PRIORITY_STYLE)) {
    add(`alert-${priority}`, drawBadge(24, 'diamond', p.colour, priority === 'critical' ? '!!' : '!'));
  }
}

import type { CustomLayerInterface, CustomRenderMethodInput, Map as MaplibreMap } from 'maplibre-gl';
import type { UnitStatus } from '../../../shared/protocol';
import { UNIT_STATUS_STYLE } from './symbology';

/**
 * Every unit as one GL point, drawn by a maplibre custom layer: a position update is a write into
 * a typed array and one buffer upload per frame, with no GeoJSON, no worker round trip and no
 * re-tiling. That is what keeps 5,000–20,000 moving units cheap (and under maplibre's symbol and
 * `updateData` limits); icons with callsigns take over at close zoom where few units are in view.
 */

/** Dot shapes, so status is never told by colour alone (the legend shows them). */
export const STATUS_SHAPE: Record<UnitStatus, DotShape> = {
  available: 'circle',
  dispatched: 'diamond',
  en_route: 'diamond',
  on_scene: 'square',
  busy: 'ring',
  off_duty: 'ring',
};
export type DotShape = 'circle' | 'diamond' | 'square' | 'ring';
const SHAPE_CODE: Record<DotShape, number> = { circle: 0, diamond: 1, square: 2, ring: 3 };

/**
 * Positions are stored relative to a fixed origin in the City and scaled up, so 32-bit floats keep
 * sub-pixel precision at street zoom (absolute mercator coordinates in float32 jitter by metres).
 */
export const ORIGIN: readonly [number, number] = [mercatorX(-0.0925), mercatorY(51.5155)];
export const SCALE = 65_536;

/** Web-mercator x in 0..1. */
export function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}

/** Web-mercator y in 0..1. */
export function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

/**
 * The matrix for origin-relative, scaled positions: `main × translate(origin) × scale(1/SCALE)`,
 * composed in float64 (column-major, as WebGL expects) before it is narrowed to float32.
 */
export function relativeMatrix(main: ArrayLike<number>): Float32Array {
  const m = new Float32Array(16);
  const [ox, oy] = ORIGIN;
  for (let r = 0; r < 4; r++) {
    const c0 = main[r] as number;
    const c1 = main[4 + r] as number;
    m[r] = c0 / SCALE;
    m[4 + r] = c1 / SCALE;
    m[8 + r] = main[8 + r] as number;
    m[12 + r] = c0 * ox + c1 * oy + (main[12 + r] as number);
  }
  return m;
}

/** Packs a `#rrggbb` colour and a shape into four bytes. */
export function packStyle(status: UnitStatus, out: Uint8Array, offset: number): void {
  const hex = UNIT_STATUS_STYLE[status].colour;
  out[offset] = parseInt(hex.slice(1, 3), 16);
  out[offset + 1] = parseInt(hex.slice(3, 5), 16);
  out[offset + 2] = parseInt(hex.slice(5, 7), 16);
  out[offset + 3] = SHAPE_CODE[STATUS_SHAPE[status]];
}

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform float u_size;
in vec2 a_pos;
in vec4 a_style;
out vec3 v_colour;
flat out int v_shape;
void main() {
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_PointSize = u_size;
  v_colour = a_style.rgb;
  v_shape = int(a_style.a * 255.0 + 0.5);
}`;

// Shapes by distance field in point space; a dark rim keeps dots legible on any basemap.
const FRAGMENT = `#version 300 es
precision highp float;
uniform float u_size;
in vec3 v_colour;
flat in int v_shape;
out vec4 colour;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float d = v_shape == 1 ? abs(p.x) + abs(p.y) : v_shape == 2 ? max(abs(p.x), abs(p.y)) * 1.15 : length(p);
  float px = 2.0 / u_size;
  float edge = 1.0 - px;
  if (d > 1.0) discard;
  float rim = 1.0 - 2.2 * px;
  bool inRing = v_shape == 3 && d < 0.45;
  vec3 c = d > rim || inRing ? vec3(0.02, 0.03, 0.04) : v_colour;
  float alpha = inRing ? 0.0 : 1.0 - smoothstep(edge, 1.0, d);
  if (alpha <= 0.0) discard;
  colour = vec4(c * alpha, alpha);
}`;

/** The GL layer; `UnitLayer` owns the data and calls `setPosition`/`setStatus`. */
export class UnitDots implements CustomLayerInterface {
  readonly id: string;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private positions = new Float32Array(0);
  private styles = new Uint8Array(0);
  private count = 0;
  private positionsDirty = true;
  private stylesDirty = true;
  private map: MaplibreMap | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private positionBuffer: WebGLBuffer | null = null;
  private styleBuffer: WebGLBuffer | null = null;
  private uniforms: { matrix: WebGLUniformLocation | null; size: WebGLUniformLocation | null } | null = null;
  private uploadedCapacity = 0;

  /** Drawn below `maxzoom` only; above it the icon layers show units. */
  constructor(
    id: string,
    private readonly maxzoom: number,
  ) {
    this.id = id;
  }

  /** Makes room for `count` units (ids are 0..count-1). */
  resize(count: number): void {
    if (count > this.positions.length / 2) {
      const capacity = Math.max(count, Math.ceil((this.positions.length / 2) * 1.5), 64);
      const positions = new Float32Array(capacity * 2);
      positions.set(this.positions);
      const styles = new Uint8Array(capacity * 4);
      styles.set(this.styles);
      this.positions = positions;
      this.styles = styles;
    }
    this.count = count;
    this.positionsDirty = true;
    this.stylesDirty = true;
  }

  setPosition(fid: number, lon: number, lat: number): void {
    this.positions[fid * 2] = (mercatorX(lon) - ORIGIN[0]) * SCALE;
    this.positions[fid * 2 + 1] = (mercatorY(lat) - ORIGIN[1]) * SCALE;
    this.positionsDirty = true;
  }

  setStatus(fid: number, status: UnitStatus): void {
    packStyle(status, this.styles, fid * 4);
    this.stylesDirty = true;
  }

  /** Asks for a frame; call after a batch of writes. */
  repaint(): void {
    if (this.map && this.map.getZoom() < this.maxzoom) this.map.triggerRepaint();
  }

  onAdd(map: MaplibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    if (!(gl instanceof WebGL2RenderingContext)) throw new Error('Unit dots need WebGL2');
    this.map = map;
    this.gl = gl;
    const program = gl.createProgram();
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program) ?? 'link');
    this.program = program;
    this.uniforms = {
      matrix: gl.getUniformLocation(program, 'u_matrix'),
      size: gl.getUniformLocation(program, 'u_size'),
    };
    this.positionBuffer = gl.createBuffer();
    this.styleBuffer = gl.createBuffer();
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.positionBuffer);
    const pos = gl.getAttribLocation(program, 'a_pos');
    gl.enableVertexAttribArray(pos);
    gl.vertexAttribPointer(pos, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.styleBuffer);
    const style = gl.getAttribLocation(program, 'a_style');
    gl.enableVertexAttribArray(style);
    gl.vertexAttribPointer(style, 4, gl.UNSIGNED_BYTE, true, 0, 0);
    gl.bindVertexArray(null);
    this.uploadedCapacity = 0;
    this.positionsDirty = true;
    this.stylesDirty = true;
  }

  render(_gl: WebGLRenderingContext | WebGL2RenderingContext, args: CustomRenderMethodInput): void {
    const { gl, program, vao, uniforms, map } = this;
    if (!gl || !program || !vao || !uniforms || !map || this.count === 0) return;
    const zoom = map.getZoom();
    if (zoom >= this.maxzoom) return;
    this.upload(gl);
    gl.useProgram(program);
    gl.uniformMatrix4fv(uniforms.matrix, false, relativeMatrix(args.defaultProjectionData.mainMatrix));
    // The same size curve the icon layers continue from: 5 px at zoom 12 to 11 px at 15.
    const size = Math.max(5, Math.min(11, 5 + (zoom - 12) * 2)) * devicePixelRatio;
    gl.uniform1f(uniforms.size, size);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(vao);
    gl.drawArrays(gl.POINTS, 0, this.count);
    gl.bindVertexArray(null);
  }

  onRemove(_map: MaplibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    if (!(gl instanceof WebGL2RenderingContext)) return;
    gl.deleteBuffer(this.positionBuffer);
    gl.deleteBuffer(this.styleBuffer);
    gl.deleteVertexArray(this.vao);
    gl.deleteProgram(this.program);
    this.program = null;
    this.vao = null;
    this.map = null;
    this.gl = null;
  }

  private upload(gl: WebGL2RenderingContext): void {
    const capacity = this.positions.length / 2;
    if (capacity !== this.uploadedCapacity) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.positionBuffer);
      gl.bufferData(gl.ARRAY_BUFFER, this.positions, gl.DYNAMIC_DRAW);
      gl.bindBuffer(gl.ARRAY_BUFFER, this.styleBuffer);
      gl.bufferData(gl.ARRAY_BUFFER, this.styles, gl.DYNAMIC_DRAW);
      this.uploadedCapacity = capacity;
      this.positionsDirty = false;
      this.stylesDirty = false;
      return;
    }
    // A whole-buffer upload: 8 bytes per unit is 160 KB at 20,000 units, cheaper than tracking ranges.
    if (this.positionsDirty) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.positionBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.positions, 0, this.count * 2);
      this.positionsDirty = false;
    }
    if (this.stylesDirty) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.styleBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.styles, 0, this.count * 4);
      this.stylesDirty = false;
    }
  }
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('Could not create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? 'compile');
  return shader;
}

import { gradeLabel } from '../../shared/domain/labels';
import type { Grade } from '../../shared/protocol';

/** A shape per grade, so grade never rests on colour alone. */
const SHAPES: Record<Grade, string> = { 1: '◆', 2: '▲', 3: '●', 4: '■' };

/** Grade as text, colour and shape: "◆ G1". The full name is in the accessible label. */
export function GradeBadge({ grade }: { grade: Grade }) {
  return (
    <span className={`cad-grade cad-grade--${grade}`} title={gradeLabel(grade)}>
      <span aria-hidden="true">{SHAPES[grade]} </span>G{grade}
    </span>
  );
}

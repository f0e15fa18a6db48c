/** How the bench's page draws units: the product's unit layer, or the naive baseline. */
export type UnitUpdateMode = 'incremental' | 'naive';

/** The font name every text layer uses, live layers included (its file: see basemapStyle.ts). */
export const MAP_FONT = 'DejaVu Sans';

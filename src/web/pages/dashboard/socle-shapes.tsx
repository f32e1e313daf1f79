import type { SchoolState } from '../baseline/labels.tsx';

/**
 * The socle statuses' shapes, shared by the map's markers and its legend:
 * disc at the socle, triangle below it, square out of the grid's scope (the
 * socle page's map uses the same). Colour and shape say the same thing.
 */

export const SOCLE_COLOURS: Record<SchoolState, string> = {
  at_socle: '#1e6b34',
  not_at_socle: '#a51d2d',
  out_of_scope: '#495057',
};

function shapeMarkup(state: SchoolState, size: number): string {
  const half = size / 2;
  if (state === 'at_socle') return `<circle cx="${half}" cy="${half}" r="${half - 3}" />`;
  if (state === 'not_at_socle') return `<polygon points="${half},2 ${size - 2},${size - 3} 2,${size - 3}" />`;
  return `<rect x="3" y="3" width="${size - 6}" height="${size - 6}" />`;
}

/** An SVG document of the shape (a Leaflet marker's HTML). */
export function socleShapeSvg(state: SchoolState, size = 22): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true" focusable="false"><g fill="${SOCLE_COLOURS[state]}" stroke="#fff" stroke-width="2">${shapeMarkup(state, size)}</g></svg>`;
}

/** The legend's shape, decorative: the legend's words say the status. */
export function SocleShape({ state, size = 18 }: { state: SchoolState; size?: number }) {
  const half = size / 2;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <g fill={SOCLE_COLOURS[state]} stroke="#fff" strokeWidth="2">
        {state === 'at_socle' ? (
          <circle cx={half} cy={half} r={half - 3} />
        ) : state === 'not_at_socle' ? (
          <polygon points={`${half},2 ${size - 2},${size - 3} 2,${size - 3}`} />
        ) : (
          <rect x="3" y="3" width={size - 6} height={size - 6} />
        )}
      </g>
    </svg>
  );
}

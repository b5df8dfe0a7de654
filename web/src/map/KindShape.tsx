/** An actor kind's map shape as a small SVG, for legends. */
const SHAPES: Record<string, string> = {
  star: '10,1 12.6,7.4 19.5,7.6 14,11.8 16,18.5 10,14.6 4,18.5 6,11.8 0.5,7.6 7.4,7.4',
  diamond: '10,1 19,10 10,19 1,10',
  'round-triangle': '10,2 19,18 1,18',
  hexagon: '5,2 15,2 19,10 15,18 5,18 1,10',
  octagon: '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6',
};

export function KindShape({ shape, color, size = 20 }: { shape: string; color: string; size?: number }) {
  const points = SHAPES[shape];
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true">
      {points ? (
        <polygon points={points} fill={color} stroke="#1d2733" strokeWidth="1" />
      ) : shape === 'ellipse' ? (
        <circle cx="10" cy="10" r="8.5" fill={color} stroke="#1d2733" strokeWidth="1" />
      ) : (
        <rect x="2" y="3" width="16" height="14" rx={shape === 'barrel' ? 6 : 3} fill={color} stroke="#1d2733" strokeWidth="1" />
      )}
    </svg>
  );
}

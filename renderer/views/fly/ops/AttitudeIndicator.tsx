// An artificial horizon: sky and ground turned by roll and moved by pitch behind a fixed aircraft
// symbol, with the heading under it. SVG attributes only (the CSP forbids inline styles).
const PX_PER_DEG = 1.6;

export function AttitudeIndicator(props: { rollDeg: number | null; pitchDeg: number | null; headingText: string; label: string }) {
  const roll = props.rollDeg ?? 0;
  const pitch = Math.max(-40, Math.min(40, props.pitchDeg ?? 0));
  const known = props.rollDeg !== null && props.pitchDeg !== null;
  const ladder = [-20, -10, 10, 20];
  return (
    <svg className={`attitude${known ? '' : ' unknown'}`} viewBox="-60 -60 120 120" width="120" height="120" role="img" aria-label={props.label} data-testid="attitude-indicator">
      <defs>
        <clipPath id="att-clip">
          <circle r="56" />
        </clipPath>
      </defs>
      <g clipPath="url(#att-clip)">
        <g transform={`rotate(${-roll}) translate(0 ${pitch * PX_PER_DEG})`}>
          <rect className="attitude-sky" x="-200" y="-200" width="400" height="200" />
          <rect className="attitude-ground" x="-200" y="0" width="400" height="200" />
          <line className="attitude-horizon" x1="-200" y1="0" x2="200" y2="0" />
          {ladder.map((d) => (
            <line key={d} className="attitude-ladder" x1={-Math.abs(d) / 1.5} y1={-d * PX_PER_DEG} x2={Math.abs(d) / 1.5} y2={-d * PX_PER_DEG} />
          ))}
        </g>
      </g>
      <circle className="attitude-rim" r="56" />
      <path className="attitude-plane" d="M-30,0 L-10,0 L-5,6 L0,0 L5,6 L10,0 L30,0" />
      <text className="attitude-heading" x="0" y="48" textAnchor="middle">
        {props.headingText}
      </text>
    </svg>
  );
}

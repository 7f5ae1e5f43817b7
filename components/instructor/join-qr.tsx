import { encode } from 'uqr';

/**
 * The join link as a QR code, drawn on the server as one SVG path (no script, nothing sent to the browser but the
 * drawing). Encoding is uqr's; medium error correction (15 %) survives a projector's glare; a 4-module quiet zone as
 * the QR specification asks.
 */
export function JoinQr({ url, label }: { url: string; label: string }) {
  const qr = encode(url, { ecc: 'M', border: 4 });
  let d = '';
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
      className="h-44 w-44 rounded-lg bg-white"
      data-join-qr={qr.version}
    >
      <title>{label}</title>
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

// Usage of `gcs traffic`, apart from the command so `gcs help` does not load the traffic code.
export const TRAFFIC_USAGE = `  traffic  --sbs host:port [--json] [--duration S] [--class helicopter|fixedwing|unknown]
           Print the manned traffic an SBS-1 feed reports, once a second (e.g. dump1090 on port 30003).
`;


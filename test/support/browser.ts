// Debian's Chromium driven by playwright-core. Never downloads a browser.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function launchChromium(opts: { lang?: string } = {}): Promise<Browser> {
  const args = [...CHROMIUM_ARGS];
  if (opts.lang) args.push(`--lang=${opts.lang}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args, headless: true });
}

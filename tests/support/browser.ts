import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator } from 'playwright-core';
import { launchChromium } from './chromium.ts';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Debian's Chromium for a browser test (see chromium.ts); screenshots go to tests/artifacts/. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return launchChromium();
}

export const screenshotPath = (name: string) => join(ARTIFACTS, `${name}.png`);

/**
 * How wide a field's placeholder is drawn against the room its content box leaves it, in CSS
 * px: `{ text, inner }` — the placeholder measured in the field's own font, the field's width
 * without its padding. A placeholder shows whole when `text <= inner`.
 */
export function placeholderWidth(field: Locator): Promise<{ text: number; inner: number }> {
  return field.evaluate((input) => {
    const element = input as HTMLInputElement;
    const style = getComputedStyle(element);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const inner = element.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    return { text: context.measureText(element.placeholder).width, inner };
  });
}

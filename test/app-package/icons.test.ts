import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCENT_COLOR, decodePng, drawColorIcon, drawOutlineIcon } from '../../scripts/app-package/icons.drawing';
import { APP_PACKAGE_DIR } from './package-fixture';

const committed = (name: string) => decodePng(readFileSync(join(APP_PACKAGE_DIR, name)));
const pixel = (icon: ReturnType<typeof decodePng>, x: number, y: number) => [...icon.data.subarray((y * icon.width + x) * 4, (y * icon.width + x) * 4 + 4)];

describe('the app icons', () => {
  test('committed PNGs are exactly what `npm run icons` draws (regenerate after changing the drawing)', () => {
    expect(Buffer.from(committed('color.png').data).equals(Buffer.from(drawColorIcon().data))).toBe(true);
    expect(Buffer.from(committed('outline.png').data).equals(Buffer.from(drawOutlineIcon().data))).toBe(true);
  });

  test('the colour icon is a 192×192 rounded square: transparent corners, opaque tile, white motif at the centre', () => {
    const icon = committed('color.png');
    expect([icon.width, icon.height]).toEqual([192, 192]);
    expect(pixel(icon, 0, 0)[3]).toBe(0);
    expect(pixel(icon, 191, 191)[3]).toBe(0);
    expect(pixel(icon, 96, 4)[3]).toBe(255);
    expect(pixel(icon, 96, 96)).toEqual([255, 255, 255, 255]);
    const [r, g, b] = pixel(icon, 20, 96);
    expect(g! > r! && b! > r!).toBe(true); // teal to blue, not grey
  });

  test('the outline icon is 32×32, white on transparent only', () => {
    const icon = committed('outline.png');
    expect([icon.width, icon.height]).toEqual([32, 32]);
    let visible = 0;
    for (let offset = 0; offset < icon.data.length; offset += 4) {
      const alpha = icon.data[offset + 3]!;
      if (alpha > 0) {
        visible += 1;
        expect([icon.data[offset], icon.data[offset + 1], icon.data[offset + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(visible).toBeGreaterThan(100);
    expect(pixel(icon, 0, 0)[3]).toBe(0);
  });

  test('the manifest accent colour is the icon gradient’s middle', () => {
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as { accentColor: string };
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
  });
});

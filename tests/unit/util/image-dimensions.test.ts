import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDimensions } from '../../../src/util/image-dimensions.js';
import { gif, jpeg, png, svg, webp } from '../../helpers/images.js';
import { tempDir } from '../../helpers/temp.js';

const dir = tempDir();
const file = (name: string, content: Buffer | string) => {
  const at = path.join(dir, name);
  fs.writeFileSync(at, content);
  return at;
};

describe('readDimensions', () => {
  test('PNG, JPEG, GIF and WebP sizes come from their headers', () => {
    expect(readDimensions(file('a.png', png(64, 48)))).toEqual({ width: 64, height: 48 });
    expect(readDimensions(file('a.jpg', jpeg(1200, 800)))).toEqual({ width: 1200, height: 800 });
    expect(readDimensions(file('a.gif', gif(320, 200)))).toEqual({ width: 320, height: 200 });
    expect(readDimensions(file('a.webp', webp(300, 150)))).toEqual({ width: 300, height: 150 });
  });

  test('a JPEG turned a quarter by its EXIF orientation is laid out turned, as browsers show it', () => {
    expect(readDimensions(file('turned.jpg', jpeg(1200, 800, 6)))).toEqual({ width: 800, height: 1200 });
    expect(readDimensions(file('upside-down.jpg', jpeg(1200, 800, 3)))).toEqual({ width: 1200, height: 800 });
  });

  test('an SVG is sized by its width and height, else by its viewBox', () => {
    expect(readDimensions(file('wh.svg', svg('width="120" height="90" viewBox="0 0 12 9"')))).toEqual({ width: 120, height: 90 });
    expect(readDimensions(file('vb.svg', svg('viewBox="0 0 400 300"')))).toEqual({ width: 400, height: 300 });
    expect(readDimensions(file('w-vb.svg', svg('width="200" viewBox="0 0 400 300"')))).toEqual({ width: 200, height: 150 });
  });

  test('what cannot be measured has no size, and nothing throws', () => {
    expect(readDimensions(file('bare.svg', svg('')))).toBeUndefined();
    expect(readDimensions(file('percent.svg', svg('width="100%" height="100%"')))).toBeUndefined();
    expect(readDimensions(file('text.png', 'not an image'))).toBeUndefined();
    expect(readDimensions(file('empty.png', ''))).toBeUndefined();
    expect(readDimensions(file('cut.jpg', jpeg(10, 10).subarray(0, 6)))).toBeUndefined();
    expect(readDimensions(path.join(dir, 'missing.png'))).toBeUndefined();
    expect(readDimensions(dir)).toBeUndefined();
  });
});

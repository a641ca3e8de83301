/**
 * Reads barcodes back from a rendered PNG with zxing-wasm (ZXing C++), so a wrong or unreadable
 * barcode fails the test. The wasm is loaded from node_modules, never fetched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);
let prepared = false;

function prepare(): void {
  if (prepared) return;
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  void prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });
  prepared = true;
}

/** The texts of the Code 128 barcodes ZXing finds in the PNG (empty when it finds none). */
export async function decodeCode128(png: Buffer): Promise<string[]> {
  prepare();
  const image = PNG.sync.read(png);
  const found = await readBarcodes(
    { data: new Uint8ClampedArray(image.data), width: image.width, height: image.height, colorSpace: 'srgb' },
    { formats: ['Code128'], tryHarder: true },
  );
  return found.filter((b) => b.isValid && b.format === 'Code128').map((b) => b.text);
}

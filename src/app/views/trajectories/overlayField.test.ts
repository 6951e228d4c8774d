import { describe, expect, it } from 'vitest';

import { models } from '../../../models/registry';
import { overlayNames, overlayPlaceholder, parseOverlayField } from './overlayField';

const modelOf = (id: string) => models.find((m) => m.id === id)!;

describe('the overlay field', () => {
  it('gives each model a placeholder naming one of its own parameters', () => {
    const placeholders = models.map(overlayPlaceholder);
    for (const [k, model] of models.entries()) {
      const [, body = ''] = placeholders[k]!.split('overlay: ');
      const name = body.split('=')[0]!;
      expect(
        overlayNames(model).map((n) => n.key),
        model.id,
      ).toContain(name);
      expect(parseOverlayField(model, body).ok, model.id).toBe(true);
    }
    expect(new Set(placeholders).size).toBeGreaterThan(2);
  });

  it('accepts every slider of every model, by key and by symbol', () => {
    for (const model of models)
      for (const n of overlayNames(model)) {
        expect(parseOverlayField(model, `${n.key}=1,2`)).toMatchObject({ ok: true, key: n.key });
        const shared = overlayNames(model).filter((m) => m.symbol === n.symbol).length > 1;
        // A symbol two parameters share (the VAE's γ) asks for the key instead.
        expect(parseOverlayField(model, `${n.symbol}=1,2`)).toMatchObject(
          shared ? { ok: false } : { ok: true, key: n.key },
        );
      }
  });

  it('takes the GAN’s linked η slider', () => {
    const gan = modelOf('gan');
    expect(parseOverlayField(gan, 'eta=1,2,4')).toEqual({
      ok: true,
      key: 'eta',
      values: [1, 2, 4],
    });
    expect(parseOverlayField(gan, 'η = 1, 2')).toEqual({ ok: true, key: 'eta', values: [1, 2] });
  });

  it('explains mistakes in its own syntax (=, not the URL’s :)', () => {
    const gan = modelOf('gan');
    for (const typed of ['eta:1,2', 'nope=1', 'eta=a,b']) {
      const r = parseOverlayField(gan, typed);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).not.toMatch(/name:v1/);
    }
    const r = parseOverlayField(gan, 'eta:1,2');
    expect(!r.ok && r.message).toContain('name=v1,v2');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseState } from '../../core/state';
import { models } from '../../models/registry';
import { APP_KEYS, parseViewSettings } from '../appKeys';
import { fillCaption, texValue, unknownPlaceholders } from './caption';
import { decodeStory, encodeStory, looksEncoded, MAX_INFLATED_BYTES } from './codec';
import { SHIPPED_STORIES } from './stories';
import { checkStory, moveScene, parseStoryJson, sceneState, type Story, storyJson } from './story';

const model = (id: string) => models.find((m) => m.id === id)!;
const paramsOf = (query: string) => parseState(query, models).params;

const sceneArb = fc.record({
  state: fc.string({ maxLength: 200 }).map(sceneState),
  caption: fc.string({ maxLength: 300 }),
});
const storyArb: fc.Arbitrary<Story> = fc.record({
  title: fc.string({ maxLength: 60 }),
  scenes: fc.array(sceneArb, { minLength: 1, maxLength: 8 }),
});

describe('the story codec (story=)', () => {
  it('round-trips any story, through a URL-safe code', async () => {
    await fc.assert(
      fc.asyncProperty(storyArb, async (story) => {
        const raw = await encodeStory(story);
        expect(looksEncoded(raw)).toBe(true);
        expect(encodeURIComponent(raw)).toBe(raw);
        const back = await decodeStory(raw);
        expect(back).toEqual({ ok: true, value: story });
      }),
      { numRuns: 60 },
    );
  });

  it('compresses: a shipped story fits in a short link', async () => {
    const gan = SHIPPED_STORIES.find((s) => s.id === 'gan')!;
    const raw = await encodeStory(gan);
    expect(raw.length).toBeLessThan(JSON.stringify(gan.scenes).length * 0.6);
  });

  it('never throws on a hostile value, and says why it refuses it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (junk) => {
        const r = await decodeStory(junk);
        if (!r.ok) expect(r.message).toMatch(/cannot be read/);
      }),
      { numRuns: 200 },
    );
    for (const raw of ['', 'z', 'zAAAA', 'z$$$', 'z' + 'A'.repeat(30000), 'z__--__']) {
      const r = await decodeStory(raw);
      expect(r.ok).toBe(false);
    }
  });

  it('refuses a bomb: a small code that inflates past the cap', async () => {
    const big: Story = {
      title: 'x',
      scenes: [{ state: '', caption: 'a'.repeat(MAX_INFLATED_BYTES * 2) }],
    };
    const raw = await encodeStory(big);
    expect(raw.length).toBeLessThan(5000);
    const r = await decodeStory(raw);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/inflates to more/) });
  });

  it('refuses valid JSON that is not a story', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ scenes: 'no' }));
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    const raw =
      'z' +
      btoa(String.fromCharCode(...packed))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const r = await decodeStory(raw);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/needs "scenes"/) });
  });
});

describe('story validation (imports)', () => {
  it('reads back what it exports', () => {
    const story: Story = { title: 'T', scenes: [{ state: 'model=gan&tau=0.3', caption: 'a $x$' }] };
    expect(parseStoryJson(storyJson(story))).toEqual({ ok: true, value: story });
  });

  it('says what is wrong, in a sentence', () => {
    const msg = (text: string) => {
      const r = parseStoryJson(text);
      return r.ok ? '' : r.message;
    };
    expect(msg('{')).toMatch(/not JSON/);
    expect(msg('[]')).toMatch(/JSON object/);
    expect(msg('{"scenes": []}')).toMatch(/no scenes/);
    expect(msg('{"scenes": [{"state": 1, "caption": ""}]}')).toMatch(/scene 1: "state"/);
    expect(msg('{"version": 2, "scenes": []}')).toMatch(/version 2/);
    expect(msg(JSON.stringify({ scenes: Array(61).fill({ state: '', caption: '' }) }))).toMatch(
      /at most 60/,
    );
  });

  it('strips a scene of the story keys and of a link prefix', () => {
    expect(sceneState('https://x.org/app/?model=gan&story=zAB&scene=2&tau=0.3')).toBe(
      'model=gan&tau=0.3',
    );
    expect(checkStory({ scenes: [{ state: '?story=gan&model=vae', caption: '' }] })).toEqual({
      ok: true,
      value: { title: 'Untitled story', scenes: [{ state: 'model=vae', caption: '' }] },
    });
  });

  it('reorders scenes and ignores moves out of range', () => {
    const s: Story = { title: '', scenes: ['a', 'b', 'c'].map((c) => ({ state: '', caption: c })) };
    expect(moveScene(s, 0, 2).scenes.map((x) => x.caption)).toEqual(['b', 'c', 'a']);
    expect(moveScene(s, 0, -1)).toBe(s);
  });
});

describe('captions written from the state', () => {
  it('fills {key} with the symbol and the value of the state', () => {
    const gan = model('gan');
    const p = paramsOf('model=gan&tau=0.3&taut=0.047&eta=4&lambda=inf');
    expect(fillCaption('at {tau} and {taut}, {eta}, {lambda}', gan, p)).toBe(
      'at $\\tau = 0.3$ and $\\tilde\\tau = 0.047$, $\\eta = 4$, $\\lambda = \\infty$',
    );
  });

  it('follows the slider: the same caption at another value says the other value', () => {
    const vae = model('vae');
    const caption = 'collapse at {beta}';
    expect(fillCaption(caption, vae, paramsOf('model=vae&beta=2.5'))).toBe(
      'collapse at $\\beta = 2.5$',
    );
    expect(fillCaption(caption, vae, paramsOf('model=vae&beta=0.5'))).toBe(
      'collapse at $\\beta = 0.5$',
    );
  });

  it('leaves TeX braces, unknown names and escaped dollars alone', () => {
    const gan = model('gan');
    const p = paramsOf('model=gan');
    expect(fillCaption('$\\mathrm{d}\\frac{1}{tau}$ {nope} costs \\$5', gan, p)).toBe(
      '$\\mathrm{d}\\frac{1}{tau}$ {nope} costs \\$5',
    );
    expect(unknownPlaceholders('{tau} {nope} ${d}$', gan)).toEqual(['nope']);
  });

  it('writes values as TeX', () => {
    expect(texValue(0.123456)).toBe('0.123');
    expect(texValue([5, 3])).toBe('(5, 3)');
    expect(texValue('sparse:5,0.2')).toBe('\\text{sparse:5,0.2}');
    expect(texValue('a}\\b')).toBe('\\text{ab}');
  });
});

describe('the shipped stories', () => {
  it('one per paper, each scene a clean state of its model with known placeholders', () => {
    expect(SHIPPED_STORIES.map((s) => s.model)).toEqual(
      expect.arrayContaining(['gan', 'vae', 'pca', 'contrastive']),
    );
    for (const story of SHIPPED_STORIES) {
      expect(checkStory(story).ok).toBe(true);
      for (const scene of story.scenes) {
        const parsed = parseState(scene.state, models, { extraKeys: APP_KEYS });
        expect(parsed.model.id).toBe(story.model);
        const view = parseViewSettings(parsed.model, parsed.params, parsed.extras);
        expect([...parsed.notices, ...view.notices]).toEqual([]);
        expect(view.settings.show?.length).toBeGreaterThan(0);
        expect(unknownPlaceholders(scene.caption, parsed.model)).toEqual([]);
      }
    }
  });
});

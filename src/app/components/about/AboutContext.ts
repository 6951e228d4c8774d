/**
 * What a view's ⓘ says: the grid of views provides each view kind's text (ViewKind.about) to
 * the frame it renders, so that the frame stays generic and no view passes it by hand.
 */
import { createContext } from 'react';

/** A lead sentence and its items (a model's phases, each with its meaning). */
export interface AboutList {
  lead: string;
  items: readonly string[];
}

/** Two or three short paragraphs, each a sentence or two, or a short list. */
export type AboutText = readonly (string | AboutList)[];

export const AboutContext = createContext<AboutText | null>(null);

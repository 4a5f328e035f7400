// Story views for the API, cached by story version: a view is built from every article of its story
// (timeline, summary, entities), which costs milliseconds per hundred articles, while readers open
// the same few stories again and again. A view is rebuilt only when the store says the story was
// written since (storyVersion), so every process serving the same database stays current.
import type { StoredArticle, StoryView } from '../domain/index.js';
import type { StoryStore } from '../store/index.js';
import { buildStoryView } from '../timeline/index.js';
import { notFound } from './errors.js';

/** Views kept: a few hundred stories' views are tens of megabytes. */
const CAPACITY = 300;

export class StoryViews {
  private readonly cached = new Map<string, { version: string; view: StoryView }>();

  constructor(private readonly store: StoryStore) {}

  /** The story's view under its current id (a merged story answers under its old id too). */
  async view(id: string): Promise<StoryView> {
    const current = await this.current(id);
    // The version is read before the articles: a write in between leaves a newer view under an
    // older version, rebuilt at the next request, never an older view under a newer one.
    const version = await this.store.storyVersion(current);
    const hit = this.cached.get(current);
    if (hit && version !== null && hit.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.cached.delete(current);
      this.cached.set(current, hit);
      return hit.view;
    }
    const view = buildStoryView(current, await this.store.storyArticles(current));
    if (version !== null) {
      this.cached.delete(current);
      this.cached.set(current, { version, view });
      if (this.cached.size > CAPACITY) this.cached.delete(this.cached.keys().next().value!);
    }
    return view;
  }

  /** The view and the articles it was built from, for what reads both (quotes, differences, feeds); not cached. */
  async viewWithArticles(id: string): Promise<{ view: StoryView; articles: StoredArticle[] }> {
    const current = await this.current(id);
    const articles = await this.store.storyArticles(current);
    return { view: buildStoryView(current, articles), articles };
  }

  private async current(id: string): Promise<string> {
    const current = await this.store.resolveStoryId(id);
    if (!current) throw notFound('story', id);
    return current;
  }
}
